import { DataSource } from 'typeorm';
import { PROJECTION_LOCK_CLASS, READ_MODELS_PROJECTION } from './checkpoints';

export interface ProjectionStatus {
  name: string;
  /** Some process (this one or a projector worker) holds the projection lock. */
  running: boolean;
  checkpoint: string | null;
  /** Global position of the last projected event (0: none yet). */
  position: number;
  updatedAt: string | null;
  /**
   * Events stored after the checkpoint's position (approximate while transactions commit out of
   * order); null when the log is not the PostgreSQL events table (KurrentDB).
   */
  lagEvents: number | null;
  /** How long the oldest of those has waited (0 when caught up); null as lagEvents. */
  lagSeconds: number | null;
}

/**
 * Where the projection stands, from the database alone, so it holds whichever process projects.
 * The lag is counted in the PostgreSQL events table, so only when that is the event store.
 */
export async function readProjectionStatus(
  dataSource: DataSource,
  options: { lagFromEventsTable: boolean },
  name = READ_MODELS_PROJECTION,
): Promise<ProjectionStatus> {
  const [row] = await dataSource.query(
    `SELECT c.checkpoint, coalesce(c.position, 0)::bigint AS position, c.updated_at,
            lag.events, lag.seconds,
            EXISTS (SELECT 1 FROM pg_locks l
                     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND l.classid = $2::int::oid AND l.objid = hashtext($1)::oid) AS running
       FROM (SELECT $1::text AS name) n
       LEFT JOIN projection_checkpoints c ON c.name = n.name
       CROSS JOIN LATERAL (
         SELECT count(*)::bigint AS events, coalesce(extract(epoch FROM now() - min(e.recorded_at)), 0)::float8 AS seconds
           FROM events e WHERE e.global_position > coalesce(c.position, 0)) lag`,
    [name, PROJECTION_LOCK_CLASS],
  );
  return {
    name,
    running: row.running,
    checkpoint: row.checkpoint,
    position: Number(row.position),
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    lagEvents: options.lagFromEventsTable ? Number(row.events) : null,
    lagSeconds: options.lagFromEventsTable ? Math.max(0, Math.round(row.seconds * 10) / 10) : null,
  };
}
