import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { ApiError } from '../common/problem';
import { PG_POOL } from '../database/database.module';
import { ProjectionStatusService, ProjectorHealth } from '../projection/projection-status.service';

/** Longest a health check waits for the database. */
const HEALTH_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly projection: ProjectionStatusService,
  ) {}

  /**
   * Up when the database answers; a load balancer takes the instance out otherwise. `projector`
   * tells whether some process projects (`running`), its checkpoint and how far the read models
   * lag behind the log: stale reads, not a reason to stop serving.
   */
  @Get()
  async health(): Promise<{ status: 'ok'; database: { status: 'up'; latencyMs: number }; projector: ProjectorHealth }> {
    const started = Date.now();
    try {
      // The pool waits out a failover when it opens a connection; a health check must not.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), HEALTH_TIMEOUT_MS)),
      );
      await Promise.race([this.pool.query('SELECT 1'), late]).finally(() => clearTimeout(timer));
    } catch {
      throw new ApiError('DATABASE_UNAVAILABLE', 'The database does not answer.');
    }
    const latencyMs = Date.now() - started;
    return { status: 'ok', database: { status: 'up', latencyMs }, projector: await this.projection.health() };
  }
}
