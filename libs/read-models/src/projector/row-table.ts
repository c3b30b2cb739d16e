import { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { toIso } from '../column-types';

/** Rows per statement: keeps each JSON parameter to a few megabytes. */
const CHUNK = 2000;

/**
 * Builds one statement from parts that each add their parameters: every part's `$n` is numbered
 * in the one list the statement is sent with.
 */
export class StatementParams {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A statement that writes rows, combinable with others into one round trip (see writeTogether). */
export interface RowWrite {
  rows: number;
  sql(params: StatementParams): string;
}

/**
 * One read-model table in one schema, read and written in bulk: rows travel as one JSON array per
 * statement (`jsonb_populate_recordset`), so a batch costs a few statements, not one per row.
 * Column names and types come from the entity, so the entity stays the one description of a row.
 * The table only builds its statements: loadTogether and writeTogether send the statements of many
 * tables in one round trip each, which is what a live batch of a few events mostly waits on.
 */
export class RowTable<Row extends object> {
  private readonly metadata: EntityMetadata;
  private readonly table: string;

  constructor(connection: DataSource, entity: new () => Row, schema: string) {
    this.metadata = connection.getMetadata(entity);
    this.table = `${quote(schema)}.${quote(this.metadata.tableName)}`;
  }

  /** A SELECT of the rows whose `property` is one of `values`, as JSON, tagged with `request`. */
  selectWhere(property: keyof Row & string, values: readonly string[], request: number, params: StatementParams) {
    return `SELECT ${request} AS request, to_jsonb(t) AS row FROM ${this.table} t WHERE ${quote(this.column(property))} = ANY(${params.add(values)}::text[])`;
  }

  /** A SELECT of every value of `property`, as `key`. */
  selectKeys(property: keyof Row & string): string {
    return `SELECT ${quote(this.column(property))} AS key FROM ${this.table}`;
  }

  /** A SELECT that gives one row if the table holds any. */
  selectAny(): string {
    return `SELECT 1 FROM ${this.table} LIMIT 1`;
  }

  /** Inserts the rows, or replaces the ones whose primary key exists. */
  upsert(rows: readonly Row[]): RowWrite[] {
    const keys = this.metadata.primaryColumns.map((c) => quote(c.databaseName)).join(', ');
    const updates = this.columns()
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(c.databaseName)} = EXCLUDED.${quote(c.databaseName)}`)
      .join(', ');
    return this.write(rows, `ON CONFLICT (${keys}) DO UPDATE SET ${updates}`);
  }

  insert(rows: readonly Row[]): RowWrite[] {
    return this.write(rows, '');
  }

  /** Inserts the rows whose primary key is not stored yet. */
  insertNew(rows: readonly Row[]): RowWrite[] {
    return this.write(rows, 'ON CONFLICT DO NOTHING');
  }

  delete(property: keyof Row & string, values: readonly string[]): RowWrite[] {
    if (values.length === 0) return [];
    const column = quote(this.column(property));
    return [
      {
        rows: values.length,
        sql: (params) => `DELETE FROM ${this.table} WHERE ${column} = ANY(${params.add(values)}::text[])`,
      },
    ];
  }

  // JSON gives times in the session's format; rows hold them as toISOString() does.
  fromJson(json: Record<string, unknown>): Row {
    const row: Record<string, unknown> = {};
    for (const c of this.columns()) {
      const value = json[c.databaseName];
      const isInstant = c.type === 'timestamptz' && value !== null && value !== undefined;
      row[c.propertyName] = isInstant
        ? Array.isArray(value)
          ? value.map((v) => toIso(v as string))
          : toIso(value as string)
        : value;
    }
    return row as Row;
  }

  private write(rows: readonly Row[], onConflict: string): RowWrite[] {
    const names = this.columns()
      .map((c) => quote(c.databaseName))
      .join(', ');
    const writes: RowWrite[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      writes.push({
        rows: chunk.length,
        sql: (params) =>
          `INSERT INTO ${this.table} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${this.table}, ${params.add(
            JSON.stringify(chunk.map((row) => this.toJson(row))),
          )}::jsonb) ${onConflict}`,
      });
    }
    return writes;
  }

  private columns() {
    return this.metadata.columns;
  }

  private column(property: string): string {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.tableName} has no column for ${property}`);
    return column.databaseName;
  }

  private toJson(row: Row): Record<string, unknown> {
    const json: Record<string, unknown> = {};
    for (const c of this.columns()) json[c.databaseName] = (row as Record<string, unknown>)[c.propertyName];
    return json;
  }
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs the SELECTs of `RowTable.selectWhere` as one statement (UNION ALL); `requests[i]` builds
 * the part tagged `i`. Returns each request's rows as JSON.
 */
export async function loadTogether(
  manager: EntityManager,
  requests: readonly ((request: number, params: StatementParams) => string)[],
): Promise<Record<string, unknown>[][]> {
  const loaded = requests.map((): Record<string, unknown>[] => []);
  if (requests.length === 0) return loaded;
  const params = new StatementParams();
  const sql = requests.map((part, i) => part(i, params)).join(' UNION ALL ');
  const rows: Array<{ request: number; row: Record<string, unknown> }> = await manager.query(sql, params.values);
  for (const { request, row } of rows) loaded[request].push(row);
  return loaded;
}

/**
 * Runs the writes as few statements as their rows allow (CHUNK rows each): data-modifying
 * statements in one WITH run on one snapshot in no set order, so the writes of one call must
 * touch different rows (a delete and an insert of the same keys go in two calls).
 *
 * Each statement is sent before the one ahead of it has finished, so this process turns the next
 * rows into JSON while PostgreSQL writes the last ones (a rebuild's flush of many thousand rows
 * kept one core idle at a time otherwise); one waits in the connection's queue at most.
 */
export async function writeTogether(manager: EntityManager, writes: readonly RowWrite[]): Promise<void> {
  let running: Promise<unknown> | undefined;
  for (let i = 0; i < writes.length;) {
    const group: RowWrite[] = [writes[i]];
    let rows = writes[i].rows;
    for (i++; i < writes.length && rows + writes[i].rows <= CHUNK; i++) {
      group.push(writes[i]);
      rows += writes[i].rows;
    }
    const params = new StatementParams();
    const sql =
      group.length === 1
        ? group[0].sql(params)
        : `WITH ${group.map((w, n) => `w${n} AS (${w.sql(params)})`).join(', ')} SELECT 1`;
    const sent: Promise<unknown> = manager.query(sql, params.values);
    sent.catch(() => undefined); // if the one ahead failed, that failure is the one thrown
    await running;
    running = sent;
  }
  await running;
}
