import { CreateReadModels1764100000000 } from './1764100000000-create-read-models.migration';
import { CreateProjectionCheckpoints1764100000001 } from './1764100000001-create-projection-checkpoints.migration';
import { AddProjectListDepartments1764400000000 } from './1764400000000-add-project-list-departments.migration';

/**
 * Migrations of the read-model tables, in order. A rebuild replays exactly these in a shadow
 * schema, so they must name tables without a schema and touch no other table.
 */
export const readModelTableMigrations = [CreateReadModels1764100000000, AddProjectListDepartments1764400000000];

/** Every migration of this library, for the service's data source. */
export const readModelMigrations = [...readModelTableMigrations, CreateProjectionCheckpoints1764100000001];
