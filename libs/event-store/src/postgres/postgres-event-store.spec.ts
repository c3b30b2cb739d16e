import { Pool } from 'pg';
import { createTestDatabase, createTestPool } from '../../../../test/support/test-database';
import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

let db: { url: string; drop(): Promise<void> };
const pools: Pool[] = [];
const pool = () => {
  const p = createTestPool(db.url);
  pools.push(p);
  return p;
};

beforeAll(async () => {
  db = await createTestDatabase(eventStoreMigrations);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db.drop();
});

describeEventStoreContract('PostgreSQL', () => ({
  open: async (options) => new PostgresEventStore(pool(), options),
  beginLateAppend: async (streamId, events) => {
    const client = await pool().connect();
    await client.query('BEGIN');
    // The same INSERT the adapter makes, so this transaction takes its positions now.
    for (const [i, e] of events.entries()) {
      await client.query(
        `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [streamId, i + 1, e.eventId, e.type, e.schemaVersion, e.data, e.metadata],
      );
    }
    return {
      commit: async () => {
        await client.query('COMMIT');
        client.release();
      },
    };
  },
}));

describe('PostgreSQL event store specifics', () => {
  it('refuses to update or delete stored events', async () => {
    const store = new PostgresEventStore(pool());
    await store.appendToStream('test-append-only', [newEvent()]);
    await expect(pools[0].query(`UPDATE events SET type = 'X'`)).rejects.toThrow(/append-only/);
    await expect(pools[0].query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
    await store.close();
  });

  it('reads in transaction id order as numbers, not as text (10 after 9)', async () => {
    const store = new PostgresEventStore(pool());
    // Transaction ids 9 and 10, older than any real one: as text, "10" would sort before "9".
    for (const xid of [9, 10]) {
      await pools[0].query(
        `INSERT INTO events (transaction_id, stream_id, stream_position, event_id, type, schema_version, data, metadata)
         VALUES ($1::text::xid8, $2, 1, $3, 'X', 1, '{}', '{}')`,
        [xid, `test-xid-${xid}`, newEvent().eventId],
      );
    }
    const [first] = await store.readAll(null, 1);
    const [second] = await store.readAll(first.checkpoint, 1);
    expect([first.streamId, second.streamId]).toEqual(['test-xid-9', 'test-xid-10']);
    await store.close();
  });
});

describe('PostgreSQL wake-ups across processes', () => {
  it("wakes a reader of another store (another process's pool) within milliseconds of an append", async () => {
    const reader = new PostgresEventStore(pool());
    const writer = new PostgresEventStore(pool());
    // Opens the reader's LISTEN connection first, so the wake-up can only come through PostgreSQL.
    await reader.waitForEvents(200);
    const waiting = reader.waitForEvents(10_000);
    const started = Date.now();
    await writer.appendToStream(`test-wake-${Date.now()}`, [newEvent()]);
    try {
      await waiting;
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('sends the stream ids of appends in order, batched, each one once', async () => {
    const listener = await pool().connect();
    const writer = new PostgresEventStore(pool());
    try {
      const received: string[] = [];
      listener.on('notification', ({ payload }) => received.push(...(payload ?? '').split(',')));
      await listener.query('LISTEN luodi_events');
      const ids = Array.from({ length: 40 }, (_, i) => `test-order-${Date.now()}-${i}`);
      await Promise.all(ids.map((id) => writer.appendToStream(id, [newEvent()])));
      await writer.appendToStream(ids[0], [newEvent()], { expectedVersion: 1 });
      const ours = () => received.filter((id) => id.startsWith('test-order-'));
      const deadline = Date.now() + 5_000;
      while (ours().length < 41 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect([...ours()].sort()).toEqual([...ids, ids[0]].sort());
      expect(ours()[40]).toBe(ids[0]);
    } finally {
      listener.release(true);
      await writer.close();
    }
  });

  it('appends without holding the notification queue lock (no NOTIFY in the append function)', async () => {
    const { rows } = await pools[0].query<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'append_to_stream'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].src).not.toMatch(/pg_notify/);
  });
});
