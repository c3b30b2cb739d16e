import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role, ROLES } from './actor';

/**
 * Access tokens are JWTs signed with HS256 (RFC 7519), made here with node:crypto so the whole
 * format fits on one screen. They name the user and the user's token version; the auth guard
 * still loads the user on every request, so raising the version (password reset, disable)
 * revokes every token issued before.
 */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  username: string;
  role: Role;
  departmentCode?: string;
  /** The user's token version when the token was issued. */
  ver: number;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenProblem = 'malformed' | 'bad-signature' | 'expired';

export class InvalidTokenError extends Error {
  constructor(readonly problem: TokenProblem) {
    super(`access token ${problem}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

export function signAccessToken(
  subject: Omit<AccessTokenClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now / 1000);
  const claims: AccessTokenClaims = { ...subject, iat, exp: iat + ttlSeconds };
  const unsigned = `${HEADER}.${encode(claims)}`;
  return { token: `${unsigned}.${sign(unsigned, secret)}`, expiresAt: new Date(claims.exp * 1000) };
}

/** The claims of a token this service signed and that has not expired; InvalidTokenError otherwise. */
export function verifyAccessToken(token: string, secret: string, now = Date.now()): AccessTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed');
  const [header, payload, signature] = parts;
  // Only our own header is accepted: no "alg: none", no algorithm chosen by the caller.
  if (header !== HEADER) throw new InvalidTokenError('malformed');
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new InvalidTokenError('bad-signature');

  const claims = parseClaims(payload);
  if (claims.exp * 1000 <= now) throw new InvalidTokenError('expired');
  return claims;
}

function parseClaims(payload: string): AccessTokenClaims {
  let claims: Partial<AccessTokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('malformed');
  }
  const valid =
    typeof claims === 'object' &&
    claims !== null &&
    // User ids are UUIDs; anything else would reach the database's uuid column and fail there.
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    typeof claims.username === 'string' &&
    ROLES.includes(claims.role as Role) &&
    (claims.departmentCode === undefined || typeof claims.departmentCode === 'string') &&
    Number.isInteger(claims.ver) &&
    Number.isInteger(claims.iat) &&
    Number.isInteger(claims.exp);
  if (!valid) throw new InvalidTokenError('malformed');
  return claims as AccessTokenClaims;
}

function sign(unsigned: string, secret: string): string {
  return createHmac('sha256', secret).update(unsigned).digest('base64url');
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
