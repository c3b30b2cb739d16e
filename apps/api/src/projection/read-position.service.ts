import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { EventStore } from '@luodi/event-store';
import { PROJECTION_CHANNEL, READ_MODELS_PROJECTION } from '@luodi/read-models';
import { Client } from 'pg';
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
  private listener?: Promise<Client | undefined>;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** true once the read models include `position`; false if that takes longer than `timeoutMs`. */
  async waitUntilProjected(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const listening = (await this.listen()) !== undefined;
    for (;;) {
      // Armed before looking, so progress made while we look still wakes us.
      const left = deadline - Date.now();
      const progress = this.nextProgress(listening ? left : Math.min(left, FALLBACK_POLL_MS));
      const passed = await this.store.isAtOrBefore(position, await this.checkpoint());
      if (passed) {
        progress.cancel();
        return true;
      }
      if (Date.now() >= deadline || this.closed) {
        progress.cancel();
        return false;
      }
      await progress.promise;
    }
  }

  private async checkpoint(): Promise<string | null> {
    const rows: Array<{ checkpoint: string | null }> = await this.dataSource.query(`SELECT checkpoint FROM projection_checkpoints WHERE name = $1`, [
      READ_MODELS_PROJECTION,
    ]);
    return rows[0]?.checkpoint ?? null;
  }

  private nextProgress(timeoutMs: number): { promise: Promise<void>; cancel(): void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(() => wake(), Math.max(0, timeoutMs));
      wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
    return { promise, cancel: () => wake() };
  }

  /** One LISTEN connection, opened on first use; if it fails, waiters poll. */
  private listen(): Promise<Client | undefined> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: databaseUrlOf(this.dataSource) });
      try {
        await client.connect();
        client.on('notification', () => [...this.waiters].forEach((wake) => wake()));
        client.on('error', () => {
          this.listener = undefined;
        });
        await client.query(`LISTEN ${PROJECTION_CHANNEL}`);
        if (this.closed) await client.end();
        return client;
      } catch {
        this.listener = undefined;
        await client.end().catch(() => undefined);
        return undefined;
      }
    })();
    return this.listener;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    [...this.waiters].forEach((wake) => wake());
    const client = await this.listener;
    await client?.end().catch(() => undefined);
  }
}
