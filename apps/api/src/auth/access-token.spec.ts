import { createHmac } from 'node:crypto';
import { AccessTokenClaims, InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const NOW = Date.UTC(2025, 5, 1, 8, 0, 0);
const subject = {
  sub: '5f0c6a5e-8a3e-4b8e-9d43-0c1f4f0a0b11',
  username: 'wang.li',
  role: 'department' as const,
  departmentCode: 'QDKJJ',
  ver: 3,
};

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.problem;
    throw error;
  }
  return 'accepted';
}

function reencode(token: string, change: (claims: AccessTokenClaims) => object): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return [header, Buffer.from(JSON.stringify(change(claims))).toString('base64url'), signature].join('.');
}

describe('access tokens (HS256 JWT)', () => {
  it('round-trips the claims, with iat/exp from the clock and TTL', () => {
    const { token, expiresAt } = signAccessToken(subject, SECRET, 3600, NOW);
    expect(token.split('.')).toHaveLength(3);
    expect(expiresAt.toISOString()).toBe('2025-06-01T09:00:00.000Z');
    expect(verifyAccessToken(token, SECRET, NOW + 1000)).toEqual({
      ...subject,
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
  });

  it('is a standard JWT that any HS256 implementation can check', () => {
    const { token } = signAccessToken(subject, SECRET, 60, NOW);
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  });

  it('expires exactly at exp', () => {
    const { token } = signAccessToken(subject, SECRET, 60, NOW);
    expect(problemOf(() => verifyAccessToken(token, SECRET, NOW + 59_999))).toBe('accepted');
    expect(problemOf(() => verifyAccessToken(token, SECRET, NOW + 60_000))).toBe('expired');
  });

  it('refuses a token whose payload was changed (role raised, expiry extended, one byte flipped)', () => {
    const { token } = signAccessToken(subject, SECRET, 60, NOW);
    expect(
      problemOf(() =>
        verifyAccessToken(
          reencode(token, (c) => ({ ...c, role: 'admin' })),
          SECRET,
          NOW,
        ),
      ),
    ).toBe('bad-signature');
    expect(
      problemOf(() =>
        verifyAccessToken(
          reencode(token, (c) => ({ ...c, exp: c.exp + 86400 })),
          SECRET,
          NOW,
        ),
      ),
    ).toBe('bad-signature');
    const [h, p, s] = token.split('.');
    const flipped = p.slice(0, 10) + (p[10] === 'A' ? 'B' : 'A') + p.slice(11);
    expect(problemOf(() => verifyAccessToken([h, flipped, s].join('.'), SECRET, NOW))).toBe('bad-signature');
  });

  it('refuses a token signed with another secret, and a token with its signature changed', () => {
    const { token } = signAccessToken(subject, 'another-secret-another-secret-another', 60, NOW);
    expect(problemOf(() => verifyAccessToken(token, SECRET, NOW))).toBe('bad-signature');
    const own = signAccessToken(subject, SECRET, 60, NOW).token;
    expect(problemOf(() => verifyAccessToken(own.slice(0, -2), SECRET, NOW))).toBe('bad-signature');
  });

  it('refuses "alg: none" and other headers chosen by the caller', () => {
    const { token } = signAccessToken(subject, SECRET, 60, NOW);
    const payload = token.split('.')[1];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(problemOf(() => verifyAccessToken(`${none}.${payload}.`, SECRET, NOW))).toBe('malformed');
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
    expect(problemOf(() => verifyAccessToken(`${hs512}.${payload}.${token.split('.')[2]}`, SECRET, NOW))).toBe(
      'malformed',
    );
  });

  it('refuses garbage and correctly signed payloads that lack claims', () => {
    expect(problemOf(() => verifyAccessToken('not-a-token', SECRET, NOW))).toBe('malformed');
    expect(problemOf(() => verifyAccessToken('a.b.c.d', SECRET, NOW))).toBe('malformed');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    for (const claims of [
      { sub: 'x' },
      { ...subject, role: 'root', iat: 1, exp: 2e9 },
      { ...subject, ver: '3', iat: 1, exp: 2e9 },
      { ...subject, sub: 'not-a-uuid', iat: 1, exp: 2e9 },
    ]) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
      expect(problemOf(() => verifyAccessToken(`${header}.${payload}.${signature}`, SECRET, NOW))).toBe('malformed');
    }
  });
});
