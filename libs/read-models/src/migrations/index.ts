import { CreateReadModels1764100000000 } from './1764100000000-create-read-models.migration';
import { CreateProjectionCheckpoints1764100000001 } from './1764100000001-create-projection-checkpoints.migration';
import { CreateMatchmakingReadModels1764300000000 } from './1764300000000-create-matchmaking-read-models.migration';

/**
 * Migrations of the read-model tables, in order. A rebuild replays exactly these in a shadow
 * schema, so they must name tables without a schema and touch no other table.
 */
export const readModelTableMigrations = [CreateReadModels1764100000000, CreateMatchmakingReadModels1764300000000];

/** Every migration of this library, for the service's data source. */
export const readModelMigrations = [...readModelTableMigrations, CreateProjectionCheckpoints1764100000001];
