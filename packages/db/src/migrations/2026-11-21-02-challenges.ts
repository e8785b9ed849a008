import type { Kysely } from 'kysely';
import { withIdColumn } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against Kysely<any> */

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('challenge'))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('owner_id', 'integer', (col) => col.notNull().references('user.id'))
    .addColumn('organizer_pseud_id', 'integer', (col) => col.notNull().references('pseud.id'))
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('anonymous', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('moderated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('announced_at', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('voting_opens_at', 'text')
    .addColumn('voting_closes_at', 'text')
    .addColumn('results_published_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('challenge_owner_id_idx')
    .on('challenge')
    .column('owner_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('prompt'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('credit', 'text')
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('prompt_challenge_position_idx')
    .on('prompt')
    .columns(['challenge_id', 'position'])
    .execute();

  await withIdColumn(db, db.schema.createTable('entry'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('prompt_id', 'integer', (col) => col.references('prompt.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('user.id'))
    .addColumn('pseud_id', 'integer', (col) => col.notNull().references('pseud.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('rating_raw', 'text')
    .addColumn('rating', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('header_json', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('body_format', 'text', (col) => col.notNull())
    .addColumn('word_count', 'integer', (col) => col.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('entry_challenge_status_idx')
    .on('entry')
    .columns(['challenge_id', 'status'])
    .execute();
  await db.schema.createIndex('entry_user_id_idx').on('entry').column('user_id').execute();

  await withIdColumn(db, db.schema.createTable('entry_revision'))
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('header_json', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('body_format', 'text', (col) => col.notNull())
    .addColumn('word_count', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('entry_revision_entry_id_idx')
    .on('entry_revision')
    .column('entry_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('entry_revision').execute();
  await db.schema.dropTable('entry').execute();
  await db.schema.dropTable('prompt').execute();
  await db.schema.dropTable('challenge').execute();
}
