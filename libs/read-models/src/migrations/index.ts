import { readModels } from '../registry';
import { CreateProjectionCheckpoints1764100000001 } from './1764100000001-create-projection-checkpoints.migration';

const timestampOf = (migration: Function): number => Number(/(\d{13})$/.exec(migration.name)![1]);

/**
 * Migrations of the read-model tables (those the registered read models name), in timestamp
 * order. A rebuild replays exactly these in a shadow schema, so they must name tables without a
 * schema and touch no other table.
 */
export const readModelTableMigrations = [...new Set(readModels.flatMap((model) => model.migrations))].sort(
  (a, b) => timestampOf(a) - timestampOf(b),
);

/** Every migration of this library, for the service's data source. */
export const readModelMigrations = [...readModelTableMigrations, CreateProjectionCheckpoints1764100000001];
