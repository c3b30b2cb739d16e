import { randomUUID } from 'node:crypto';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { adminToken, authHeaders } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

/**
 * Attack: inputs that made the API answer 500 (an unhandled error, logged as our fault) instead
 * of refusing them: a page number past bigint, JSON nested 10,000 levels deep (a stack overflow
 * in validation, anonymously on login), a validly signed token whose subject is no UUID, and
 * bodies that are not JSON.
 */
const SECRET = 'input-crash-test-secret-at-least-32-characters';
let api: RunningApi;
let admin: Record<string, string>;
beforeAll(async () => {
  api = await startApi({ LUODI_JWT_SECRET: SECRET });
  admin = authHeaders(await adminToken(api));
});
afterAll(async () => {
  await api.stop();
});

async function problemOf(
  response: Response,
): Promise<{ status: number; contentType: string | null; code?: string; fields?: string[] }> {
  const body = (await response.json()) as { code?: string; errors?: Array<{ field: string }> };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    code: body.code,
    fields: body.errors?.map((e) => e.field),
  };
}

describe('a page number past bigint', () => {
  it.each(['/api/projects', '/api/enterprises', '/api/departments/gxj/assignments'])(
    'is a 400 naming page on %s',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}?page=99999999999999999999`, { headers: admin });
      expect(await problemOf(response)).toMatchObject({ status: 400, code: 'INVALID_INPUT', fields: ['page'] });
    },
  );

  it('still allows the largest page, which is just empty', async () => {
    const response = await fetch(`${api.baseUrl}/api/projects?page=1000000&pageSize=100`, { headers: admin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ items: [], page: 1000000 });
    const past = await fetch(`${api.baseUrl}/api/projects?page=1000001`, { headers: admin });
    expect(await problemOf(past)).toMatchObject({ status: 400, fields: ['page'] });
  });
});

describe('deeply nested JSON', () => {
  it('is a 400 JSON_TOO_DEEP on the anonymous login, not a stack overflow', async () => {
    const deep = `{"username":${'['.repeat(10_000)}${']'.repeat(10_000)},"password":"x"}`;
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: deep,
    });
    expect(await problemOf(response)).toEqual({
      status: 400,
      contentType: expect.stringContaining('application/problem+json'),
      code: 'JSON_TOO_DEEP',
      fields: ['body'],
    });
  });

  it('is refused past 32 levels and passed on to validation up to them', async () => {
    const nested = (levels: number) =>
      `{"username":"admin","password":"x","extra":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const send = (body: string) =>
      fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(await problemOf(await send(nested(33)))).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    // 32 levels reach the DTO, which refuses the unknown field.
    expect(await problemOf(await send(nested(32)))).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
      fields: ['extra'],
    });
  });
});

describe('a validly signed token whose subject is not a UUID', () => {
  it('is a 401 TOKEN_INVALID', async () => {
    const { token } = signAccessToken(
      { sub: "not-a-uuid' OR 1=1", username: 'admin', role: 'admin', ver: 0 },
      SECRET,
      600,
    );
    const response = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await problemOf(response)).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
});

describe('a body that is not JSON', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'])(
    'is a 415 problem as %s',
    async (contentType) => {
      const response = await fetch(`${api.baseUrl}/api/departments`, {
        method: 'POST',
        headers: { ...admin, 'Content-Type': contentType },
        body: 'code=evil&name=evil',
      });
      expect(await problemOf(response)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      const departments = (await (await fetch(`${api.baseUrl}/api/departments`, { headers: admin })).json()) as Array<{
        code: string;
      }>;
      expect(departments.map((d) => d.code)).not.toContain('evil');
    },
  );

  it('is a 415 without any content type too; a POST without a body needs none', async () => {
    const { Authorization } = admin;
    const noType = await fetch(`${api.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { Authorization },
      body: new Blob(['{"code":"evil","name":"evil"}']),
    });
    expect(await problemOf(noType)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const noBody = await fetch(`${api.baseUrl}/api/users/${randomUUID()}/enable`, {
      method: 'POST',
      headers: { Authorization },
    });
    expect(await problemOf(noBody)).toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
  });
});
