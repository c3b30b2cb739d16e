import { EventStore, RecordedEvent } from './event-store.port';

export interface CheckpointedSubscriptionOptions {
  store: EventStore;
  /** Where to resume: the checkpoint of the last event handled (null: from the start). */
  loadCheckpoint(): Promise<string | null>;
  /**
   * Handles one batch. It must store `events.at(-1).checkpoint` in the same transaction as the
   * batch's effects, so a crash between the two can neither lose nor repeat an event.
   */
  handle(events: RecordedEvent[]): Promise<void>;
  batchSize?: number;
  /** Longest sleep without a push from the store: the polling fallback. */
  pollIntervalMs?: number;
  onError?(error: unknown): void;
}

/**
 * Reads the global log from a stored checkpoint and hands it on in batches, forever. Woken by the
 * store's push (LISTEN/NOTIFY on PostgreSQL); polls when no push comes. After a push that yields
 * nothing (an older transaction still holds the read fence), it looks again soon rather than
 * waiting a whole poll interval.
 */
export class CheckpointedSubscription {
  private readonly abort = new AbortController();
  private running?: Promise<void>;

  constructor(private readonly options: CheckpointedSubscriptionOptions) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { store, batchSize = 500, pollIntervalMs = 1000 } = this.options;
    let checkpoint: string | null | undefined;
    let idleWait = pollIntervalMs;
    while (!this.abort.signal.aborted) {
      try {
        checkpoint ??= await this.options.loadCheckpoint();
        const events = await store.readAll(checkpoint, batchSize);
        if (events.length > 0) {
          await this.options.handle(events);
          checkpoint = events[events.length - 1].checkpoint;
          idleWait = 10;
          continue;
        }
        const started = Date.now();
        await store.waitForEvents(idleWait, this.abort.signal);
        const pushed = Date.now() - started < idleWait;
        idleWait = pushed ? 10 : Math.min(idleWait * 2, pollIntervalMs);
      } catch (error) {
        this.options.onError?.(error);
        checkpoint = undefined; // the batch may not have been stored: resume from what was
        await store.waitForEvents(pollIntervalMs, this.abort.signal);
      }
    }
  }
}
