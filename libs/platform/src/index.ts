/**
 * What the API and the projector both run on: the service's one database (its data source,
 * every migration and entity, `migrate()`), the projection metrics and the reading of the
 * environment (ConfigError). Neither app may import
 * the other (see .dependency-cruiser.cjs), so the code they share lives here.
 */
export { createDataSource, entities, migrate, migrations } from './database/data-source';
export { DepartmentEntity } from './database/entities/department.entity';
export { IndustryChainEntity } from './database/entities/industry-chain.entity';
export { SEEDED_INDUSTRY_CHAINS } from './database/migrations/1765000000001-create-industry-chains.migration';
export { UserEntity } from './database/entities/user.entity';
export { countBatch, setProjectionStatusSource } from './metrics/projection.metrics';
export {
  ConfigError,
  DATABASE_URL_PROTOCOLS,
  environmentReader,
  readDeliveryConfig,
  readEventStoreConfig,
} from './config/environment';
export type { DeliveryConfig, EnvironmentReader, EventStoreConfig } from './config/environment';
