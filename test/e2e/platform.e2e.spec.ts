import { RunningApi, startApi } from '../support/start-api';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

describe('the HTTP platform', () => {
  it('reports health with the database up', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('answers an unknown API path with a problem+json 404 and a correlation id', async () => {
    const response = await fetch(`${api.baseUrl}/api/no-such-thing`, { headers: { 'X-Correlation-Id': 'test-123' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      correlationId: 'test-123',
      type: expect.any(String),
      title: expect.any(String),
    });
  });

  it('serves the OpenAPI document and Prometheus metrics', async () => {
    const docs = await fetch(`${api.baseUrl}/api/docs/openapi.json`);
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { paths: object }).paths).toHaveProperty(['/api/health']);
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toContain('luodi_http_request_duration_seconds');
  });
});
