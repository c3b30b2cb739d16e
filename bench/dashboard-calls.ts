/**
 * The dashboard's read-model calls timed without HTTP, one at a time, on a database kept for it
 * (made by `scorecards.js seed`): the summary, landing rates and the forecast's follow-up counts,
 * as known now and as reported then, for the request mix of queries.ts (asOf today or a random
 * past day, a third with one filter). The requests come from a fixed seed, so two builds asked
 * in turn get the same ones; with an output file the answers are written too, to compare them.
 *
 *   node dist/bench/bench/dashboard-calls.js <database> [samples] [answers.json]
 *
 * Side by side: build the code before a change in a second clone and run both in alternation.
 */
import './module-paths';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createDataSource } from '@luodi/platform';
import {
  DashboardFilters,
  dashboardSummary,
  landingRates,
  LandingRateGroup,
  libraryFollowUps,
} from '@luodi/read-models';
import { withDatabase } from './database';
import { daysAgo } from './queries';
import { percentile, round } from './stats';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WARM_UP = 3;

/** A linear congruential generator: the same requests in every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

async function main(): Promise<void> {
  const [name, samplesArg, answersFile] = process.argv.slice(2);
  if (!name) throw new Error('usage: dashboard-calls.js <database> [samples] [answers.json]');
  const samples = Number(samplesArg ?? 40);
  const dataSource = await createDataSource(withDatabase(SERVER, name), 2).initialize();
  const [keys]: Array<{ chain: string; district: string; department: string }> = await dataSource.query(
    `SELECT (SELECT industry_chain FROM project_facts LIMIT 1) AS chain,
            (SELECT district FROM project_facts WHERE district IS NOT NULL LIMIT 1) AS district,
            (SELECT lead_departments[1] FROM project_facts WHERE cardinality(lead_departments) > 0 LIMIT 1) AS department`,
  );
  const random = seeded(42);
  const request = () => {
    const r = random();
    const filters: DashboardFilters =
      r < 0.67
        ? {}
        : r < 0.78
          ? { industryChain: keys.chain }
          : r < 0.89
            ? { district: keys.district }
            : { department: keys.department };
    return {
      asOf: random() < 0.5 ? daysAgo(0) : daysAgo(Math.floor(random() * 700)),
      day: daysAgo(1 + Math.floor(random() * 700)),
      group: (['conference', 'industryChain', 'department', 'district'] as LandingRateGroup[])[
        Math.floor(random() * 4)
      ],
      filters,
    };
  };
  type Request = ReturnType<typeof request>;
  const calls: Record<string, (r: Request) => Promise<unknown>> = {
    summary: (r) => dashboardSummary(dataSource, r.asOf, r.filters),
    'summary as reported then': (r) => dashboardSummary(dataSource, r.day, { ...r.filters, knownAt: endOf(r.day) }),
    'landing rates': (r) => landingRates(dataSource, r.group, r.asOf, r.filters),
    'forecast follow-ups': (r) => libraryFollowUps(dataSource, r.asOf, r.filters),
    'forecast follow-ups as reported then': (r) =>
      libraryFollowUps(dataSource, r.day, { ...r.filters, knownAt: endOf(r.day) }),
  };
  const times = new Map<string, number[]>(Object.keys(calls).map((k) => [k, []]));
  const answers = new Map<string, unknown[]>(Object.keys(calls).map((k) => [k, []]));
  const load = () =>
    loadavg()
      .map((l) => round(l, 2))
      .join(' ');
  const loadBefore = load();
  for (let i = 0; i < WARM_UP + samples; i++) {
    const r = request();
    for (const [kind, call] of Object.entries(calls)) {
      const start = process.hrtime.bigint();
      const answer = await call(r);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i >= WARM_UP) times.get(kind)!.push(ms);
      answers.get(kind)!.push(answer);
    }
  }
  await dataSource.destroy();
  console.log(`${samples} requests of each kind, load average ${loadBefore} before, ${load()} after`);
  for (const [kind, values] of times) {
    values.sort((a, b) => a - b);
    const p50 = round(percentile(values, 50), 1);
    const p95 = round(percentile(values, 95), 1);
    console.log(`  ${kind.padEnd(38)} p50 ${p50} ms, p95 ${p95} ms`);
  }
  if (answersFile) writeFileSync(answersFile, JSON.stringify(Object.fromEntries(answers)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
