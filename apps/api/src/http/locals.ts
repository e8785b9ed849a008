import type { Authenticated } from '../services/auth.service';

declare global {
  // Express reads request-scoped values from res.locals; type the ones this API sets.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      requestId: string;
      /** The signed-in user and session, or null for a visitor. */
      auth: Authenticated | null;
    }
  }
}

export {};
