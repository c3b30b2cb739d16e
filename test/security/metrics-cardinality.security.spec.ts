import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from '../support/start-api';

/**
 * Attack: anonymous requests to unique paths (a malformed JSON body, refused before routing, or
 * a plain 404) each created a Prometheus series labelled by the raw path, forever: memory and
 * /metrics grew without bound, and every scrape blocked the event loop.
 */
let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

/** Sends `count` requests, `parallel` at a time. */
async function flood(count: number, parallel: number, send: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const response = await send(next++);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    }),
  );
  return statuses;
}

const routeLabels = (metrics: string) =>
  new Set([...metrics.matchAll(/^luodi_http_request_duration_seconds_count\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]));

describe('metrics under a flood of unique paths', () => {
  it('keeps the route label bounded and /metrics small after 2,000 malformed JSON bodies and 2,000 GETs to random paths', async () => {
    const malformed = await flood(2000, 16, () =>
      fetch(`${api.baseUrl}/api/${randomUUID()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{bad',
      }),
    );
    const missing = await flood(2000, 16, () => fetch(`${api.baseUrl}/api/${randomUUID()}/${randomUUID()}`));
    expect(new Set(malformed)).toEqual(new Set([400]));
    expect(new Set(missing)).toEqual(new Set([404]));

    const response = await fetch(`${api.baseUrl}/metrics`);
    const metrics = await response.text();
    const labels = routeLabels(metrics);
    expect(labels).toContain('unmatched');
    expect(labels.size).toBeLessThan(50);
    expect([...labels].filter((label) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(label))).toEqual([]);
    expect(metrics.length).toBeLessThan(200_000);
  });

  it('labels a real route by its template, not by the id in the URL', async () => {
    const id = randomUUID();
    const response = await fetch(`${api.baseUrl}/api/projects/${id}`);
    expect(response.status).toBe(401);
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(routeLabels(metrics)).toContain('/api/projects/:id');
    expect(metrics).not.toContain(id);
  });
});
