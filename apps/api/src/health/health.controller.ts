import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Up when the database answers; a load balancer takes the instance out otherwise. */
  @Get()
  async health() {
    const started = Date.now();
    try {
      await this.pool.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ message: 'The database does not answer.', code: 'DATABASE_UNAVAILABLE' });
    }
    return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } };
  }
}
