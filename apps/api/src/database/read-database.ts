import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The DataSource query handlers read with (inject it with @Inject(READ_DATA_SOURCE)): the read
 * replicas' (LUODI_READ_DATABASE_URL) when there are any, else the primary's own.
 */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');

/** How long a request with `minPosition` waits for its replica to replay the primary's WAL before reading from the primary. */
const REPLICA_WAIT_MS = 1000;
const REPLICA_POLL_MS = 10;

/** The connection this request's reads are pinned to (see ReadReplicas.pin). */
const pinned = new AsyncLocalStorage<EntityManager>();
const PINNED = new Set<PropertyKey>(['query', 'getRepository', 'createQueryBuilder', 'manager']);

/**
 * The replicas' DataSource, except inside `readsThrough`: there its queries go to the pinned
 * connection, so a check made on a connection and the reads that rely on it meet the same node
 * (the proxy in front of the replicas balances per connection).
 */
export function routedReadDataSource(replicas: DataSource): DataSource {
  return new Proxy(replicas, {
    get(target, property) {
      const manager = pinned.getStore();
      if (manager && PINNED.has(property)) {
        if (property === 'manager') return manager;
        return (manager[property as 'query'] as (...args: unknown[]) => unknown).bind(manager);
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function readsThrough<T>(manager: EntityManager, run: () => T): T {
  return pinned.run(manager, run);
}

export interface ReadPin {
  manager: EntityManager;
  release(): void;
}

/**
 * Read-your-writes across replicas. Once the primary's read models include a client's position,
 * everything they hold is at or before the primary's current WAL position; a replica that has
 * replayed that far holds it too. The request is pinned to a replica connection that has (it
 * waits up to a second for it), or else to the primary.
 */
export class ReadReplicas {
  constructor(
    private readonly primary: DataSource,
    readonly replicas: DataSource | undefined,
  ) {}

  /** Where a read that must include everything the primary's read models hold now should go; undefined: no replicas. */
  async pin(): Promise<ReadPin | undefined> {
    if (!this.replicas) return undefined;
    const [{ lsn }]: Array<{ lsn: string }> = await this.primary.query('SELECT pg_current_wal_lsn()::text AS lsn');
    const runner = this.replicas.createQueryRunner();
    const release = () => void runner.release().catch(() => undefined);
    try {
      await runner.connect();
      const deadline = Date.now() + REPLICA_WAIT_MS;
      for (;;) {
        // NULL: not in recovery, so this "replica" is a primary and holds everything.
        const [{ replayed }]: Array<{ replayed: boolean }> = await runner.query(
          'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) AS replayed',
          [lsn],
        );
        if (replayed) return { manager: runner.manager, release };
        if (Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, REPLICA_POLL_MS));
      }
    } catch {
      // A replica that fails now is no reason to fail the read: the primary answers it.
    }
    release();
    return { manager: this.primary.manager, release: () => undefined };
  }
}
