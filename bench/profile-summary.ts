import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Prints where a `node --cpu-prof` profile spent its time: self time by package or file, and self
 * and total (inclusive) time by function, the heaviest first. Reads the newest .cpuprofile in
 * `dir` written after `since` (ms); runnable on its own: `node profile-summary.js <file|dir>`.
 */
export function summariseProfile(dir: string, since = 0, top = 30): void {
  const file = statSync(dir).isDirectory()
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => path.join(dir, name))
        .filter((name) => statSync(name).mtimeMs >= since)
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : dir;
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const fn = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const files = new Map<string, number>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    all += dt;
    if (node.callFrame.functionName === '(idle)') idle += dt;
    add(self, fn(node), dt);
    add(files, area(node.callFrame.url, node.callFrame.functionName), dt);
    // Inclusive: every distinct function on the stack, once, even when it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = fn(byId.get(at)!);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + dt);
      seen.add(key);
    }
  });
  const ms = (us: number) =>
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / (all - idle)).toFixed(1).padStart(5)} %`;
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)}  ${key}`);
  };
  console.log(`\n${file}: ${(all / 1e6).toFixed(1)} s sampled, ${(idle / 1e6).toFixed(1)} s idle (% of busy time)`);
  print('self time by package / file', files);
  print('self time by function', self);
  print('total time by function', total);
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** node_modules/<package> for dependencies, the path under the repository for our code. */
function area(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return dep ? dep[1] : short(url);
}

function short(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/dist\//, 'dist/')
    .replace(/^.*\/node_modules\//, '~/');
}

if (require.main === module) summariseProfile(process.argv[2] ?? '.', 0, Number(process.argv[3] ?? 30));
