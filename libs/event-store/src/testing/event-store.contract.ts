import { randomUUID } from 'node:crypto';
import { EventIdReusedError, WrongExpectedVersionError } from '../event-store.errors';
import { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { CheckpointedSubscription } from '../checkpointed-subscription';
import { Upcaster } from '../upcaster';

/** What an adapter's spec provides to run the contract. */
export interface EventStoreContractSubject {
  /** A store over the adapter's storage; calling it again opens another one over the same data. */
  open(options?: { upcasters?: Upcaster[] }): Promise<EventStore>;
  /**
   * Optional: starts an append in a transaction that stays open until `commit` — a writer that
   * takes its global position now and commits late. Adapters without such transactions omit it.
   */
  beginLateAppend?(streamId: string, events: NewEvent[]): Promise<{ commit(): Promise<void> }>;
}

/** What an adapter cannot do, each with the reason the contract test about it does not apply. */
export interface EventStoreContractLimits {
  /** Why no writer can take a global position and commit after a higher one (no beginLateAppend). */
  noLateCommits?: string;
}

export const newEvent = (type = 'Something', data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion,
  data: { occurredAt: '2026-01-01T00:00:00.000Z', ...data },
  metadata: { correlationId: randomUUID() },
});

const stream = () => `test-${randomUUID()}`;

/** Reads the whole log after `checkpoint` in pages, as a subscriber would. */
async function readAllAfter(store: EventStore, checkpoint: string | null, pageSize = 7): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll(checkpoint, pageSize);
    if (page.length === 0) return all;
    all.push(...page);
    checkpoint = page[page.length - 1].checkpoint;
  }
}

export function describeEventStoreContract(
  adapterName: string,
  subject: () => EventStoreContractSubject,
  limits: EventStoreContractLimits = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const opened: EventStore[] = [];
    const open = async (options?: { upcasters?: Upcaster[] }) => {
      const s = await subject().open(options);
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    it('appends events and reads them back in order with positions, metadata and recorded time', async () => {
      const id = stream();
      const first = await store.appendToStream(id, [newEvent('A', { n: 1 })], { expectedVersion: 0 });
      const second = await store.appendToStream(id, [newEvent('B', { n: 2 }), newEvent('C', { n: 3 })], {
        expectedVersion: 1,
      });

      expect(first.version).toBe(1);
      expect(second.version).toBe(3);
      expect(second.position).toBeGreaterThan(first.position);
      const { version, events } = await store.readStream(id);
      expect(version).toBe(3);
      expect(events.map((e) => [e.type, e.streamPosition, e.data.n])).toEqual([
        ['A', 1, 1],
        ['B', 2, 2],
        ['C', 3, 3],
      ]);
      expect(events[0].metadata.correlationId).toEqual(expect.any(String));
      expect(Date.parse(events[0].recordedAt)).not.toBeNaN();
      expect(events[2].globalPosition).toBe(second.position);
    });

    it('reads an unknown stream as empty at version 0', async () => {
      expect(await store.readStream(stream())).toEqual({ version: 0, events: [] });
    });

    it('refuses an append at the wrong expected version and writes nothing', async () => {
      const id = stream();
      await store.appendToStream(id, [newEvent()], { expectedVersion: 0 });

      await expect(store.appendToStream(id, [newEvent(), newEvent()], { expectedVersion: 0 })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await expect(store.appendToStream(id, [newEvent()], { expectedVersion: 5 })).rejects.toMatchObject({
        code: 'WRONG_EXPECTED_VERSION',
        actual: 1,
      });
      expect((await store.readStream(id)).version).toBe(1);
    });

    it('lets exactly one of 50 racing appends at the same expected version win', async () => {
      const id = stream();
      await store.appendToStream(id, [newEvent('Start')], { expectedVersion: 0 });
      const contenders = Array.from({ length: 50 }, (_, i) => [newEvent('Race', { i }), newEvent('Race', { i })]);

      const results = await Promise.allSettled(
        contenders.map((events) => store.appendToStream(id, events, { expectedVersion: 1 })),
      );

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      const lost = results.filter((r) => r.status === 'rejected');
      expect(lost.every((r) => (r as PromiseRejectedResult).reason instanceof WrongExpectedVersionError)).toBe(true);
      const { events } = await store.readStream(id);
      expect(events.map((e) => e.eventId)).toEqual([events[0].eventId, ...contenders[won[0]].map((e) => e.eventId)]);
    });

    it("appends with 'any' from many writers without losing one", async () => {
      const id = stream();
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendToStream(id, [newEvent('Any', { i })])));
      const { events } = await store.readStream(id);
      expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => e.data.i)).size).toBe(20);
    });

    it('treats a retried append of the same events as a no-op returning the original result', async () => {
      const id = stream();
      const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const original = await store.appendToStream(id, events, { expectedVersion: 0 });

      const retried = await store.appendToStream(id, events, { expectedVersion: 0 });

      expect(retried).toEqual(original);
      expect((await store.readStream(id)).events).toHaveLength(2);
    });

    it('refuses an event id reused with different content and writes nothing', async () => {
      const id = stream();
      const event = newEvent('A', { n: 1 });
      await store.appendToStream(id, [event]);

      await expect(store.appendToStream(id, [{ ...event, data: { ...event.data, n: 2 } }])).rejects.toBeInstanceOf(
        EventIdReusedError,
      );
      expect((await store.readStream(id)).events.map((e) => e.data.n)).toEqual([1]);
    });

    it('reads all streams in one global order, each event exactly once across pages', async () => {
      const start = await readAllAfter(store, null, 1000);
      const checkpoint = start.length ? start[start.length - 1].checkpoint : null;
      const a = stream();
      const b = stream();
      for (let i = 0; i < 10; i++) {
        await store.appendToStream(i % 2 ? a : b, [newEvent('Tick', { i })]);
      }

      const read = await readAllAfter(store, checkpoint);

      const ours = read.filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(new Set(read.map((e) => e.eventId)).size).toBe(read.length);
    });

    it('wakes a waiting reader when an event is appended, well before the polling timeout', async () => {
      const started = Date.now();
      const waiting = store.waitForEvents(10_000);
      await new Promise((r) => setTimeout(r, 100));
      await store.appendToStream(stream(), [newEvent()]);
      await waiting;
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('resumes a subscription from its stored checkpoint after a restart, nothing missed or repeated', async () => {
      const before = await readAllAfter(store, null, 1000);
      let stored: string | null = before.length ? before[before.length - 1].checkpoint : null;
      const seen: string[] = [];
      const id = stream();
      const run = (s: EventStore) =>
        new CheckpointedSubscription({
          store: s,
          batchSize: 3,
          pollIntervalMs: 50,
          loadCheckpoint: async () => stored,
          handle: async (events) => {
            seen.push(...events.filter((e) => e.streamId === id).map((e) => e.eventId));
            stored = events[events.length - 1].checkpoint;
          },
        });
      const written: string[] = [];
      const write = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const e = newEvent('Sub', { i });
          written.push(e.eventId);
          await store.appendToStream(id, [e]);
        }
      };
      const waitUntilSeen = async (n: number) => {
        for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 25));
      };

      const first = run(store);
      first.start();
      await write(10);
      await waitUntilSeen(10);
      await first.stop();
      await write(10); // written while no subscriber runs

      const restarted = run(await open());
      restarted.start();
      await waitUntilSeen(20);
      await restarted.stop();

      expect(seen).toEqual(written);
    });

    it('reads an event stored under an old schema version as the current one', async () => {
      const id = stream();
      await store.appendToStream(id, [newEvent('NeedRaised', { text: 'land' }, 1)]);
      const upcasting = await open({
        upcasters: [
          { type: 'NeedRaised', fromVersion: 1, upcast: (d) => ({ ...d, kind: d.text, text: undefined }) },
          { type: 'NeedRaised', fromVersion: 2, upcast: (d) => ({ ...d, description: '' }) },
        ],
      });

      const [fromStream] = (await upcasting.readStream(id)).events;
      const fromAll = (await readAllAfter(upcasting, null, 1000)).find((e) => e.eventId === fromStream.eventId);

      expect(fromStream.schemaVersion).toBe(3);
      expect(fromStream.data).toMatchObject({ kind: 'land', description: '' });
      expect(fromStream.data.text).toBeUndefined();
      expect(fromAll?.data).toEqual(fromStream.data);
    });

    it('counts a position no event holds (0, beyond the head) as passed once every event before it is', async () => {
      await store.appendToStream(stream(), [newEvent('Before')]);
      const before = await readAllAfter(store, null, 100000);
      await store.appendToStream(stream(), [newEvent('Last')]);
      const all = await readAllAfter(store, before[before.length - 1].checkpoint, 100000);
      const head = all[all.length - 1];
      const beyond = head.globalPosition + 1_000_000_000;

      expect(await store.isAtOrBefore(0, head.checkpoint)).toBe(true);
      expect(await store.isAtOrBefore(beyond, head.checkpoint)).toBe(true);
      expect(await store.isAtOrBefore(beyond, before[before.length - 1].checkpoint)).toBe(false); // 'Last' is not projected yet
    });

    const lateCommits = 'never lets a reader pass a transaction that took a lower position but commits later';
    (limits.noLateCommits ? it.skip : it)(
      limits.noLateCommits ? `${lateCommits} (does not apply: ${limits.noLateCommits})` : lateCommits,
      async () => {
        const late = subject().beginLateAppend;
        if (!late)
          throw new Error(`${adapterName}: give the contract beginLateAppend, or the reason in limits.noLateCommits`);
        const before = await readAllAfter(store, null, 1000);
        const checkpoint = before.length ? before[before.length - 1].checkpoint : null;
        const slowStream = stream();
        const fastStream = stream();
        const slowEvent = newEvent('Slow');
        const slow = await late(slowStream, [slowEvent]); // takes the lower position, stays open
        const fast = await store.appendToStream(fastStream, [newEvent('Fast')]); // commits first

        const whileOpen = await readAllAfter(store, checkpoint);
        await slow.commit();
        const afterCommit = await readAllAfter(store, checkpoint);
        const resumed = await readAllAfter(
          store,
          whileOpen.length ? whileOpen[whileOpen.length - 1].checkpoint : checkpoint,
        );

        const ours = (events: RecordedEvent[]) =>
          events.filter((e) => [slowStream, fastStream].includes(e.streamId)).map((e) => e.streamId);
        expect(ours(whileOpen)).toEqual([]); // the reader waits at the open transaction
        expect(ours(afterCommit)).toEqual([slowStream, fastStream]); // then sees both, in a stable order
        expect(ours(resumed)).toEqual([slowStream, fastStream]);
        const slowPosition = afterCommit.find((e) => e.streamId === slowStream)!.globalPosition;
        expect(slowPosition).toBeLessThan(fast.position);
        expect(await store.isAtOrBefore(fast.position, afterCommit[afterCommit.length - 1].checkpoint)).toBe(true);
        expect(await store.isAtOrBefore(fast.position, checkpoint)).toBe(false);
      },
    );
  });
}
