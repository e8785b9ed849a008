import { sql, type Kysely } from 'kysely';
import { withIdColumn } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against Kysely<any> */

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('community'))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('owner_id', 'integer', (col) => col.notNull().references('user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('community_moderator')
    .addColumn('community_id', 'integer', (col) =>
      col.notNull().references('community.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('community_moderator_pk', ['community_id', 'user_id'])
    .execute();

  await db.schema
    .alterTable('challenge')
    .addColumn('community_id', 'integer', (col) => col.references('community.id'))
    .execute();
  await db.schema
    .alterTable('challenge')
    .addColumn('rules_json', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('challenge')
    .addColumn('grace_minutes', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('challenge')
    .addColumn('organizers_see_authors', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('challenge').addColumn('claim_expiry_days', 'integer').execute();
  await db.schema.alterTable('challenge').addColumn('draw_seed', 'text').execute();
  await db.schema
    .createIndex('challenge_community_id_idx')
    .on('challenge')
    .column('community_id')
    .execute();

  await db.schema
    .createTable('challenge_organizer')
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('challenge_organizer_pk', ['challenge_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('challenge_organizer_user_id_idx')
    .on('challenge_organizer')
    .column('user_id')
    .execute();

  await db.schema.alterTable('prompt').addColumn('max_claims', 'integer').execute();
  await db.schema.alterTable('prompt').addColumn('image_alt', 'text').execute();

  await withIdColumn(db, db.schema.createTable('prompt_claim'))
    .addColumn('prompt_id', 'integer', (col) =>
      col.notNull().references('prompt.id').onDelete('cascade'),
    )
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('claimed_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('released_at', 'text')
    .execute();
  // One live claim per writer and prompt; released claims stay as history.
  await db.schema
    .createIndex('prompt_claim_live_unique')
    .on('prompt_claim')
    .columns(['prompt_id', 'user_id'])
    .unique()
    .where(sql.ref('released_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('prompt_claim_challenge_user_idx')
    .on('prompt_claim')
    .columns(['challenge_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('prompt_draw_signup')
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('prompt_draw_signup_pk', ['challenge_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('deadline_extension')
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('until', 'text', (col) => col.notNull())
    .addColumn('granted_by', 'integer', (col) => col.notNull().references('user.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('deadline_extension_pk', ['challenge_id', 'user_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.notNull().references('challenge.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('detail_json', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_challenge_idx')
    .on('audit_log')
    .columns(['challenge_id', 'id'])
    .execute();

  await db.schema.alterTable('entry').addColumn('moderation_note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entry').dropColumn('moderation_note').execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('deadline_extension').execute();
  await db.schema.dropTable('prompt_draw_signup').execute();
  await db.schema.dropTable('prompt_claim').execute();
  await db.schema.alterTable('prompt').dropColumn('image_alt').execute();
  await db.schema.alterTable('prompt').dropColumn('max_claims').execute();
  await db.schema.dropTable('challenge_organizer').execute();
  await db.schema.dropIndex('challenge_community_id_idx').execute();
  for (const column of [
    'draw_seed',
    'claim_expiry_days',
    'organizers_see_authors',
    'grace_minutes',
    'rules_json',
    'community_id',
  ]) {
    await db.schema.alterTable('challenge').dropColumn(column).execute();
  }
  await db.schema.dropTable('community_moderator').execute();
  await db.schema.dropTable('community').execute();
}
