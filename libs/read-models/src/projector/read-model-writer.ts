import { parseStreamId } from '@luodi/domain';
import type { RecordedEvent } from '@luodi/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { asProjectionEvents, ProjectionEvent } from '../projection-event';
import { readModels } from '../registry';
import { DerivedProjection, FeedProjection, RowProjection, Target } from './projection';
import { loadTogether, RowTable, RowWrite, StatementParams, writeTogether } from './row-table';

/** The rows of one row projection this writer holds, and which of them changed since they were written. */
export class HeldRows<Row extends object> {
  readonly rows = new Map<string, Row>();
  readonly dirty = new Set<string>();
  /** Keys already looked up in the table (found or not): not to be asked for again. */
  private readonly looked = new Set<string>();
  /** Per column a `where` target names: value -> keys of the held rows with it. */
  private readonly indexes = new Map<keyof Row & string, Map<string, Set<string>>>();

  constructor(readonly projection: RowProjection<Row>) {}

  /** The keys the target names among the held rows (a key target: that key, held or not). */
  keysOf(target: Target<Row>): string[] {
    return 'key' in target ? [target.key] : [...(this.index(target.where).get(target.equals) ?? [])];
  }

  /**
   * The SELECTs of the rows the targets name that are not held yet (for loadTogether); `accept`
   * takes what they found.
   */
  requests(connection: DataSource, schema: string, targets: Iterable<Target<Row>>): LoadRequest[] {
    const keys = new Set<string>();
    const where = new Map<keyof Row & string, Set<string>>();
    for (const target of targets) {
      if ('key' in target) keys.add(target.key);
      else where.set(target.where, (where.get(target.where) ?? new Set()).add(target.equals));
    }
    const table = new RowTable(connection, this.projection.entity, schema);
    const missing = [...keys].filter((key) => !this.rows.has(key) && !this.looked.has(key));
    missing.forEach((key) => this.looked.add(key));
    const selects: [keyof Row & string, string[]][] = [
      ...(missing.length > 0 ? [[this.projection.key, missing] as [keyof Row & string, string[]]] : []),
      ...[...where].map(([column, values]): [keyof Row & string, string[]] => [column, [...values]]),
    ];
    return selects.map(([column, values]) => ({
      select: (request, params) => table.selectWhere(column, values, request, params),
      accept: (rows) => this.accept(rows.map((json) => table.fromJson(json))),
    }));
  }

  private accept(loaded: Row[]): void {
    for (const row of loaded) {
      const key = row[this.projection.key] as string;
      if (!this.rows.has(key)) this.set(key, row);
    }
  }

  evolve(key: string, event: ProjectionEvent): void {
    const before = this.rows.get(key) ?? null;
    const after = this.projection.evolve(before, event);
    // evolve returns the very same row when the event changes nothing.
    if (after !== null && after !== before) {
      this.set(key, after);
      this.dirty.add(key);
    }
  }

  /** The writes of the changed rows (they count as written from here on). */
  flush(connection: DataSource, schema: string): { rows: number; writes: RowWrite[] } {
    const changed = [...this.dirty].map((key) => this.rows.get(key)!);
    this.dirty.clear();
    return { rows: changed.length, writes: new RowTable(connection, this.projection.entity, schema).upsert(changed) };
  }

  private set(key: string, row: Row): void {
    const before = this.rows.get(key);
    for (const [column, index] of this.indexes) {
      if (before?.[column] === row[column]) continue;
      if (before) index.get(String(before[column]))?.delete(key);
      index.set(String(row[column]), (index.get(String(row[column])) ?? new Set()).add(key));
    }
    this.rows.set(key, row);
  }

  private index(column: keyof Row & string): Map<string, Set<string>> {
    let index = this.indexes.get(column);
    if (!index) {
      index = new Map();
      for (const [key, row] of this.rows)
        index.set(String(row[column]), (index.get(String(row[column])) ?? new Set()).add(key));
      this.indexes.set(column, index);
    }
    return index;
  }
}

/** The rows of one derived projection as stored, per key of its sources. */
export class DerivedRows<Row extends object> {
  readonly stored = new Map<string, Row[]>();

  constructor(
    readonly projection: DerivedProjection<Row>,
    readonly sources: HeldRows<object>[],
  ) {}

  derive(key: string): Row[] {
    return this.projection.derive(...this.sources.map((source) => source.rows.get(key) ?? null));
  }

  /** Keys whose source rows changed since the last flush (read before the sources flush). */
  changedKeys(): Set<string> {
    return new Set(this.sources.flatMap((source) => [...source.dirty]));
  }

  /** Replaces the rows of each key whose derived rows now differ from those stored: the deletes, then the inserts. */
  flush(
    connection: DataSource,
    schema: string,
    keys: Iterable<string>,
  ): { rows: number; deletes: RowWrite[]; inserts: RowWrite[] } {
    const replaced: string[] = [];
    const inserted: Row[] = [];
    for (const key of keys) {
      const stored = this.stored.get(key) ?? [];
      const now = this.derive(key);
      if (JSON.stringify(stored) === JSON.stringify(now)) continue;
      if (stored.length > 0) replaced.push(key);
      inserted.push(...now);
      this.stored.set(key, now);
    }
    const table = new RowTable(connection, this.projection.entity, schema);
    return {
      rows: inserted.length,
      deletes: table.delete(this.projection.groupBy, replaced),
      inserts: table.insert(inserted),
    };
  }
}

/** The rows a feed projection adds, held until they are written. */
export class FeedRows<Row extends object> {
  readonly rows: Row[] = [];

  constructor(readonly projection: FeedProjection<Row>) {}

  flush(connection: DataSource, schema: string): { rows: number; writes: RowWrite[] } {
    const rows = this.rows.splice(0);
    return { rows: rows.length, writes: new RowTable(connection, this.projection.entity, schema).insertNew(rows) };
  }
}

/** Rows written per read model (by name) in one flush. */
export type RowsWritten = Record<string, number>;

/**
 * Holds the read-model rows a run of events touches, for every registered read model: loads
 * them (one statement for all the tables), folds the events into them with the pure projections,
 * and writes back the changed ones (one or two statements for all the tables, see writeTogether).
 * The live projector uses one writer per batch; a rebuild keeps one across many batches, so a row
 * changed by many events is loaded once and written once.
 */
export class ReadModelWriter {
  private readonly held = new Map<RowProjection<object>, HeldRows<object>>();
  private readonly derived: DerivedRows<object>[] = [];
  private readonly feeds: FeedRows<object>[] = [];

  /**
   * @param schema where the tables are: the live schema, or a rebuild's shadow schema.
   * @param tablesEmpty the tables hold no rows yet (a rebuild's start): nothing to load.
   */
  constructor(
    private readonly schema: string,
    private readonly tablesEmpty = false,
  ) {
    for (const model of readModels) {
      if (model.kind === 'rows') this.held.set(model, new HeldRows(model));
      else if (model.kind === 'feed') this.feeds.push(new FeedRows(model));
      else
        this.derived.push(
          new DerivedRows(
            model,
            model.sources.map((source) => this.held.get(source)!),
          ),
        );
    }
  }

  /** The most rows held for one table: how much memory a long-lived writer uses. */
  get heldRows(): number {
    return Math.max(
      0,
      ...[...this.held.values()].map((held) => held.rows.size),
      ...this.feeds.map((feed) => feed.rows.length),
    );
  }

  async apply(manager: EntityManager, recorded: readonly RecordedEvent[]): Promise<void> {
    const events = asProjectionEvents(recorded);
    if (!this.tablesEmpty) await this.load(manager, events);
    for (const event of events) {
      const stream = parseStreamId(event.streamId);
      for (const held of this.held.values()) {
        const target = held.projection.target(event, stream);
        if (target) for (const key of held.keysOf(target)) held.evolve(key, event);
      }
      for (const feed of this.feeds) feed.rows.push(...feed.projection.rowsFor(event, stream, this.rowOf));
    }
  }

  /** A held row of a row projection, as it stands after the events applied so far. */
  private readonly rowOf = <Source extends object>(projection: RowProjection<Source>, key: string): Source | null =>
    (this.held.get(projection as unknown as RowProjection<object>)?.rows.get(key) as Source | undefined) ?? null;

  /** Writes every changed row; returns how many per read model. */
  async flush(manager: EntityManager): Promise<RowsWritten> {
    const { connection } = manager;
    const changed = this.derived.map((derived) => derived.changedKeys());
    const written: RowsWritten = {};
    const first: RowWrite[] = [];
    const then: RowWrite[] = [];
    for (const held of this.held.values()) {
      const { rows, writes } = held.flush(connection, this.schema);
      written[held.projection.name] = rows;
      first.push(...writes);
    }
    for (const [i, derived] of this.derived.entries()) {
      const { rows, deletes, inserts } = derived.flush(connection, this.schema, changed[i]);
      written[derived.projection.name] = rows;
      first.push(...deletes);
      // A key's new rows may have the primary keys of the ones deleted: inserted once those are gone.
      (deletes.length > 0 ? then : first).push(...inserts);
    }
    for (const feed of this.feeds) {
      const { rows, writes } = feed.flush(connection, this.schema);
      written[feed.projection.name] = rows;
      first.push(...writes);
    }
    await writeTogether(manager, first);
    await writeTogether(manager, then);
    return written;
  }

  private async load(manager: EntityManager, events: readonly ProjectionEvent[]): Promise<void> {
    const { connection } = manager;
    const streams = events.map((event) => parseStreamId(event.streamId));
    const targets = new Map<HeldRows<object>, Target<object>[]>();
    for (const held of this.held.values())
      targets.set(
        held,
        events.map((event, i) => held.projection.target(event, streams[i])).filter((target) => target !== null),
      );
    await load(
      manager,
      [...this.held.values()].flatMap((held) => held.requests(connection, this.schema, targets.get(held)!)),
    );
    // Every source row of a key the batch touches, so the key's rows can be derived as stored and anew.
    const keysOf = this.derived.map(
      (derived) =>
        new Set(derived.sources.flatMap((source) => targets.get(source)!.flatMap((target) => source.keysOf(target)))),
    );
    await load(
      manager,
      this.derived.flatMap((derived, i) =>
        derived.sources.flatMap((source) =>
          source.requests(
            connection,
            this.schema,
            [...keysOf[i]].map((key) => ({ key })),
          ),
        ),
      ),
    );
    for (const [i, derived] of this.derived.entries())
      for (const key of keysOf[i]) if (!derived.stored.has(key)) derived.stored.set(key, derived.derive(key));
  }
}

/** A SELECT for loadTogether and what to do with its rows. */
interface LoadRequest {
  select(request: number, params: StatementParams): string;
  accept(rows: Record<string, unknown>[]): void;
}

async function load(manager: EntityManager, requests: readonly LoadRequest[]): Promise<void> {
  const loaded = await loadTogether(
    manager,
    requests.map((r) => r.select),
  );
  requests.forEach((request, i) => request.accept(loaded[i]));
}

/**
 * Derives the rows of every derived read model whose table is empty while its sources hold rows:
 * one added by an upgrade (its migration makes an empty table beside stored sources) is filled
 * from them, without a rebuild. A chunk of keys at a time. Returns the names of those it wrote rows to.
 */
export async function fillEmptyDerivedReadModels(manager: EntityManager, schema: string): Promise<string[]> {
  const { connection } = manager;
  const filled: string[] = [];
  for (const model of readModels) {
    if (model.kind !== 'derived') continue;
    const target = new RowTable(connection, model.entity, schema);
    const sources = model.sources.map((source) => ({ source, table: new RowTable(connection, source.entity, schema) }));
    if ((await manager.query(target.selectAny())).length > 0) continue;
    const keyRows: Array<{ key: string }> = await manager.query(
      sources.map(({ source, table }) => table.selectKeys(source.key)).join(' UNION '),
    );
    const keys = keyRows.map((r) => r.key);
    let written = 0;
    for (let i = 0; i < keys.length; i += FILL_CHUNK) {
      const chunk = keys.slice(i, i + FILL_CHUNK);
      const loaded = await loadTogether(
        manager,
        sources.map(
          ({ source, table }) =>
            (request, params) =>
              table.selectWhere(source.key, chunk, request, params),
        ),
      );
      const byKey = loaded.map((rows, s) => {
        const { source, table } = sources[s];
        return new Map(rows.map((json) => table.fromJson(json)).map((row) => [row[source.key] as string, row]));
      });
      const rows = chunk.flatMap((key) => model.derive(...byKey.map((rowsOf) => rowsOf.get(key) ?? null)));
      await writeTogether(manager, target.insert(rows));
      written += rows.length;
    }
    if (written > 0) filled.push(model.name);
  }
  return filled;
}

/** Keys per round of fillEmptyDerivedReadModels: their source rows and derived rows are held at once. */
const FILL_CHUNK = 2000;

/** Applies one batch of events to the read models in `schema`, inside the caller's transaction. */
export async function projectBatch(
  manager: EntityManager,
  events: readonly RecordedEvent[],
  schema: string,
): Promise<RowsWritten> {
  const writer = new ReadModelWriter(schema);
  await writer.apply(manager, events);
  return writer.flush(manager);
}
