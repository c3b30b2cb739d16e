import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { distribution, Distribution } from './stats';

export interface Observations {
  commits: Array<[number, string]>;
  progress: Array<[number, string]>;
}

export interface LagFigures {
  /** Commit of an append to the commit of the projector batch that includes it, in ms. */
  lagMs: Distribution;
  /** Appends of the window matched to their commit notification. */
  transactions: number;
  /** Streams whose notifications did not match their transactions one to one (left out). */
  unmatchedStreams: number;
  /** Appends no projector batch had covered when observation stopped. */
  unprojected: number;
}

/** Starts the notification observer (lag-observer.ts) in a worker thread. */
export async function startObserver(databaseUrl: string): Promise<{ stop(): Promise<Observations> }> {
  const worker = new Worker(path.join(__dirname, 'lag-observer.js'), { workerData: { databaseUrl } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m) => (m.ready ? resolve() : reject(new Error(m.error))));
    worker.once('error', reject);
  });
  return {
    stop: () =>
      new Promise<Observations>((resolve, reject) => {
        worker.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
        worker.postMessage('stop');
      }).finally(() => worker.terminate()),
  };
}

type Point = { xid: bigint; position: bigint };
const before = (a: Point, b: Point) => a.xid < b.xid || (a.xid === b.xid && a.position < b.position);

/**
 * Projection lag of every append committed after `afterPosition`. Each append is one transaction;
 * right after it commits, the appending process sends its stream id (batched with the others that
 * committed meanwhile, in order: append-notifier.ts), so the commit time read here is late by
 * about one round trip and the lag slightly understated. A stream's k-th stream id belongs to its
 * k-th transaction (its events grouped by transaction
 * id, in stream order). The projector notifies at each batch's commit with the checkpoint
 * (transaction id, global position) it reached, so an append became readable at the first batch
 * notification whose checkpoint is at or past the append's last event. Both time lines come from
 * one connection, so they share one clock and one delivery path.
 */
export async function projectionLag(
  pool: Pool,
  afterPosition: number,
  observations: Observations,
): Promise<LagFigures> {
  const { rows } = await pool.query<{ stream_id: string; xid: string; position: string }>(
    `SELECT stream_id, transaction_id::text AS xid, max(global_position)::text AS position
       FROM events WHERE global_position > $1
      GROUP BY stream_id, transaction_id ORDER BY stream_id, min(stream_position)`,
    [afterPosition],
  );
  const appends = new Map<string, Point[]>();
  for (const r of rows) {
    const list = appends.get(r.stream_id) ?? [];
    list.push({ xid: BigInt(r.xid), position: BigInt(r.position) });
    appends.set(r.stream_id, list);
  }
  const commitsByStream = new Map<string, number[]>();
  for (const [at, stream] of observations.commits) {
    if (!appends.has(stream)) continue; // appended before the window
    const list = commitsByStream.get(stream) ?? [];
    list.push(at);
    commitsByStream.set(stream, list);
  }
  const batches = observations.progress.map(([at, checkpoint]) => {
    const [xid, position] = checkpoint.split(':').map(BigInt);
    return { at, point: { xid, position } };
  });

  const lags: number[] = [];
  let unmatchedStreams = 0;
  let unprojected = 0;
  for (const [stream, points] of appends) {
    const commits = commitsByStream.get(stream) ?? [];
    if (commits.length !== points.length) {
      unmatchedStreams += 1;
      continue;
    }
    points.forEach((point, k) => {
      // The first batch whose checkpoint is not before this append's last event.
      let lo = 0;
      let hi = batches.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(batches[mid].point, point)) lo = mid + 1;
        else hi = mid;
      }
      if (lo === batches.length) unprojected += 1;
      else lags.push(Math.max(0, batches[lo].at - commits[k]));
    });
  }
  return { lagMs: distribution(lags), transactions: lags.length + unprojected, unmatchedStreams, unprojected };
}
