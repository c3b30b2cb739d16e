/**
 * Preloaded into the API by the Excel bench (`node --require heap-probe.js`): samples the
 * process's own memory every 50 ms, since heapUsed is only visible from inside. On SIGUSR2 it
 * writes the peaks since the last signal to heapProbeFile(pid) and starts over, so each phase
 * gets its own peaks.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';

export const heapProbeFile = (pid: number) => path.join(os.tmpdir(), `luodi-heap-probe-${pid}.json`);

export interface HeapPeaks {
  /** Bumped by every report, so the reader can tell a fresh one. */
  seq: number;
  peakHeapUsedMb: number;
  peakHeapTotalMb: number;
  peakExternalMb: number;
  peakRssMb: number;
  /**
   * The largest heapUsed seen right after a full (mark-sweep-compact) GC: about the live data,
   * without the garbage a lazily collected heap carries. Null when no full GC ran in the phase.
   */
  peakHeapAfterFullGcMb: number | null;
  fullGcs: number;
  samples: number;
}

// Only in the API started with it; the bench imports this module for heapPeaks.
if (process.env.LUODI_HEAP_PROBE === '1') {
  const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
  let seq = 0;
  const fresh = () => ({ heapUsed: 0, heapTotal: 0, external: 0, rss: 0, afterFullGc: -1, fullGcs: 0, samples: 0 });
  let peaks = fresh();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      peaks.afterFullGc = Math.max(peaks.afterFullGc, process.memoryUsage().heapUsed);
      peaks.fullGcs++;
    }
  }).observe({ entryTypes: ['gc'] });
  const sample = () => {
    const m = process.memoryUsage();
    peaks = {
      heapUsed: Math.max(peaks.heapUsed, m.heapUsed),
      heapTotal: Math.max(peaks.heapTotal, m.heapTotal),
      external: Math.max(peaks.external, m.external),
      rss: Math.max(peaks.rss, m.rss),
      afterFullGc: peaks.afterFullGc,
      fullGcs: peaks.fullGcs,
      samples: peaks.samples + 1,
    };
  };
  setInterval(sample, 50).unref();
  process.on('SIGUSR2', () => {
    sample();
    const report: HeapPeaks = {
      seq: ++seq,
      peakHeapUsedMb: mb(peaks.heapUsed),
      peakHeapTotalMb: mb(peaks.heapTotal),
      peakExternalMb: mb(peaks.external),
      peakRssMb: mb(peaks.rss),
      peakHeapAfterFullGcMb: peaks.afterFullGc < 0 ? null : mb(peaks.afterFullGc),
      fullGcs: peaks.fullGcs,
      samples: peaks.samples,
    };
    writeFileSync(heapProbeFile(process.pid), JSON.stringify(report));
    peaks = fresh();
  });
}

/** The peaks of process `pid` since the previous call (or its start). */
export async function heapPeaks(pid: number, previousSeq: number): Promise<HeapPeaks> {
  const { readFileSync } = await import('node:fs');
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const report = JSON.parse(readFileSync(heapProbeFile(pid), 'utf8')) as HeapPeaks;
      if (report.seq > previousSeq) return report;
    } catch {
      // Not written yet, or half-written.
    }
  }
  throw new Error(`the API (${pid}) did not report its heap`);
}
