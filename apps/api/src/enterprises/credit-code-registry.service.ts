import { Inject, Injectable } from '@nestjs/common';
import { enterpriseErrors, enterpriseStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { Pool } from 'pg';
import { isDatabaseUnavailable } from '../common/problem';
import { EVENT_STORE, PG_POOL } from '../database/database.module';

/** A reservation older than this whose enterprise has no stream was left by a crash. */
const ABANDONED_AFTER_SECONDS = 60;

/**
 * Keeps unified social credit codes unique across enterprises. The event store cannot check a
 * rule across streams, and the read model lags, so a code is first reserved under a primary key
 * (enterprise_credit_codes): of two racing registrations only one can insert it. The other gets
 * 409 CREDIT_CODE_TAKEN. A registration that fails releases its reservation; one left behind by
 * a crash between reserving and appending is taken over once it is a minute old and its
 * enterprise still has no stream.
 */
@Injectable()
export class CreditCodeRegistry {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Runs `register` holding `creditCode` for `enterpriseId`; no code: just runs it. */
  async registering<T>(creditCode: string | undefined, enterpriseId: string, register: () => Promise<T>): Promise<T> {
    if (creditCode === undefined) return register();
    await this.reserve(creditCode, enterpriseId);
    try {
      return await register();
    } catch (error) {
      // With the database unreachable the append may have committed unheard: keep the code.
      if (!isDatabaseUnavailable(error)) {
        await this.pool.query('DELETE FROM enterprise_credit_codes WHERE credit_code = $1 AND enterprise_id = $2', [
          creditCode,
          enterpriseId,
        ]);
      }
      throw error;
    }
  }

  private async reserve(creditCode: string, enterpriseId: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.pool.query(
        'INSERT INTO enterprise_credit_codes (credit_code, enterprise_id) VALUES ($1, $2) ON CONFLICT (credit_code) DO NOTHING',
        [creditCode, enterpriseId],
      );
      if (inserted.rowCount === 1) return;
      const { rows } = await this.pool.query<{ enterprise_id: string; abandoned: boolean }>(
        `SELECT enterprise_id, reserved_at < now() - make_interval(secs => $2) AS abandoned FROM enterprise_credit_codes WHERE credit_code = $1`,
        [creditCode, ABANDONED_AFTER_SECONDS],
      );
      const holder = rows[0];
      if (holder === undefined) continue; // released meanwhile: try again
      if (!holder.abandoned || (await this.store.readStream(enterpriseStream(holder.enterprise_id))).version > 0)
        throw enterpriseErrors.creditCodeTaken();
      const taken = await this.pool.query(
        'UPDATE enterprise_credit_codes SET enterprise_id = $2, reserved_at = now() WHERE credit_code = $1 AND enterprise_id = $3',
        [creditCode, enterpriseId, holder.enterprise_id],
      );
      if (taken.rowCount === 1) return;
    }
    throw enterpriseErrors.creditCodeTaken();
  }
}
