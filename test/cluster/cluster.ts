import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Control of the high-availability cluster of scripts/cluster.sh (npm run cluster:up), for the
 * failover spec and the replica benchmark: start and stop it, find its leader, kill the leader's
 * PostgreSQL, switch over.
 */
const SCRIPT = findUp(__dirname, 'scripts/cluster.sh');

/** From the sources (test/cluster) or compiled into dist/bench (the replica benchmark). */
function findUp(from: string, file: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return join(dir, file);
    if (dirname(dir) === dir) throw new Error(`${file} not found above ${from}`);
  }
}

export interface ClusterEnv {
  primaryUrl: string;
  replicaUrl: string;
  restPorts: number[];
  dir: string;
}

export interface Member {
  name: string;
  role: 'leader' | 'sync_standby' | 'replica' | string;
  state: string;
  timeline?: number;
}

/** Why the cluster cannot run here (a missing package), or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  const missing = [
    'patroni',
    'patronictl',
    'etcd',
    'haproxy',
    'curl',
    'psql',
    '/usr/lib/postgresql/15/bin/postgres',
  ].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length
    ? `not installed: ${missing.join(', ')} (apt-get install patroni etcd-server haproxy postgresql-15 curl, as .ci/run does)`
    : undefined;
}

function script(...args: string[]): string {
  return execFileSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
}

export function clusterUp(): ClusterEnv {
  script('up');
  return clusterEnv();
}

export function clusterRunning(): boolean {
  return existsSync(clusterEnv().dir);
}

export function clusterDown(): void {
  script('down');
}

export function clusterEnv(): ClusterEnv {
  const vars = Object.fromEntries(
    script('env')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return {
    primaryUrl: vars.LUODI_CLUSTER_PRIMARY_URL,
    replicaUrl: vars.LUODI_CLUSTER_REPLICA_URL,
    restPorts: vars.LUODI_CLUSTER_REST_PORTS.split(',').map(Number),
    dir: vars.LUODI_CLUSTER_DIR,
  };
}

/** The members as Patroni's REST API reports them (asking each node until one answers). */
export async function members(env: ClusterEnv): Promise<Member[]> {
  for (const port of env.restPorts) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/cluster`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return ((await response.json()) as { members: Member[] }).members;
    } catch {
      // that node is down; ask the next
    }
  }
  return [];
}

const running = (m: Member) => m.state === 'running' || m.state === 'streaming';

/** Waits until there is a leader and two running replicas, one of them synchronous. */
export async function waitHealthy(env: ClusterEnv, timeoutMs: number): Promise<Member[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await members(env);
    const leader = all.filter((m) => m.role === 'leader' && running(m));
    const sync = all.filter((m) => m.role === 'sync_standby' && running(m));
    const replicas = all.filter((m) => (m.role === 'replica' || m.role === 'sync_standby') && running(m));
    if (leader.length === 1 && sync.length >= 1 && replicas.length === 2) return all;
    if (Date.now() > deadline) throw new Error(`the cluster did not become healthy: ${JSON.stringify(all)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** kill -9 of the leader's postmaster; returns the leader's name. */
export async function killPrimary(env: ClusterEnv): Promise<string> {
  const leader = (await members(env)).find((m) => m.role === 'leader');
  if (!leader) throw new Error('no leader to kill');
  const pid = Number(readFileSync(`${env.dir}/${leader.name}/postmaster.pid`, 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  return leader.name;
}

/** A planned switchover from the leader to its synchronous standby (patronictl switchover). */
export async function switchover(env: ClusterEnv): Promise<{ from: string; to: string }> {
  const all = await members(env);
  const from = all.find((m) => m.role === 'leader')!.name;
  const to = all.find((m) => m.role === 'sync_standby')!.name;
  script('ctl', 'switchover', '--leader', from, '--candidate', to, '--force');
  return { from, to };
}
