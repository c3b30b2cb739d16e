import './module-paths';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { EVENTS_CHANNEL, STREAM_SEPARATOR } from '@luodi/event-store';
import { PROJECTION_CHANNEL } from '@luodi/read-models';

/**
 * A worker thread, so that the load generator's busy event loop cannot delay the timestamps:
 * listens on the store's channel (sent right after the commits by the appending process, payload
 * the stream ids of the appends that committed since its last one, in order) and the projector's (one per batch, delivered at the batch's commit, payload the
 * checkpoint reached), and hands both time lines back when told to stop.
 */
async function observe(): Promise<void> {
  const commits: Array<[number, string]> = [];
  const progress: Array<[number, string]> = [];
  const client = new Client({ connectionString: workerData.databaseUrl as string });
  client.on('error', () => undefined);
  client.on('notification', ({ channel, payload }) => {
    const at = performance.timeOrigin + performance.now();
    if (channel === EVENTS_CHANNEL)
      for (const stream of (payload ?? '').split(STREAM_SEPARATOR)) commits.push([at, stream]);
    else if (channel === PROJECTION_CHANNEL)
      progress.push([at, (JSON.parse(payload ?? '{}') as { checkpoint: string }).checkpoint]);
  });
  await client.connect();
  await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  await client.query(`LISTEN ${PROJECTION_CHANNEL}`);
  parentPort!.postMessage({ ready: true });
  parentPort!.once('message', async () => {
    await client.end().catch(() => undefined);
    parentPort!.postMessage({ commits, progress });
  });
}

void observe().catch((error) => parentPort!.postMessage({ error: String(error) }));
