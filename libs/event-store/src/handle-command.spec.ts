import { Pool } from 'pg';
import { createTestDatabase, createTestPool } from '../../../test/support/test-database';
import { WrongExpectedVersionError } from './event-store.errors';
import { handleCommand } from './handle-command';
import { eventStoreMigrations } from './postgres/migrations';
import { PostgresEventStore } from './postgres/postgres-event-store';

// A counter that refuses to go above a limit: small enough to reason about races.
type Event = { type: 'Incremented'; data: { by: number; occurredAt: string } };
type Command = { type: 'Increment'; by: number; limit: number };
const counter = {
  initialState: () => ({ total: 0 }),
  evolve: (s: { total: number }, e: Event) => ({ total: s.total + e.data.by }),
  decide: (c: Command, s: { total: number }): Event[] => {
    if (s.total + c.by > c.limit) throw new Error('LIMIT');
    return [{ type: 'Incremented', data: { by: c.by, occurredAt: new Date().toISOString() } }];
  },
};

let db: { url: string; drop(): Promise<void> };
let pool: Pool;
let store: PostgresEventStore;
beforeAll(async () => {
  db = await createTestDatabase(eventStoreMigrations);
  pool = createTestPool(db.url);
  store = new PostgresEventStore(pool);
});
afterAll(async () => {
  await store.close();
  await pool.end();
  await db.drop();
});

describe('handleCommand', () => {
  it('reads, folds, decides and appends, returning version, position and the new state', async () => {
    await handleCommand(store, 'counter-a', counter, { type: 'Increment', by: 2, limit: 10 });
    const result = await handleCommand(
      store,
      'counter-a',
      counter,
      { type: 'Increment', by: 3, limit: 10 },
      { metadata: { correlationId: 'c-1' } },
    );

    expect(result).toMatchObject({ version: 2, state: { total: 5 } });
    expect(result.position).toBeGreaterThan(0);
    const { events } = await store.readStream('counter-a');
    expect(events[1].metadata).toEqual({ correlationId: 'c-1' });
  });

  it('re-decides on fresh state after losing a race, so concurrent commands never break a rule', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        handleCommand(store, 'counter-b', counter, { type: 'Increment', by: 1, limit: 5 }, { maxAttempts: 50 }),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason.message === 'LIMIT'),
    ).toBe(true);
    expect((await store.readStream('counter-b')).version).toBe(5);
  });

  it('does not retry when the caller fixed the expected version', async () => {
    await handleCommand(store, 'counter-c', counter, { type: 'Increment', by: 1, limit: 10 });

    await expect(
      handleCommand(store, 'counter-c', counter, { type: 'Increment', by: 1, limit: 10 }, { expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream('counter-c')).version).toBe(1);
  });

  it("with 'exists' (If-Match: *) runs on any version of an existing stream and refuses a missing one", async () => {
    await handleCommand(store, 'counter-e', counter, { type: 'Increment', by: 1, limit: 10 });
    const result = await handleCommand(
      store,
      'counter-e',
      counter,
      { type: 'Increment', by: 1, limit: 10 },
      { expectedVersion: 'exists' },
    );
    expect(result.version).toBe(2);

    await expect(
      handleCommand(
        store,
        'counter-f',
        counter,
        { type: 'Increment', by: 1, limit: 10 },
        { expectedVersion: 'exists' },
      ),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream('counter-f')).version).toBe(0);
  });

  it('writes nothing when the decider refuses', async () => {
    await expect(handleCommand(store, 'counter-d', counter, { type: 'Increment', by: 11, limit: 10 })).rejects.toThrow(
      'LIMIT',
    );
    expect((await store.readStream('counter-d')).version).toBe(0);
  });
});
