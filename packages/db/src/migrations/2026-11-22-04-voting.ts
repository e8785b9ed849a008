import type { Kysely } from 'kysely';
import { withIdColumn } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against Kysely<any> */

export async function up(db: Kysely<any>): Promise<void> {
  // Categories, methods, eligibility and the judges' rubric, as JSON (VotingConfigSchema).
  await db.schema
    .alterTable('challenge')
    .addColumn('voting_json', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();

  // One ballot per voter per category, enforced by the database: concurrent casts by one voter
  // can only ever leave one row.
  await withIdColumn(db, db.schema.createTable('ballot'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('category_id', 'text', (col) => col.notNull())
    .addColumn('voter_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('ballot_one_per_voter', ['challenge_id', 'category_id', 'voter_id'])
    .execute();

  await db.schema
    .createTable('challenge_judge')
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('challenge_judge_pk', ['challenge_id', 'user_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('judge_score'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('judge_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('scores_json', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('judge_score_one_per_entry', ['entry_id', 'judge_id'])
    .execute();

  // Which entries a signed-in reader has opened, for the "must have read N entries" rule.
  await db.schema
    .createTable('entry_view')
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('first_opened_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('entry_view_pk', ['entry_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('entry_view_reader_idx')
    .on('entry_view')
    .columns(['challenge_id', 'user_id'])
    .execute();

  // The results as published: frozen, so later changes (a deleted account, an edited entry) never
  // change what was announced.
  await db.schema
    .createTable('challenge_result')
    .addColumn('challenge_id', 'integer', (col) =>
      col.primaryKey().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('snapshot_json', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('challenge_result').execute();
  await db.schema.dropTable('entry_view').execute();
  await db.schema.dropTable('judge_score').execute();
  await db.schema.dropTable('challenge_judge').execute();
  await db.schema.dropTable('ballot').execute();
  await db.schema.alterTable('challenge').dropColumn('voting_json').execute();
}
