import { Pool, PoolClient, PoolConfig } from 'pg';

/** SQLSTATEs and socket errors of a server that is down, restarting, or a connection that broke. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Connection ended|server closed the connection/i;
/** The statement was refused by a node that is (still or again) a read-only replica: nothing was written. */
export const READ_ONLY_TRANSACTION = '25006';

/** Whether an error means the server or the connection went away (the outcome of a statement in flight is unknown). */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return CONNECTION_CODES.has(e?.code ?? '') || CONNECTION_MESSAGES.test(e?.message ?? '');
}

export interface ReconnectingPoolConfig extends PoolConfig {
  /** How long to keep trying to open a connection (a failover takes seconds); default 10 s. */
  reconnectForMs?: number;
}

type ConnectCallback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  release: (release?: unknown) => void,
) => void;

/**
 * A pg Pool that rides out a failover: opening a connection is retried with back-off while the
 * server is down or the new primary is not yet promoted — always safe, since nothing was sent.
 * A statement a read-only node refused (25006: the proxy still routed to a node that is no
 * longer, or not yet, the primary) is retried on a new connection, as it wrote nothing. A
 * statement whose connection broke in flight is NOT retried: it may have committed, so the
 * caller gets the error (the API answers 503 and the client retries with its Idempotency-Key).
 */
export class ReconnectingPool extends Pool {
  private readonly reconnectForMs: number;

  constructor(config: ReconnectingPoolConfig = {}) {
    const { reconnectForMs = 10_000, ...pool } = config;
    // keepAlive: a connection to a node that vanished without closing it is noticed.
    super({ keepAlive: true, ...pool });
    this.reconnectForMs = reconnectForMs;
  }

  // pg's own query() and TypeORM both call connect() with a callback; everything else awaits it.
  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    const connected = this.connectWithRetry();
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  // Every overload of Pool.query lands here; callers see Pool's typed signatures (declare the
  // variable as a Pool).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Pool.query's overloads return Promise or void
  override query(...args: unknown[]): any {
    const callback =
      typeof args[args.length - 1] === 'function'
        ? (args.pop() as (error: Error | undefined, result?: unknown) => void)
        : undefined;
    const run = super.query as (...a: unknown[]) => Promise<unknown>;
    const attempt = async (): Promise<unknown> => {
      const deadline = Date.now() + this.reconnectForMs;
      for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
        try {
          return await run.apply(this, args);
        } catch (error) {
          if (
            (error as { code?: string }).code !== READ_ONLY_TRANSACTION ||
            Date.now() + delay > deadline ||
            this.ending
          )
            throw error;
          await sleep(delay);
        }
      }
    };
    const result = attempt();
    if (callback)
      result.then(
        (value) => callback(undefined, value),
        (error: Error) => callback(error),
      );
    return result;
  }

  private async connectWithRetry(): Promise<PoolClient> {
    const deadline = Date.now() + this.reconnectForMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      try {
        return await super.connect();
      } catch (error) {
        if (!isConnectionError(error) || Date.now() + delay > deadline || this.ending) throw error;
        await sleep(delay);
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
