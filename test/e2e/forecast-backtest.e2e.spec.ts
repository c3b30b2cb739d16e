import { endOfBusinessDay } from '@luodi/domain';
import { Pool } from 'pg';
import { generateHistory, insertHistory } from '../../libs/read-models/src/testing/generate-history';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, fieldsOf, get, World } from './projects.helpers';

/**
 * The backtest over a generated history whose events are recorded when they happened, except
 * the landings of the last quarter of 2024, reported on 1 February 2025: each date's forecast is
 * the one `GET /api/forecast/landing?asOf=D&knownAt=<end of D>` gives (with `known=now`, the one
 * without knownAt), its outcome the landings by D + horizon, and the coverage counts the points.
 */
const LATE_REPORTS = '2025-02-01T00:00:00.000Z';

describe('GET /api/forecast/backtest', () => {
  let api: RunningApi;
  let pool: Pool;
  let leader: World['leader'];
  let position = 0;

  beforeAll(async () => {
    api = await startApi();
    leader = (await createWorld(api)).leader;
    pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
    const lastOfStream = new Map<string, string>();
    const history = generateHistory({
      seed: 41,
      projects: 150,
      from: '2024-01-01',
      to: '2025-12-31',
      departments: ['industry', 'commerce'],
    }).map((event) => {
      const occurredAt = new Date(String(event.data.occurredAt)).toISOString();
      // The landings of the last quarter of 2024 were reported on 1 February 2025.
      const late = event.type === 'ProjectLanded' && occurredAt >= '2024-10-01' && occurredAt < LATE_REPORTS;
      const own = late ? LATE_REPORTS : occurredAt;
      const recordedAt = (lastOfStream.get(event.streamId) ?? own) > own ? lastOfStream.get(event.streamId)! : own;
      lastOfStream.set(event.streamId, recordedAt);
      return { ...event, recordedAt };
    });
    position = await insertHistory(pool, history);
    for (
      let tries = 0;
      (await get(api, `/api/dashboard/summary?minPosition=${position}`, leader)).status !== 200;
      tries++
    )
      if (tries > 20) throw new Error('the projector did not catch up');
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await api?.stop();
  });

  it('gives each date the forecast made then, the landings by the horizon and the coverage', async () => {
    const reply = await get(
      api,
      `/api/forecast/backtest?from=2024-06-30&to=2025-06-30&every=quarter&horizonDays=180&minPosition=${position}`,
      leader,
    );
    expect(reply.status).toBe(200);
    const { points, coverage } = reply.body;
    expect(points.map((p: { asOf: string }) => p.asOf)).toEqual([
      '2024-06-30',
      '2024-09-30',
      '2024-12-30',
      '2025-03-30',
      '2025-06-30',
    ]);
    for (const point of points) {
      const then = (
        await get(
          api,
          `/api/forecast/landing?asOf=${point.asOf}&horizonDays=180&knownAt=${encodeURIComponent(endOfBusinessDay(point.asOf))}`,
          leader,
        )
      ).body;
      expect(point.forecast).toMatchObject({
        inLibrary: then.inLibrary,
        landed: then.landed,
        expectedLanded: then.projection.expectedLanded,
        low80: then.projection.low80,
        high80: then.projection.high80,
        low95: then.projection.low95,
        high95: then.projection.high95,
      });
      const landedByHorizon = (await get(api, `/api/dashboard/summary?asOf=${point.horizonEnd}`, leader)).body.landed;
      expect(point.actual.inLibrary).toBe(then.inLibrary); // recorded on time: the same cohort
      expect(point.actual.landed).toBeGreaterThanOrEqual(then.landed);
      expect(point.actual.landed).toBeLessThanOrEqual(landedByHorizon);
      expect(point.within80).toBe(
        point.forecast.low80 <= point.actual.landed && point.actual.landed <= point.forecast.high80,
      );
    }
    expect(coverage.evaluated).toBe(5);
    expect(coverage.within80).toBe(points.filter((p: { within80: boolean }) => p.within80).length);
    expect(coverage.rate95).toBe(coverage.within95 / 5);
    expect(points.some((p: { forecast: { landed: number } }) => p.forecast.landed > 0)).toBe(true);
  }, 60_000);

  it('with known=now, recomputes each date from what is known today about it', async () => {
    const reply = await get(
      api,
      `/api/forecast/backtest?from=2024-09-30&to=2024-12-30&every=quarter&horizonDays=90&known=now&minPosition=${position}`,
      leader,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.known).toBe('now');
    for (const point of reply.body.points) {
      const now = (await get(api, `/api/forecast/landing?asOf=${point.asOf}&horizonDays=90`, leader)).body;
      expect(point.forecast).toMatchObject({
        landed: now.landed,
        low80: now.projection.low80,
        high80: now.projection.high80,
      });
    }
    expect(
      fieldsOf(await get(api, '/api/forecast/backtest?from=2024-09-30&to=2024-12-30&known=later', leader)),
    ).toEqual(['known']);
  });

  it('refuses reversed, future or malformed dates naming the field', async () => {
    const ask = (query: string) => get(api, `/api/forecast/backtest?${query}`, leader);
    const reversed = await ask('from=2025-06-30&to=2025-01-01');
    expect({ status: reversed.status, code: reversed.body.code, fields: fieldsOf(reversed) }).toEqual({
      status: 400,
      code: 'PERIOD_REVERSED',
      fields: ['to'],
    });
    const future = await ask('from=2025-01-01&to=2999-01-01');
    expect({ code: future.body.code, fields: fieldsOf(future) }).toEqual({ code: 'AS_OF_IN_FUTURE', fields: ['to'] });
    expect(fieldsOf(await ask('from=2025-01-01&to=2025-02-01&every=day'))).toEqual(['every']);
    expect(fieldsOf(await ask('to=2025-02-01'))).toEqual(['from']);
    expect(fieldsOf(await ask('from=1990-01-01&to=2025-02-01'))).toEqual(['from']);
  });
});
