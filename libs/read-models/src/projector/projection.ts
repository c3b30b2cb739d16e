/* eslint-disable @typescript-eslint/no-explicit-any -- a list of projections of different row types needs RowProjection<any>: keyof Row makes the type invariant in Row */
import type { ParsedStreamId, StreamKind } from '@luodi/domain';
import { MigrationInterface } from 'typeorm';
import { ProjectionEvent } from '../projection-event';

/** Which rows of a table an event may change: one row by its key, or every row with a column's value. */
export type Target<Row> = { key: string } | { where: keyof Row & string; equals: string };

type Migration = new () => MigrationInterface;

/**
 * A read model kept by folding events into its rows one at a time. The writer loads the rows
 * `target` names, folds the event in with `evolve` and writes back the rows that changed.
 */
export interface RowProjection<Row extends object> {
  readonly kind: 'rows';
  /** For logs and metrics: the folder's name. */
  readonly name: string;
  /** The one description of the row (see row-table.ts). */
  readonly entity: new () => Row;
  readonly key: keyof Row & string;
  /** The migrations that make the table: the service runs them, a rebuild replays them in its shadow schema. */
  readonly migrations: readonly Migration[];
  /** The rows this event may change; null: none (evolve is not called). `stream`: the event's, parsed once for all projections. */
  target(event: ProjectionEvent, stream: ParsedStreamId | null): Target<Row> | null;
  /** Pure: the row after the event; the very same row object when the event changes nothing. */
  evolve(row: Row | null, event: ProjectionEvent): Row | null;
}

type RowsOf<Sources extends readonly RowProjection<any>[]> = {
  [K in keyof Sources]: Sources[K] extends RowProjection<infer Row> ? Row | null : never;
};

/**
 * A read model computed from other read models' rows of one key (no event logic of its own, so
 * it cannot drift from them). When a source row of a key changes, the key's rows are replaced.
 */
export interface DerivedProjection<
  Row extends object,
  Sources extends readonly RowProjection<any>[] = readonly RowProjection<any>[],
> {
  readonly kind: 'derived';
  readonly name: string;
  readonly entity: new () => Row;
  /** The column holding the sources' key. */
  readonly groupBy: keyof Row & string;
  readonly migrations: readonly Migration[];
  /** Keyed like each other: the rows of one key are given to `derive` in this order. */
  readonly sources: Sources;
  /** Pure: one key's rows from its source rows (null where a source has none). */
  derive(...rows: RowsOf<Sources>): Row[];
}

/**
 * A read model whose rows are only ever added, each by one event (a feed: the notifications).
 * The rows may depend on other read models' rows as they stand at that event (e.g. the notice an
 * answer is to), which `rowOf` gives; those read models come before the feed in the registry and
 * their `target` must name the rows asked for, so the writer holds them.
 */
export interface FeedProjection<Row extends object> {
  readonly kind: 'feed';
  readonly name: string;
  readonly entity: new () => Row;
  readonly migrations: readonly Migration[];
  /** Pure: the rows the event adds (none: []). A row whose primary key is stored already is kept as it is. */
  rowsFor(
    event: ProjectionEvent,
    stream: ParsedStreamId | null,
    rowOf: <Source extends object>(projection: RowProjection<Source>, key: string) => Source | null,
  ): Row[];
}

export type ReadModel = RowProjection<any> | DerivedProjection<any> | FeedProjection<any>;

/** `target` of a read model with one row per aggregate: the row of the event's own stream, if of this kind. */
export function ownStream(
  kind: StreamKind,
): (event: ProjectionEvent, stream: ParsedStreamId | null) => { key: string } | null {
  return (_event, stream) => (stream?.kind === kind ? { key: stream.id } : null);
}
