import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { withIdColumn } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against Kysely<any> */

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // One row per listed header value (warning, fandom, pairing, character), so filters and facet
  // counts are indexed queries rather than scans of header JSON. `value_key` is the folded value.
  await db.schema
    .createTable('entry_tag')
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('value_key', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('entry_tag_pk', ['entry_id', 'kind', 'value_key'])
    .execute();
  await db.schema
    .createIndex('entry_tag_kind_value_idx')
    .on('entry_tag')
    .columns(['kind', 'value_key', 'entry_id'])
    .execute();

  await db.schema
    .alterTable('entry')
    .addColumn('kudos_count', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  // Title folded for sorting; byte order ("C") on PostgreSQL so both databases sort alike.
  await db.schema
    .alterTable('entry')
    .addColumn('title_key', 'text', (col) =>
      isPostgres
        ? col
            .notNull()
            .defaultTo('')
            .modifyEnd(sql`collate "C"`)
        : col.notNull().defaultTo(''),
    )
    .execute();
  await sql`update entry set title_key = lower(title)`.execute(db);
  for (const [name, column] of [
    ['entry_list_newest_idx', 'submitted_at'],
    ['entry_list_title_idx', 'title_key'],
    ['entry_list_length_idx', 'word_count'],
    ['entry_list_kudos_idx', 'kudos_count'],
  ] as const) {
    await db.schema.createIndex(name).on('entry').columns(['challenge_id', column, 'id']).execute();
  }

  // Full-text search: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL.
  if (isPostgres) {
    await sql`alter table entry add column search_vector tsvector`.execute(db);
    await sql`create index entry_search_idx on entry using gin (search_vector)`.execute(db);
  } else {
    await sql`create virtual table entry_search using fts5(title, summary, header, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }

  await db.schema
    .createTable('kudos')
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('kudos_pk', ['entry_id', 'user_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('comment'))
    .addColumn('entry_id', 'integer', (col) =>
      col.notNull().references('entry.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (col) => col.references('comment.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('pseud_id', 'integer', (col) => col.notNull().references('pseud.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('comment_entry_idx')
    .on('comment')
    .columns(['entry_id', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('notification'))
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('user.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'integer', (col) => col.references('entry.id').onDelete('cascade'))
    .addColumn('challenge_id', 'integer', (col) =>
      col.references('challenge.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'id'])
    .execute();

  // Reader preferences: skip the adult-content gate; ratings, warnings and tags to hide everywhere.
  await db.schema
    .createTable('user_preference')
    .addColumn('user_id', 'integer', (col) =>
      col.primaryKey().references('user.id').onDelete('cascade'),
    )
    .addColumn('skip_adult_gate', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('hidden_ratings_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('hidden_warnings_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('hidden_tags_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable('user_preference').execute();
  await db.schema.dropTable('notification').execute();
  await db.schema.dropTable('comment').execute();
  await db.schema.dropTable('kudos').execute();
  if (isPostgres) {
    await sql`drop index entry_search_idx`.execute(db);
    await sql`alter table entry drop column search_vector`.execute(db);
  } else {
    await sql`drop table entry_search`.execute(db);
  }
  for (const name of [
    'entry_list_newest_idx',
    'entry_list_title_idx',
    'entry_list_length_idx',
    'entry_list_kudos_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable('entry').dropColumn('title_key').execute();
  await db.schema.alterTable('entry').dropColumn('kudos_count').execute();
  await db.schema.dropTable('entry_tag').execute();
}
