import type { CurrentUser } from '@ficathon/schema';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** Present for unexpected errors, so a reader can quote it and we can find the log line. */
      errorId?: string;
    }
    interface Locals {
      /** The signed-in user, or null; set once per request by the session hook. */
      user: CurrentUser | null;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
