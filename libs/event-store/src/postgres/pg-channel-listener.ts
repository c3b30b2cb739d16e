import { Client, ClientConfig } from 'pg';

/**
 * One LISTEN connection on a PostgreSQL channel, opened on first use, shared by every waiter.
 * A waiter is armed before it looks at the data it waits for, so a notification that arrives
 * while it looks still wakes it. Without a connection (it failed), waiters simply time out:
 * their caller's polling fallback. When the connection drops (a failover), every waiter is woken
 * at once: notifications may have been missed, so each looks again, and its next wait opens a
 * new connection and LISTENs there.
 */
export class PgChannelListener {
  private connection?: Promise<Client | undefined>;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether notifications can arrive (opens the connection if needed). */
  async listening(): Promise<boolean> {
    return (await this.connect()) !== undefined;
  }

  /** Resolves at the next notification, after `timeoutMs`, on abort, or on `cancel()`. */
  next(timeoutMs: number, signal?: AbortSignal): { promise: Promise<void>; cancel(): void } {
    void this.connect();
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(() => wake(), Math.max(0, timeoutMs));
      wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
      if (signal?.aborted || this.closed) wake();
    });
    return { promise, cancel: () => wake() };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    const client = await this.connection;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<Client | undefined> {
    if (this.connection) return this.connection;
    const current: Promise<Client | undefined> = (async () => {
      // keepAlive: a LISTEN connection is idle for long; a peer that vanished must still be noticed.
      const client = new Client({ keepAlive: true, ...this.config });
      try {
        await client.connect();
        client.on('notification', () => this.wakeAll());
        const lost = () => {
          if (this.connection !== current) return;
          this.connection = undefined; // reopened by the next waiter
          this.wakeAll();
        };
        client.on('error', lost);
        client.on('end', lost);
        await client.query(`LISTEN ${this.channel}`);
        if (this.closed) await client.end();
        return client;
      } catch {
        this.connection = undefined;
        await client.end().catch(() => undefined);
        return undefined;
      }
    })();
    this.connection = current;
    return current;
  }

  /** Wakes every waiter now, as a notification would. */
  wakeAll(): void {
    [...this.waiters].forEach((wake) => wake());
  }
}
