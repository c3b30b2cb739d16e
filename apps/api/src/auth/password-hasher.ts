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

/** The server already has as many password checks waiting as it will take; the caller should answer 429. */
export class PasswordHashingBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('The server is busy checking other passwords; try again in a moment.');
  }
}

/**
 * At most `concurrency` hashes at once, and at most `maxWaiting` checks waiting. Each hash is
 * ~0.4 s of CPU: without a bound a login flood takes every core and the whole API stalls.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `task` when a slot is free. `bounded`: throw PasswordHashingBusyError instead of queueing past `maxWaiting`. */
  async run<T>(task: () => Promise<T>, bounded: boolean): Promise<T> {
    if (this.running >= this.concurrency) {
      if (bounded && this.waiting.length >= this.maxWaiting) throw new PasswordHashingBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `running` stays counted.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

// Per process: 2 of the machine's cores hash at most, and 16 checks wait at most (~3 s).
const gate = new HashingGate(2, 16);

/**
 * Hashing a new password waits for its turn without a bound: only an admin, the start-up and the
 * demo set passwords, never an anonymous caller.
 */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await gate.run(() => derive(password, salt, cost, HASH_BYTES), false);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

// Verifying against no user costs as much as against a real one, so response time does not tell
// whether a username exists.
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

/**
 * Whether `password` matches the stored hash, compared in constant time. Without a stored hash
 * (unknown user) the same work is done and the answer is false. Throws PasswordHashingBusyError
 * at once when too many checks are waiting already.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const { cost, salt, hash } = parseHash(stored ?? (await unknownUserHash));
  const candidate = await gate.run(() => derive(password, salt, cost, hash.length), true);
  return timingSafeEqual(candidate, hash) && stored !== undefined;
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) throw new Error('Stored password hash is not in the scrypt$N$r$p$salt$hash format');
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A corrupted row must not make us allocate gigabytes.
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16)
    throw new Error(`Stored password hash has an unsupported scrypt cost N=${N} r=${r} p=${p}`);
  const hash = Buffer.from(match[5], 'base64url');
  if (hash.length < 16) throw new Error('Stored password hash is too short');
  return { cost: { N, r, p }, salt: Buffer.from(match[4], 'base64url'), hash };
}

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // NFKC: the same password typed on different keyboards/IMEs (full-width, composed) matches.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
