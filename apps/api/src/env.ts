import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The repository root, from both src/env.ts (tsx) and dist/main.js (the bundle): both sit two
// folders below it. The default data folder lives there, whichever folder npm started us in.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Where the SQLite file lives. Relative paths are taken from where `npm` was run. */
  DATA_DIR: z.string().min(1).optional(),
  /** `postgres://user:pass@host:5432/db` switches from the embedded SQLite to PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(
      /^(postgres(ql)?:\/\/|$)/i,
      'DATABASE_URL must be a postgres:// URL (or unset for SQLite)',
    )
    .optional(),
  /** The public origin(s) of the site, comma-separated; unsafe cookie requests must come from one. */
  ORIGIN: z.string().default('http://localhost:3000'),
  /** Express `trust proxy`: the web server in front of the API is on loopback by default. */
  TRUST_PROXY: z.string().default('loopback'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'BODY_LIMIT looks like 1mb or 512kb')
    .default('1mb'),
  SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INIT_CWD: z.string().optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  origins: string[];
  trustProxy: string;
  bodyLimit: string;
  seedDemo: boolean;
  logLevel: string;
}

/** The only reader of process.env in the API. Throws a readable message for a bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const cwd = e.INIT_CWD ?? process.cwd();
  return {
    env: e.NODE_ENV,
    host: e.API_HOST,
    port: e.API_PORT,
    dataDir: e.DATA_DIR ? path.resolve(cwd, e.DATA_DIR) : path.join(repoRoot, 'data'),
    databaseUrl: e.DATABASE_URL || undefined,
    origins: e.ORIGIN.split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
  };
}
