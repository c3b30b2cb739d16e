import { endOfBusinessDay } from '@luodi/domain';
import { Pool } from 'pg';
import { generateHistory, HistoryEvent, insertHistory } from '../../libs/read-models/src/testing/generate-history';
import { RunningApi, startApi } from '../support/start-api';
import { createWorld, fieldsOf, get, World } from './projects.helpers';

/**
 * Two time axes. A generated history is written with record times: every event recorded when
 * it happened, except the landings of the 60 days before D, reported 10 days after D. What the
 * store held at the end of D is written first and the dashboards and the forecast of D are
 * taken then (the snapshot a leader saw); then the late landings and everything after D.
 * `asOf=D` now counts the late landings; `asOf=D&knownAt=<end of D>` still equals the snapshot.
 */
const DAY = 86_400_000;
const D = '2025-06-30';
const endOfD = endOfBusinessDay(D);
const reportedLateAt = new Date(Date.parse(endOfD) + 10 * DAY).toISOString();

/** Record times: as it happened, landings of the 60 days before D late, never before an earlier event of the stream. */
function withRecordTimes(history: readonly HistoryEvent[]): HistoryEvent[] {
  const lastOfStream = new Map<string, string>();
  return history.map((event) => {
    const occurredAt = new Date(String(event.data.occurredAt)).toISOString();
    const late =
      event.type === 'ProjectLanded' && occurredAt <= endOfD && Date.parse(occurredAt) > Date.parse(endOfD) - 60 * DAY;
    const own = late ? reportedLateAt : occurredAt;
    const previous = lastOfStream.get(event.streamId) ?? own;
    const recordedAt = previous > own ? previous : own;
    lastOfStream.set(event.streamId, recordedAt);
    return { ...event, recordedAt };
  });
}

describe('knownAt: the dashboards and the forecast as they were known at an instant', () => {
  let api: RunningApi;
  let pool: Pool;
  let leader: World['leader'];
  const history = withRecordTimes(
    generateHistory({
      seed: 16,
      projects: 400,
      from: '2024-01-01',
      to: '2025-12-31',
      departments: ['industry', 'commerce', 'resources'],
    }),
  );
  const lateLandings = history.filter(
    (e) => e.type === 'ProjectLanded' && e.recordedAt === reportedLateAt && String(e.data.occurredAt) <= endOfD,
  );

  const paths = (query: string) => [
    `/api/dashboard/summary?${query}`,
    `/api/dashboard/summary?industryChain=marine&${query}`,
    `/api/dashboard/summary?department=industry&${query}`,
    ...['conference', 'industryChain', 'department', 'district'].map(
      (groupBy) => `/api/dashboard/landing-rate?groupBy=${groupBy}&${query}`,
    ),
    `/api/forecast/landing?${query}`,
  ];
  const answers = (query: string, minPosition: number) =>
    Promise.all(
      paths(query).map(async (path) => {
        const reply = await get(api, `${path}&minPosition=${minPosition}`, leader);
        expect(reply.status).toBe(200);
        return reply.body;
      }),
    );
  /** Written behind the API's back: wait (bounded) until the projector has caught up. */
  async function caughtUp(position: number): Promise<void> {
    for (
      let tries = 0;
      (await get(api, `/api/dashboard/summary?minPosition=${position}`, leader)).status !== 200;
      tries++
    ) {
      if (tries > 20) throw new Error(`the projector did not reach ${position}`);
    }
  }

  beforeAll(async () => {
    api = await startApi();
    leader = (await createWorld(api)).leader;
    pool = new Pool({ connectionString: api.databaseUrl, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await api.stop();
  });

  it('asOf=D&knownAt=<end of D> equals what was shown on day D; asOf=D alone counts the landings reported late', async () => {
    expect(lateLandings.length).toBeGreaterThan(3);
    const first = await insertHistory(
      pool,
      history.filter((e) => e.recordedAt! <= endOfD),
    );
    await caughtUp(first);
    const snapshot = await answers(`asOf=${D}`, first);

    const last = await insertHistory(
      pool,
      history.filter((e) => e.recordedAt! > endOfD),
    );
    await caughtUp(last);
    const known = await answers(`asOf=${D}&knownAt=${encodeURIComponent(endOfD)}`, last);
    const now = await answers(`asOf=${D}`, last);

    expect(known).toEqual(snapshot);
    expect(now[0].landed).toBe(snapshot[0].landed + lateLandings.length);
    expect(now[0].inLibrary).toBe(snapshot[0].inLibrary);
    expect(now[3]).not.toEqual(snapshot[3]); // landing rates by conference
    // The forecast: more landed at D, so a higher rate and a different curve.
    expect(now[7].landed).toBe(snapshot[7].landed + lateLandings.length);
    expect(now[7].landingRate.value).toBeGreaterThan(snapshot[7].landingRate.value);
    expect(now[7]).not.toEqual(snapshot[7]);
    // A knownAt with another offset is the same instant.
    const cst = `${D}T23:59:59.999+08:00`;
    expect(await answers(`asOf=${D}&knownAt=${encodeURIComponent(cst)}`, last)).toEqual(snapshot);
    // Knowing until the late reports came in is knowing them.
    expect(await answers(`asOf=${D}&knownAt=${encodeURIComponent(reportedLateAt)}`, last)).toEqual(now);
  }, 120_000);

  // Runs on the history the test above wrote.
  it('gives the trend in one request: each quarter as known now, or (known=then) as reported at the end of its day', async () => {
    const quarterEnds = ['2024-09-30', '2024-12-31', '2025-03-31', D];
    for (const known of ['now', 'then'] as const) {
      const reply = await get(
        api,
        `/api/dashboard/trend?asOf=${D}&quarters=4&known=${known}&department=industry`,
        leader,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.points.map((point: { asOf: string }) => point.asOf)).toEqual(quarterEnds);
      for (const point of reply.body.points) {
        const knownAt = known === 'then' ? endOfBusinessDay(point.asOf) : null;
        expect(point.knownAt).toBe(knownAt);
        const cut = knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : '';
        const single = await get(api, `/api/dashboard/summary?asOf=${point.asOf}&department=industry${cut}`, leader);
        expect(point.summary).toEqual(single.body);
      }
    }
    const now = await get(api, `/api/dashboard/trend?asOf=${D}&quarters=1`, leader);
    const then = await get(api, `/api/dashboard/trend?asOf=${D}&quarters=1&known=then`, leader);
    expect(now.body.points[0].summary.landed).toBe(then.body.points[0].summary.landed + lateLandings.length);

    const both = await get(api, `/api/dashboard/trend?known=then&knownAt=${encodeURIComponent(endOfD)}`, leader);
    expect(both.status).toBe(400);
    expect(fieldsOf(both)).toEqual(['known']);
    for (const bad of ['quarters=0', 'quarters=21', 'quarters=two', 'known=later']) {
      const reply = await get(api, `/api/dashboard/trend?${bad}`, leader);
      expect(reply.status).toBe(400);
      expect(new Set(fieldsOf(reply))).toEqual(new Set([bad.split('=')[0]]));
    }
  });

  it.each(['/api/dashboard/summary?', '/api/dashboard/landing-rate?groupBy=district&', '/api/forecast/landing?'])(
    'refuses a bad knownAt on %s, naming the field',
    async (path) => {
      for (const bad of ['yesterday', '2025-06-30', '2025-02-30T10:00:00Z', '2025-06-30T10:00:00']) {
        const reply = await get(api, `${path}knownAt=${encodeURIComponent(bad)}`, leader);
        expect(reply.status).toBe(400);
        expect(reply.body.code).toBe('INVALID_INPUT');
        expect(fieldsOf(reply)).toEqual(['knownAt']);
      }
      const future = await get(
        api,
        `${path}knownAt=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
        leader,
      );
      expect(future.status).toBe(400);
      expect(future.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(future.body.code).toBe('KNOWN_AT_IN_FUTURE');
      expect(fieldsOf(future)).toEqual(['knownAt']);
    },
  );
});
