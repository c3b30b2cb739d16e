import { EntityManager, EntityMetadata } from 'typeorm';
import { toIso } from '../column-types';

/** Rows per statement: keeps each JSON parameter to a few megabytes. */
const CHUNK = 2000;

/**
 * One read-model table in one schema, read and written in bulk: rows travel as one JSON array per
 * statement (`jsonb_populate_recordset`), so a batch costs a few statements, not one per row.
 * Column names and types come from the entity, so the entity stays the one description of a row.
 */
export class RowTable<Row extends object> {
  private readonly metadata: EntityMetadata;
  private readonly table: string;

  constructor(
    private readonly manager: EntityManager,
    entity: new () => Row,
    schema: string,
  ) {
    this.metadata = manager.connection.getMetadata(entity);
    this.table = `${quote(schema)}.${quote(this.metadata.tableName)}`;
  }

  /** The rows whose `property` is one of `values`. */
  async load(property: keyof Row & string, values: readonly string[]): Promise<Row[]> {
    if (values.length === 0) return [];
    const column = this.column(property);
    const rows: Array<{ row: Record<string, unknown> }> = await this.manager.query(
      `SELECT to_jsonb(t) AS row FROM ${this.table} t WHERE ${quote(column)} = ANY($1::text[])`,
      [values],
    );
    return rows.map(({ row }) => this.fromJson(row));
  }

  /** Inserts the rows, or replaces the ones whose primary key exists. */
  async upsert(rows: readonly Row[]): Promise<void> {
    const keys = this.metadata.primaryColumns.map((c) => quote(c.databaseName)).join(', ');
    const updates = this.columns()
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(c.databaseName)} = EXCLUDED.${quote(c.databaseName)}`)
      .join(', ');
    await this.write(rows, `ON CONFLICT (${keys}) DO UPDATE SET ${updates}`);
  }

  async insert(rows: readonly Row[]): Promise<void> {
    await this.write(rows, '');
  }

  /** Inserts the rows whose primary key is not stored yet. */
  async insertNew(rows: readonly Row[]): Promise<void> {
    await this.write(rows, 'ON CONFLICT DO NOTHING');
  }

  async delete(property: keyof Row & string, values: readonly string[]): Promise<void> {
    if (values.length === 0) return;
    await this.manager.query(`DELETE FROM ${this.table} WHERE ${quote(this.column(property))} = ANY($1::text[])`, [
      values,
    ]);
  }

  private async write(rows: readonly Row[], onConflict: string): Promise<void> {
    const names = this.columns()
      .map((c) => quote(c.databaseName))
      .join(', ');
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(rows.slice(i, i + CHUNK).map((row) => this.toJson(row)));
      await this.manager.query(
        `INSERT INTO ${this.table} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${this.table}, $1::jsonb) ${onConflict}`,
        [json],
      );
    }
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

  // JSON gives times in the session's format; rows hold them as toISOString() does.
  private fromJson(json: Record<string, unknown>): Row {
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
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
