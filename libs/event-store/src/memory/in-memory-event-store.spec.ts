import { describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { InMemoryEventLog, InMemoryEventStore } from './in-memory-event-store';

const log = new InMemoryEventLog();

describeEventStoreContract(
  'in memory',
  () => ({ open: async (options) => new InMemoryEventStore({ ...options, log }) }),
  {
    noLateCommits:
      'an append runs to completion without awaiting, so no writer can hold a lower position while a higher one is read',
  },
);

describe('In-memory event store specifics', () => {
  it('keeps history as stored when a caller mutates the objects it appended or read', async () => {
    const store = new InMemoryEventStore();
    const event = newEvent('A', { tags: ['x'] });
    await store.appendToStream('test-copy', [event]);
    (event.data.tags as string[]).push('appended');
    const [read] = (await store.readStream('test-copy')).events;
    (read.data.tags as string[]).push('read');

    expect((await store.readStream('test-copy')).events[0].data.tags).toEqual(['x']);
  });

  it('refuses what PostgreSQL would refuse: an event id that is not a UUID, a checkpoint of another store', async () => {
    const store = new InMemoryEventStore();
    await expect(store.appendToStream('test-uuid', [{ ...newEvent(), eventId: 'not-a-uuid' }])).rejects.toThrow(
      /not a UUID/,
    );
    await expect(store.readAll('123:45', 10)).rejects.toThrow(/Not an in-memory event store checkpoint/);
    expect((await store.readStream('test-uuid')).version).toBe(0);
  });

  it('fails once closed, and wakes its waiters at once', async () => {
    const store = new InMemoryEventStore();
    const waiting = store.waitForEvents(10_000);
    const started = Date.now();
    await store.close();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(store.readAll(null, 1)).rejects.toThrow(/closed/);
  });
});
