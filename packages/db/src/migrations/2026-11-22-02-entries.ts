import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against Kysely<any> */

export async function up(db: Kysely<any>): Promise<void> {
  // An organizer's permission for one entry to break one rule (logged in the audit log too).
  await db.schema
    .createTable('entry_rule_exception')
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('granted_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('entry_rule_exception_pk', ['entry_id', 'rule'])
    .execute();
  await db.schema.createIndex('entry_prompt_id_idx').on('entry').column('prompt_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('entry_prompt_id_idx').execute();
  await db.schema.dropTable('entry_rule_exception').execute();
}
