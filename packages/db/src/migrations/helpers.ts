import {
  PostgresAdapter,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
} from 'kysely';

// Migrations take Kysely<any> and must not import application code: they describe the schema as it
// was on the day they landed, whatever the code looks like later.

/** Adds an auto-incrementing integer primary key that works on SQLite and PostgreSQL. */
export function withIdColumn<T extends string>(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
    isPostgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}
