import { BatchProjected, ProjectionStatus, readModels } from '@luodi/read-models';
import { Counter, Gauge } from 'prom-client';

/**
 * Projection metrics for Prometheus. Lag and checkpoint are read from the database at scrape
 * time, so they are right whichever process projects; the counter counts this process's batches.
 */
const projectedEvents = new Counter({
  name: 'luodi_projected_events_total',
  help: 'Events projected into the read models by this process',
  labelNames: ['projection'],
});

/** Rows each registered read model wrote: where the projector's work goes. */
const rowsWritten = new Counter({
  name: 'luodi_read_model_rows_written_total',
  help: 'Rows written into each read-model table by this process',
  labelNames: ['read_model'],
});
// Every registered read model is reported from the start, at 0 until it writes.
for (const model of readModels) rowsWritten.inc({ read_model: model.name }, 0);

/** Counts one committed batch of a projector in this process. */
export function countBatch(projection: string, batch: BatchProjected): void {
  projectedEvents.inc({ projection }, batch.events);
  for (const [name, rows] of Object.entries(batch.rows)) rowsWritten.inc({ read_model: name }, rows);
}

let source: (() => Promise<ProjectionStatus>) | undefined;
let cached: { at: number; status: Promise<ProjectionStatus> } | undefined;

/** One status per scrape for all gauges. */
function currentStatus(): Promise<ProjectionStatus> | undefined {
  if (!source) return undefined;
  if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), status: source() };
  return cached.status;
}

function statusGauge(name: string, help: string, value: (status: ProjectionStatus) => number | null): Gauge {
  return new Gauge({
    name,
    help,
    labelNames: ['projection'],
    async collect() {
      const status = await currentStatus()?.catch(() => undefined);
      const measured = status && value(status);
      if (status && measured !== null && measured !== undefined) this.set({ projection: status.name }, measured);
    },
  });
}

statusGauge('luodi_projection_lag_events', 'Events stored but not yet projected', (s) => s.lagEvents);
statusGauge('luodi_projection_lag_seconds', 'Age of the oldest event not yet projected', (s) => s.lagSeconds);
statusGauge('luodi_projection_checkpoint_position', 'Global position of the last projected event', (s) => s.position);

export function setProjectionStatusSource(read: () => Promise<ProjectionStatus>): void {
  source = read;
  cached = undefined;
}
