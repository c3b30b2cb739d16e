import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { EventStore, PgChannelListener } from '@luodi/event-store';
import { PROJECTION_CHANNEL, READ_MODELS_PROJECTION } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '../database/database.module';
import { databaseUrlOf } from './database-url';

/** Without a LISTEN connection, waiters look again this often. */
const FALLBACK_POLL_MS = 500;

/**
 * Read-your-writes: waits until the read models have passed a position a command returned. It
 * wakes when a projector announces committed progress (LISTEN on PROJECTION_CHANNEL, whichever
 * process projects), then compares the stored checkpoint with the position using the store's
 * own order (isAtOrBefore), since global positions alone do not give the commit order.
 */
@Injectable()
export class ReadPositionService implements OnModuleDestroy {
  private readonly progress: PgChannelListener;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.progress = new PgChannelListener({ connectionString: databaseUrlOf(dataSource) }, PROJECTION_CHANNEL);
  }

  /** true once the read models include `position`; false if that takes longer than `timeoutMs`. */
  async waitUntilProjected(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const listening = await this.progress.listening();
    for (;;) {
      // Armed before looking, so progress made while we look still wakes us.
      const left = deadline - Date.now();
      const next = this.progress.next(listening ? left : Math.min(left, FALLBACK_POLL_MS));
      const passed = await this.store.isAtOrBefore(position, await this.checkpoint());
      if (passed || left <= 0 || this.progress.isClosed) {
        next.cancel();
        return passed;
      }
      await next.promise;
    }
  }

  /**
   * true once the read models hold every event committed before this call (nothing after their
   * checkpoint), whatever the store; false if that takes longer than `timeoutMs`. For figures
   * that are frozen, such as a published report.
   */
  async waitUntilCaughtUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const listening = await this.progress.listening();
    for (;;) {
      const left = deadline - Date.now();
      const next = this.progress.next(listening ? left : Math.min(left, FALLBACK_POLL_MS));
      const behind = (await this.store.readAll(await this.checkpoint(), 1)).length > 0;
      if (!behind || left <= 0 || this.progress.isClosed) {
        next.cancel();
        return !behind;
      }
      await next.promise;
    }
  }

  private async checkpoint(): Promise<string | null> {
    const rows: Array<{ checkpoint: string | null }> = await this.dataSource.query(
      `SELECT checkpoint FROM projection_checkpoints WHERE name = $1`,
      [READ_MODELS_PROJECTION],
    );
    return rows[0]?.checkpoint ?? null;
  }

  onModuleDestroy(): Promise<void> {
    return this.progress.close();
  }
}
