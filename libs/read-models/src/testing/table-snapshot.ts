import { DataSource } from 'typeorm';
import { readModelEntities } from '../registry';

/**
 * Every read-model table's full contents, rows in primary-key order: two snapshots are equal
 * exactly when the read models are. For the crash and rebuild tests.
 */
export async function snapshotReadModels(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const entity of readModelEntities) {
    const metadata = dataSource.getMetadata(entity);
    const keys = metadata.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ');
    const rows: Array<{ row: unknown }> = await dataSource.query(
      `SELECT to_jsonb(t) - 'search' AS row FROM "${metadata.tableName}" t ORDER BY ${keys}`,
    );
    snapshot[metadata.tableName] = rows.map((r) => r.row);
  }
  return snapshot;
}

/** Empties every read-model table and resets the checkpoint: the read models as before any event. */
export async function resetReadModels(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `TRUNCATE ${readModelEntities.map((entity) => `"${dataSource.getMetadata(entity).tableName}"`).join(', ')}`,
  );
  await dataSource.query(`UPDATE projection_checkpoints SET checkpoint = NULL, position = 0`);
}
