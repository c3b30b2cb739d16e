import { matchRetry } from './append-retry';
import { EventIdReusedError } from './event-store.errors';
import { RecordedEvent } from './event-store.port';
import { newEvent } from './testing/event-store.contract';

describe('matchRetry: retried appends', () => {
  const record = (
    event: ReturnType<typeof newEvent>,
    streamPosition: number,
    globalPosition: number,
  ): RecordedEvent => ({
    ...event,
    streamId: 'project-1',
    streamPosition,
    globalPosition,
    checkpoint: `test:${globalPosition}`,
    recordedAt: '2026-03-01T08:00:00.000Z',
  });
  const a = newEvent('A', { n: 1, nested: { x: 1, y: 2 } });
  const b = newEvent('B', { n: 2 });
  const history = [record(newEvent('Start'), 1, 100), record(a, 2, 200), record(b, 3, 300)];

  it('appends events whose ids the stream does not hold', () => {
    expect(matchRetry('project-1', [newEvent(), newEvent()], history)).toBeUndefined();
  });

  it('returns the original result for the same ids with the same content, in any key order', () => {
    const sameA = {
      ...a,
      data: { nested: { y: 2, x: 1 }, n: 1, occurredAt: a.data.occurredAt },
      metadata: { correlationId: 'a retry' },
    };
    expect(matchRetry('project-1', [sameA, b], history)).toEqual({ version: 3, position: 300 });
  });

  it('matches event ids regardless of letter case, as UUIDs are', () => {
    expect(matchRetry('project-1', [{ ...b, eventId: b.eventId.toUpperCase() }], history)).toEqual({
      version: 3,
      position: 300,
    });
  });

  it('refuses an id reused with other data, type or schema version', () => {
    expect(() => matchRetry('project-1', [{ ...a, data: { ...a.data, n: 2 } }], history)).toThrow(EventIdReusedError);
    expect(() => matchRetry('project-1', [{ ...a, type: 'A2' }], history)).toThrow(EventIdReusedError);
    expect(() => matchRetry('project-1', [{ ...a, schemaVersion: 2 }], history)).toThrow(EventIdReusedError);
  });

  it('refuses a batch of which only some ids are stored', () => {
    const fresh = newEvent('C');
    let thrown: unknown;
    try {
      matchRetry('project-1', [a, fresh], history);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EventIdReusedError);
    expect(thrown).toMatchObject({ eventId: fresh.eventId });
  });
});
