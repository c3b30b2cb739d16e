import { CheckpointedSubscription, EventStore, RecordedEvent } from '@luodi/event-store';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import {
  advanceCheckpoint,
  CheckpointMovedError,
  liveSchema,
  loadCheckpoint,
  PROJECTION_LOCK_CLASS,
  READ_MODELS_PROJECTION,
} from './checkpoints';
import { fillEmptyDerivedReadModels, projectBatch, RowsWritten } from './read-model-writer';

export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  dataSource: DataSource;
  store: EventStore;
  /** For the advisory lock's own session: a pooled connection could be handed to someone else. */
  databaseUrl: string;
  batchSize?: number;
  pollIntervalMs?: number;
  logger?: ProjectorLogger;
  /**
   * Another consumer of the log on the same machinery (its own checkpoint and lock, by this
   * name): e.g. the notification outbox. Default: the read models.
   */
  consumer?: { name: string; handle(manager: EntityManager, events: readonly RecordedEvent[]): Promise<RowsWritten> };
}

/** `running`: holds the lock and projects; `standby`: waits for the lock; `stopped`. */
export type ProjectorState = 'running' | 'standby' | 'stopped';

export interface BatchProjected {
  events: number;
  checkpoint: string;
  position: number;
  /** Rows written per read model (every registered one, 0 included). */
  rows: RowsWritten;
}

/**
 * Keeps the read models up to date from the event log. Any number of projector processes may
 * run: each holds out for a PostgreSQL session advisory lock on its own connection, and only the
 * holder projects. When the holder dies its connection drops, the lock is released and a waiting
 * projector takes over from the stored checkpoint. Each batch moves the checkpoint and writes the
 * rows in one transaction, so a crash at any point loses nothing and applies nothing twice.
 */
export class Projector {
  readonly name: string;
  private current: ProjectorState = 'stopped';
  private stopSignal = new AbortController();
  private running?: Promise<void>;
  private decided?: () => void;
  private readonly listeners = new Set<(batch: BatchProjected) => void>();

  constructor(private readonly options: ProjectorOptions) {
    this.name = options.consumer?.name ?? READ_MODELS_PROJECTION;
  }

  get state(): ProjectorState {
    return this.current;
  }

  /** Called after every committed batch. */
  onBatch(listener: (batch: BatchProjected) => void): void {
    this.listeners.add(listener);
  }

  /** Resolves once the projector knows whether it projects now or stands by (or could not connect). */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.stopSignal = new AbortController();
    const decided = new Promise<void>((resolve) => (this.decided = resolve));
    this.running = this.run(this.stopSignal.signal).finally(() => {
      this.running = undefined;
      this.current = 'stopped';
      this.decided?.();
    });
    return decided;
  }

  /** Finishes the batch under way, then releases the lock. */
  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.running;
  }

  private async run(stop: AbortSignal): Promise<void> {
    const stopped = new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
    while (!stop.aborted) {
      const lock = new Client({ connectionString: this.options.databaseUrl, keepAlive: true });
      // Stopping ends a wait for the lock at once; while projecting, the subscription stops first.
      const endWait = () => this.current !== 'running' && void lock.end().catch(() => undefined);
      stop.addEventListener('abort', endWait);
      const lost = new Promise<void>((resolve) => {
        lock.on('error', () => resolve());
        lock.on('end', () => resolve());
      });
      try {
        await lock.connect();
        const [{ locked }] = (
          await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
            PROJECTION_LOCK_CLASS,
            this.name,
          ])
        ).rows;
        if (!locked) {
          this.current = 'standby';
          this.decided?.();
          await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [PROJECTION_LOCK_CLASS, this.name]);
        }
        if (stop.aborted) break;
        this.current = 'running';
        this.decided?.();
        this.options.logger?.log(`${this.name}: holding the projection lock, projecting`);
        await this.projectUntil(Promise.race([lost, stopped]));
        if (!stop.aborted)
          this.options.logger?.warn(`${this.name}: lost the projection lock's connection; waiting to take it again`);
      } catch (error) {
        this.decided?.();
        if (!stop.aborted) {
          this.options.logger?.warn(
            `${this.name}: projection lock unavailable (${(error as Error).message}); retrying`,
          );
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      } finally {
        stop.removeEventListener('abort', endWait);
        this.current = 'stopped';
        await lock.end().catch(() => undefined);
      }
    }
  }

  /**
   * A read model derived from others, added by an upgrade, starts empty beside stored sources: it
   * is derived from them before projecting, with the checkpoint row locked (a rebuild's swap waits
   * for it, and it for the swap).
   */
  private async fillEmptyDerived(schema: string): Promise<void> {
    const filled = await this.options.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [this.name]);
      return fillEmptyDerivedReadModels(manager, schema);
    });
    if (filled.length > 0) this.options.logger?.log(`${this.name}: derived ${filled.join(', ')} from the stored rows`);
  }

  private async projectUntil(done: Promise<void>): Promise<void> {
    const { dataSource, store, batchSize = 1000, pollIntervalMs = 1000, logger } = this.options;
    const schema = await liveSchema(dataSource.manager);
    if (!this.options.consumer) await this.fillEmptyDerived(schema);
    let expected: string | null = null;
    const subscription = new CheckpointedSubscription({
      store,
      batchSize,
      pollIntervalMs,
      loadCheckpoint: async () => (expected = await loadCheckpoint(dataSource.manager, this.name)),
      handle: async (events) => {
        const last = events[events.length - 1];
        const rows = await dataSource.transaction(async (manager) => {
          await advanceCheckpoint(manager, this.name, expected, last.checkpoint, last.globalPosition);
          return this.options.consumer
            ? this.options.consumer.handle(manager, events)
            : projectBatch(manager, events, schema);
        });
        expected = last.checkpoint;
        const batch = { events: events.length, checkpoint: last.checkpoint, position: last.globalPosition, rows };
        this.listeners.forEach((listener) => listener(batch));
      },
      onError: (error) =>
        error instanceof CheckpointMovedError
          ? logger?.log(error.message)
          : logger?.error(`${this.name}: batch failed, will retry: ${(error as Error).stack ?? error}`),
    });
    subscription.start();
    await done;
    await subscription.stop();
  }
}
