// `npm run admin:create -- --email you@example.com [--display-name "Site Admin"] [--password ...]`
// Makes a site admin: promotes an existing account, or creates one. Without --password a strong
// one is generated and printed once, here, to the operator (it is never logged).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDb, migrateToLatest, Store } from '@ficathon/db';
import { SignupRequestSchema } from '@ficathon/schema';
import { loadConfig } from '../env';
import { AuthService } from '../services/auth.service';
import { argon2Hasher } from '../services/password-hasher';

const USAGE =
  'Usage: npm run admin:create -- --email you@example.com [--display-name "Site Admin"] [--password ...]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.email) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }

  const generated = values.password === undefined;
  const parsed = SignupRequestSchema.safeParse({
    email: values.email,
    password: values.password ?? randomBytes(18).toString('base64url'),
    displayName: values['display-name'] ?? 'Site admin',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`--${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const input = parsed.data;

  const config = loadConfig();
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const store = new Store(handle);
    const existing = await store.repos.users.findByEmail(input.email);
    if (existing) {
      await store.repos.users.setAdmin(existing.id, true);
      console.log(`${input.email} is now a site admin (their password is unchanged).`);
      return 0;
    }
    const auth = new AuthService(store, argon2Hasher, () => new Date());
    await auth.createAccount(input, (repos, user) => repos.users.setAdmin(user.id, true));
    console.log(`Created site admin ${input.email} in ${handle.location}.`);
    if (generated)
      console.log(`Password (shown once, change it after signing in): ${input.password}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
