import { readdirSync, readFileSync } from 'node:fs';

/** CPU time used by each part of the system over a phase: where the two cores went. */
export interface CpuShares {
  seconds: number;
  /** Cores busy on average, per part (2 = both cores all the time). */
  cores: Record<string, number>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in clock ticks; 0 once it is gone. */
function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process on the machine (the bench's and anyone else's). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

/**
 * Starts counting the CPU time of the named processes and of all PostgreSQL processes; `stop()`
 * gives each part's average number of busy cores. Backends that end during the phase are missed,
 * which only undercounts PostgreSQL (the bench keeps its connections open).
 */
export function measureCpu(processes: Record<string, number | undefined>): { stop(): CpuShares } {
  const started = Date.now();
  const named = Object.entries(processes).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const before = new Map(named.map(([name, pid]) => [name, ticksOf(pid)]));
  const postgresBefore = new Map(postgresPids().map((pid) => [pid, ticksOf(pid)]));
  return {
    stop: () => {
      const seconds = (Date.now() - started) / 1000;
      const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      const shares: Record<string, number> = {};
      for (const [name, pid] of named) shares[name] = cores(ticksOf(pid) - before.get(name)!);
      shares.postgres = cores(
        postgresPids().reduce((sum, pid) => sum + ticksOf(pid) - (postgresBefore.get(pid) ?? 0), 0),
      );
      return { seconds: Math.round(seconds * 10) / 10, cores: shares };
    },
  };
}
