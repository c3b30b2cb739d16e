import { eventStoreMigrations, ReconnectingPool } from '@luodi/event-store';
import * as pg from 'pg';
import { readModelEntities, readModelMigrations } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from './entities/department.entity';
import { IndustryChainEntity } from './entities/industry-chain.entity';
import { UserEntity } from './entities/user.entity';
import { CreateDepartments1763900000000 } from './migrations/1763900000000-create-departments.migration';
import { CreateIdempotencyKeys1763900000001 } from './migrations/1763900000001-create-idempotency-keys.migration';
import { CreateUsers1764000000000 } from './migrations/1764000000000-create-users.migration';
import { CreateAuditLog1764100000000 } from './migrations/1764100000000-create-audit-log.migration';
import { CreateEnterpriseCreditCodes1764300000000 } from './migrations/1764300000000-create-enterprise-credit-codes.migration';
import { SecureIdempotencyKeys1764300000001 } from './migrations/1764300000001-secure-idempotency-keys.migration';
import { CreateServerSecrets1764300000100 } from './migrations/1764300000100-create-server-secrets.migration';
import { CreateDisplayTokens1764800000000 } from './migrations/1764800000000-create-display-tokens.migration';
import { CreateScorecardSettings1764730000100 } from './migrations/1764730000100-create-scorecard-settings.migration';
import { CreatePublishedReports1764730000200 } from './migrations/1764730000200-create-published-reports.migration';
import { CreateEvidenceFiles1764900000100 } from './migrations/1764900000100-create-evidence-files.migration';
import { CreateNotificationReads1764803300100 } from './migrations/1764803300100-create-notification-reads.migration';
import { CreateNotificationOutbox1764803300200 } from './migrations/1764803300200-create-notification-outbox.migration';
import { CreateIndustryChains1765000000001 } from './migrations/1765000000001-create-industry-chains.migration';

/** Every table the service owns: the event log, the read models, and the service's own tables. */
export const migrations = [
  ...eventStoreMigrations,
  ...readModelMigrations,
  CreateDepartments1763900000000,
  CreateIdempotencyKeys1763900000001,
  CreateUsers1764000000000,
  CreateAuditLog1764100000000,
  CreateEnterpriseCreditCodes1764300000000,
  SecureIdempotencyKeys1764300000001,
  CreateServerSecrets1764300000100,
  CreateDisplayTokens1764800000000,
  CreateScorecardSettings1764730000100,
  CreatePublishedReports1764730000200,
  CreateEvidenceFiles1764900000100,
  CreateNotificationReads1764803300100,
  CreateNotificationOutbox1764803300200,
  CreateIndustryChains1765000000001,
];
export const entities = [...readModelEntities, DepartmentEntity, IndustryChainEntity, UserEntity];

/** TypeORM on a pool that waits out a failover when it opens connections (see ReconnectingPool). */
export function createDataSource(url: string, poolSize = 10): DataSource {
  const driver = { ...pg, Pool: ReconnectingPool };
  return new DataSource({
    type: 'postgres',
    url,
    driver,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { max: poolSize },
  });
}

/** Runs pending migrations once, even when several instances start together. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7318001)');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7318001)').catch(() => undefined);
    await lock.release();
  }
}
