import { Command } from '@nestjs/cqrs';
import { DomainCommand, fold } from '@luodi/domain';
import { CommandDecider, EventStore, handleCommand, RecordedEvent } from '@luodi/event-store';
import { CommandContext, eventMetadata } from './command-context';

/** What every command on an event-sourced aggregate answers (docs/api.md, Conventions). */
export interface CommandAccepted {
  /** The aggregate's id (for a new aggregate, the id it was given). */
  id: string;
  /** The stream's version after the command: send it as `If-Match` to make the next command conditional. */
  version: number;
  /** Global position of the last event written: send it as `minPosition` to read your own write. */
  position: number;
}

/** A domain command as the API builds it: the clock (`metadata.now`) is added when it runs. */
export type CommandOf<C extends DomainCommand> = C extends DomainCommand ? Omit<C, 'metadata'> : never;

/**
 * The CommandBus message of every command on one aggregate: which aggregate, what to do, and the
 * request it came with. Each aggregate declares its own subclass (the bus routes by class) and
 * one handler for it.
 */
export abstract class AggregateCommand<Request> extends Command<CommandAccepted> {
  constructor(
    readonly aggregateId: string,
    readonly command: Request,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

type EventShape = { type: string; data: { occurredAt: string } };

/**
 * A decider bound once to what every command on its aggregate shares: the stream of an aggregate
 * id, the clock, the request's event metadata and If-Match, and the CommandAccepted answer. The
 * handlers add only what is particular to one command.
 */
export class BoundDecider<State, C extends DomainCommand, E extends EventShape> {
  constructor(
    private readonly store: EventStore,
    private readonly streamOf: (aggregateId: string) => string,
    private readonly decider: CommandDecider<State, C, E>,
  ) {}

  /** Runs one command through handleCommand; `decider` replaces the bound one for a check made on the state decided on. */
  async execute(
    aggregateId: string,
    command: CommandOf<C>,
    ctx: CommandContext,
    decider: CommandDecider<State, C, E> = this.decider,
  ): Promise<CommandAccepted> {
    const { version, position } = await handleCommand(
      this.store,
      this.streamOf(aggregateId),
      decider,
      // CommandOf<C> plus the metadata it lacks is C; TypeScript cannot see that for a generic C.
      { ...command, metadata: { now: new Date().toISOString() } } as C,
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: aggregateId, version, position };
  }
}

export interface LoadedAggregate<State> {
  state: State;
  version: number;
  events: RecordedEvent[];
}

/**
 * An aggregate as its stream has it right now, folded with the decider's evolve. Reads of one
 * aggregate use this instead of the read models: always current, no projection lag.
 */
export async function readAggregate<State, Event>(
  store: EventStore,
  streamId: string,
  decider: { evolve(state: State, event: Event): State; initialState(): State },
): Promise<LoadedAggregate<State>> {
  const { version, events } = await store.readStream(streamId);
  // Stored events are the decider's own events plus store fields evolve ignores.
  return { state: fold(decider, events as unknown as Event[]), version, events };
}
