import { EntityManager } from 'typeorm';

/** The one projection of this service: every read model, fed by one subscription. */
export const READ_MODELS_PROJECTION = 'read-models';

/** Committed progress of a projection is announced here (payload: the checkpoint). */
export const PROJECTION_CHANNEL = 'luodi_projection';

/** First key of the projector's session advisory lock; the second is hashtext(projection name). */
export const PROJECTION_LOCK_CLASS = 7318;

export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(
      `The checkpoint of ${name} was moved by someone else (a rebuild, or another projector); resuming from the stored one.`,
    );
    this.name = 'CheckpointMovedError';
  }
}

export async function loadCheckpoint(manager: EntityManager, name: string): Promise<string | null> {
  await manager.query(`INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
  const rows: Array<{ checkpoint: string | null }> = await manager.query(
    `SELECT checkpoint FROM projection_checkpoints WHERE name = $1`,
    [name],
  );
  return rows[0].checkpoint;
}

/**
 * Moves the checkpoint from `expected` to `next`, or fails with CheckpointMovedError if it is no
 * longer at `expected`. Run first in a batch's transaction: its row lock makes batches of one
 * projection take turns, and a batch read from a stale checkpoint is refused before it writes.
 */
export async function advanceCheckpoint(
  manager: EntityManager,
  name: string,
  expected: string | null,
  next: string,
  position: number,
): Promise<void> {
  const progress: ProjectionProgress = { name, checkpoint: next };
  // The progress is announced in the same round trip; a refused move rolls back, and its notice with it.
  const rows: Array<{ moved: number }> = await manager.query(
    `WITH moved AS (
       UPDATE projection_checkpoints SET checkpoint = $3, position = $4, updated_at = now()
        WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $2
       RETURNING 1)
     SELECT (SELECT count(*) FROM moved)::int AS moved, pg_notify($5, $6)`,
    [name, expected, next, position, PROJECTION_CHANNEL, JSON.stringify(progress)],
  );
  if (rows[0].moved !== 1) throw new CheckpointMovedError(name);
}

export interface ProjectionProgress {
  name: string;
  checkpoint: string;
}

/** Delivered to listeners when the transaction commits, not before. */
export async function notifyProgress(manager: EntityManager, name: string, checkpoint: string): Promise<void> {
  const progress: ProjectionProgress = { name, checkpoint };
  await manager.query(`SELECT pg_notify($1, $2)`, [PROJECTION_CHANNEL, JSON.stringify(progress)]);
}

/** The schema the service's tables live in (where unqualified names resolve). */
export async function liveSchema(manager: EntityManager): Promise<string> {
  const rows: Array<{ schema: string }> = await manager.query(`SELECT current_schema() AS schema`);
  return rows[0].schema;
}
