import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes are self-describing strings `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64url), so the cost can be raised later without breaking stored hashes.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** One of OWASP's recommended scrypt settings (N=2^15, r=8, p=3: 32 MiB, ~0.4 s on one core). */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;

export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost, HASH_BYTES);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

// Verifying against no user costs as much as against a real one, so response time does not tell
// whether a username exists.
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

/**
 * Whether `password` matches the stored hash, compared in constant time. Without a stored hash
 * (unknown user) the same work is done and the answer is false.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const { cost, salt, hash } = parseHash(stored ?? (await unknownUserHash));
  const candidate = await derive(password, salt, cost, hash.length);
  return timingSafeEqual(candidate, hash) && stored !== undefined;
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) throw new Error('Stored password hash is not in the scrypt$N$r$p$salt$hash format');
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A corrupted row must not make us allocate gigabytes.
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) throw new Error(`Stored password hash has an unsupported scrypt cost N=${N} r=${r} p=${p}`);
  const hash = Buffer.from(match[5], 'base64url');
  if (hash.length < 16) throw new Error('Stored password hash is too short');
  return { cost: { N, r, p }, salt: Buffer.from(match[4], 'base64url'), hash };
}

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // NFKC: the same password typed on different keyboards/IMEs (full-width, composed) matches.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}
