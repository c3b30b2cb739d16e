import { DomainCommand } from '@luodi/domain';
import { CommandDecider, InMemoryEventStore, WrongExpectedVersionError } from '@luodi/event-store';
import { CommandContext } from './command-context';
import { BoundDecider } from './event-sourced';

type Count = DomainCommand<'Count', { by: number }>;
type Counted = { type: 'Counted'; data: { by: number; occurredAt: string } };

// A decider of its own, so that this spec rules on the binding and nothing else.
const counter: CommandDecider<number, Count, Counted> = {
  decide: (command) => [{ type: 'Counted', data: { by: command.data.by, occurredAt: command.metadata.now } }],
  evolve: (total, event) => total + event.data.by,
  initialState: () => 0,
};

const ctx = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { userId: 'u-1', username: 'taskforce', role: 'taskforce' },
  correlationId: 'c-1',
  ...extra,
});

describe('BoundDecider', () => {
  let store: InMemoryEventStore;
  let bound: BoundDecider<number, Count, Counted>;

  beforeEach(() => {
    store = new InMemoryEventStore();
    bound = new BoundDecider(store, (id) => `counter-${id}`, counter);
  });

  it("appends to the aggregate's stream with the clock and the request's metadata, and answers id, version and position", async () => {
    const before = Date.now();
    await bound.execute('a', { type: 'Count', data: { by: 1 } }, ctx());
    const answer = await bound.execute('a', { type: 'Count', data: { by: 2 } }, ctx({ idempotencyKey: 'k-1' }));

    expect(answer).toEqual({ id: 'a', version: 2, position: 2 });
    const { events } = await store.readStream('counter-a');
    expect(events.map((e) => e.data.by)).toEqual([1, 2]);
    expect(Date.parse(events[1].data.occurredAt)).toBeGreaterThanOrEqual(before);
    expect(events[1].metadata).toEqual({
      actor: { userId: 'u-1', username: 'taskforce', role: 'taskforce' },
      correlationId: 'c-1',
      idempotencyKey: 'k-1',
    });
  });

  it("runs only on the version the request's If-Match names", async () => {
    await bound.execute('a', { type: 'Count', data: { by: 1 } }, ctx());

    await expect(
      bound.execute('a', { type: 'Count', data: { by: 1 } }, ctx({ expectedVersion: 0 })),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(
      bound.execute('a', { type: 'Count', data: { by: 1 } }, ctx({ expectedVersion: 1 })),
    ).resolves.toMatchObject({ version: 2 });
  });

  it('decides with the decider a handler passes instead of the bound one', async () => {
    const refusing = {
      ...counter,
      decide: (): Counted[] => {
        throw new Error('refused');
      },
    };

    await expect(bound.execute('a', { type: 'Count', data: { by: 1 } }, ctx(), refusing)).rejects.toThrow('refused');
    expect((await store.readStream('counter-a')).version).toBe(0);
  });
});
