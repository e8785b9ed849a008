import { z } from 'zod';

/**
 * The largest id a row can have: PostgreSQL's integer. A larger number names nothing, and must
 * never reach the database as a query parameter.
 */
export const MAX_ID = 2_147_483_647;

/** A reference to a row in a request body. */
export const IdSchema = z
  .number({ error: 'Choose one.' })
  .int('Choose one.')
  .positive('Choose one.')
  .max(MAX_ID, 'There is nothing with this id.');
