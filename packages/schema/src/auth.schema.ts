import { z } from 'zod';
import { singleLine } from './text.schema';

/** Limits on account fields, shared by the API's validation and the web forms' hints. */
export const ACCOUNT_LIMITS = {
  emailMax: 254,
  passwordMin: 8,
  // argon2 accepts any length, but hashing megabytes on request would be a cheap denial of service.
  passwordMax: 256,
  displayNameMax: 60,
} as const;

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(
    ACCOUNT_LIMITS.emailMax,
    `An email address has at most ${ACCOUNT_LIMITS.emailMax} characters.`,
  )
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

export const DisplayNameSchema = z
  .string({ error: 'Enter a display name.' })
  .trim()
  .min(1, 'Enter a display name.')
  .max(
    ACCOUNT_LIMITS.displayNameMax,
    `A display name has at most ${ACCOUNT_LIMITS.displayNameMax} characters.`,
  )
  .refine(...singleLine);

export const SignupRequestSchema = z.object({
  email,
  password: z
    .string({ error: 'Choose a password.' })
    .min(ACCOUNT_LIMITS.passwordMin, `Use at least ${ACCOUNT_LIMITS.passwordMin} characters.`)
    .max(ACCOUNT_LIMITS.passwordMax, `Use at most ${ACCOUNT_LIMITS.passwordMax} characters.`),
  displayName: DisplayNameSchema,
});
export type SignupRequest = z.infer<typeof SignupRequestSchema>;

export const LoginRequestSchema = z.object({
  email,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(ACCOUNT_LIMITS.passwordMax, `Use at most ${ACCOUNT_LIMITS.passwordMax} characters.`),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The signed-in user as they see themselves (the only view that includes the email). */
export const CurrentUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const AuthResponseSchema = z.object({
  /** The session token; also set as the HttpOnly `session` cookie. */
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: CurrentUserSchema,
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

/** Name of the session cookie shared by the API and the web app (one origin serves both). */
export const SESSION_COOKIE = 'session';
