import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from './event-store.errors';
import { AppendResult, EventMetadata, EventStore } from './event-store.port';

/** The shape of a decider as handleCommand needs it (see libs/domain/src/kernel/decider.ts). */
export interface CommandDecider<State, Command, Event extends { type: string; data: { occurredAt: string } }> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface HandleCommandOptions {
  /**
   * Fixed by the caller (If-Match): no retry; a mismatch fails with WrongExpectedVersionError.
   * 'exists' (If-Match: *): any version but 0; the stream must exist, else the same error.
   */
  expectedVersion?: number | 'exists';
  metadata?: EventMetadata;
  /** How often to re-read and re-decide after losing a race (when no version was fixed). */
  maxAttempts?: number;
}

export interface HandleCommandResult<State, Event> extends AppendResult {
  events: Event[];
  state: State;
}

/**
 * The one way commands are handled: read the stream, fold it into state, decide, append with the
 * version that was read. Losing a race to another writer means the decision was made on stale
 * state, so it is made again on fresh state — unless the caller fixed the version it expects.
 */
export async function handleCommand<State, Command, Event extends { type: string; data: { occurredAt: string } }>(
  store: EventStore,
  streamId: string,
  decider: CommandDecider<State, Command, Event>,
  command: Command,
  options: HandleCommandOptions = {},
): Promise<HandleCommandResult<State, Event>> {
  const fixed = typeof options.expectedVersion === 'number' ? options.expectedVersion : undefined;
  const maxAttempts = fixed === undefined ? (options.maxAttempts ?? 5) : 1;
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = await store.readStream(streamId);
    if (fixed !== undefined && fixed !== version) throw new WrongExpectedVersionError(streamId, fixed, version);
    if (options.expectedVersion === 'exists' && version === 0)
      throw new WrongExpectedVersionError(streamId, 'any', version);
    const state = history.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
      decider.initialState(),
    );
    const events = decider.decide(command, state);
    if (events.length === 0) return { version, position: 0, events, state };
    try {
      const result = await store.appendToStream(
        streamId,
        events.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          schemaVersion: 1,
          data: e.data,
          metadata: options.metadata ?? {},
        })),
        { expectedVersion: version },
      );
      return { ...result, events, state: events.reduce(decider.evolve, state) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= maxAttempts) throw error;
    }
  }
}
