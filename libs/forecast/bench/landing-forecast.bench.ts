/**
 * Timing sanity for landingForecast on 100,000 projects — a rough check, deliberately not a test
 * (timed tests are flaky). Run from the repository root:
 *
 *   npx tsc --ignoreConfig --outDir /tmp/forecast-bench --module commonjs --target es2022 --types node \
 *     libs/forecast/bench/landing-forecast.bench.ts && node /tmp/forecast-bench/bench/landing-forecast.bench.js
 */
import { ForecastSubject, landingForecast } from '../src';

const AS_OF = '2025-06-30';
const MS_PER_DAY = 86_400_000;
const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
const date = (daysBeforeAsOf: number) => new Date(asOfMs - daysBeforeAsOf * MS_PER_DAY).toISOString().slice(0, 10);

/** Entries spread over five years; about 45% land, 10% withdraw, the rest are open. */
function cohort(size: number): ForecastSubject[] {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: size }, () => {
    const entered = Math.floor(random() * 1826);
    const outcomeAfter = Math.floor(random() * 900);
    const roll = random();
    if (outcomeAfter > entered || roll > 0.55) return { enteredOn: date(entered) };
    const outcome = date(entered - outcomeAfter);
    return roll < 0.45
      ? { enteredOn: date(entered), landedOn: outcome }
      : { enteredOn: date(entered), withdrawnOn: outcome };
  });
}

for (const size of [1_000, 10_000, 100_000]) {
  const subjects = cohort(size);
  landingForecast({ asOf: AS_OF, horizonDays: 365, subjects }); // warm up the JIT
  const runs = 5;
  const started = process.hrtime.bigint();
  let forecast = landingForecast({ asOf: AS_OF, horizonDays: 365, subjects });
  for (let i = 1; i < runs; i++) forecast = landingForecast({ asOf: AS_OF, horizonDays: 365, subjects });
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  console.log(
    `${size} projects (${forecast.open} open): ${ms.toFixed(1)} ms, ${forecast.method.projection}, ` +
      `expected ${forecast.projection.expectedLanded.toFixed(1)} landed [${forecast.projection.low95}, ${forecast.projection.high95}]`,
  );
}
