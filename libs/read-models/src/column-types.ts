import { ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Column types shared by the read-model entities. Rows hold times as ISO strings (as events carry
 * them) and amounts as numbers, both when TypeORM reads an entity and when the projector reads
 * rows as JSON (see row-table.ts), so a row read back equals the row written.
 */

const bigintAsNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export const toIso = (value: Date | string): string => new Date(value).toISOString();

const timestampAsIso: ValueTransformer = {
  to: (value: string | string[] | null) => value,
  from: (value: Date | Date[] | null) =>
    value === null ? null : Array.isArray(value) ? value.map(toIso) : toIso(value),
};

/** Whole yuan or a position: bigint in PostgreSQL, a number in JavaScript (safe below 2^53). */
export const bigintColumn = (name: string, nullable = false): ColumnOptions => ({
  name,
  type: 'bigint',
  nullable,
  transformer: bigintAsNumber,
});

/** An instant: timestamptz in PostgreSQL, an ISO 8601 string in JavaScript. */
export const instantColumn = (name: string, nullable = true): ColumnOptions => ({
  name,
  type: 'timestamptz',
  nullable,
  transformer: timestampAsIso,
});

/** A list of instants. */
export const instantArrayColumn = (name: string): ColumnOptions => ({
  name,
  type: 'timestamptz',
  array: true,
  transformer: timestampAsIso,
});

/** A business date `YYYY-MM-DD` (TypeORM reads `date` columns as such strings). */
export const dateColumn = (name: string, nullable = true): ColumnOptions => ({ name, type: 'date', nullable });

export const textColumn = (name: string, nullable = false): ColumnOptions => ({ name, type: 'text', nullable });
