import { Pool } from 'pg';

/**
 * Runs a bulk load of the events table without its secondary indexes and unique constraints,
 * then puts them back exactly as they were (definitions read from the catalog): building an
 * index once is far quicker than maintaining it row by row. The data written must satisfy the
 * constraints, which re-creating them checks.
 */
export async function withBulkLoadIndexes<T>(pool: Pool, load: () => Promise<T>): Promise<T> {
  const { rows: constraints } = await pool.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'u'`,
  );
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'events'::regclass AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  for (const c of constraints) await pool.query(`ALTER TABLE events DROP CONSTRAINT ${quote(c.name)}`);
  for (const i of indexes) await pool.query(`DROP INDEX ${quote(i.name)}`);
  try {
    return await load();
  } finally {
    for (const c of constraints) await pool.query(`ALTER TABLE events ADD CONSTRAINT ${quote(c.name)} ${c.definition}`);
    for (const i of indexes) await pool.query(i.definition);
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
