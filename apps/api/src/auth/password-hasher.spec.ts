import { HashingGate, hashPassword, PasswordHashingBusyError, SCRYPT_COST, verifyPassword } from './password-hasher';

// A cheap cost keeps the suite fast; the default cost is exercised once.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores a self-describing scrypt string with the explicit cost, salt and hash', async () => {
    const stored = await hashPassword('correct horse', SCRYPT_COST);
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('s3cret-password', FAST);
    await expect(verifyPassword('s3cret-password', stored)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-passwore', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords give different strings that both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password', a)).resolves.toBe(true);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
  });

  it('verifies with the cost stored in the hash, not the current default', async () => {
    const stored = await hashPassword('older cost', { N: 2 ** 11, r: 4, p: 2 });
    expect(stored.startsWith('scrypt$2048$4$2$')).toBe(true);
    await expect(verifyPassword('older cost', stored)).resolves.toBe(true);
  });

  it('normalizes Unicode, so a composed and a decomposed é are the same password', async () => {
    const stored = await hashPassword('caf\u00e9-password', FAST);
    await expect(verifyPassword('cafe\u0301-password', stored)).resolves.toBe(true);
  });

  it('answers false for an unknown user after doing comparable work', async () => {
    const stored = await hashPassword('whatever-password');
    const time = async (run: () => Promise<boolean>) => {
      const start = process.hrtime.bigint();
      expect(await run()).toBe(false);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await verifyPassword('warm-up', undefined);
    const known = await time(() => verifyPassword('wrong-password', stored));
    const unknown = await time(() => verifyPassword('wrong-password', undefined));
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('refuses a malformed or absurdly expensive stored hash instead of guessing', async () => {
    await expect(verifyPassword('x', 'plaintext')).rejects.toThrow(/format/);
    await expect(verifyPassword('x', 'scrypt$1048577$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA')).rejects.toThrow(
      /unsupported scrypt cost/,
    );
    await expect(verifyPassword('x', `scrypt$${2 ** 22}$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA`)).rejects.toThrow(
      /unsupported scrypt cost/,
    );
  });
});

describe('HashingGate', () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs at most `concurrency` tasks at once, refuses a bounded caller past `maxWaiting`, and lets unbounded ones wait', async () => {
    const gate = new HashingGate(2, 1);
    let active = 0;
    let peak = 0;
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const task = (i: number) => async () => {
      peak = Math.max(peak, ++active);
      await blockers[i].promise;
      active--;
      return i;
    };
    const runs = [gate.run(task(0), true), gate.run(task(1), true), gate.run(task(2), true)];
    await expect(gate.run(task(3), true)).rejects.toThrow(PasswordHashingBusyError);
    const unbounded = gate.run(task(3), false);
    blockers.forEach((b) => b.resolve());
    await expect(Promise.all([...runs, unbounded])).resolves.toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    // Every slot was given back: two tasks run at once again.
    await expect(
      Promise.all([gate.run(async () => 'a', true), gate.run(async () => 'b', true), gate.run(async () => 'c', true)]),
    ).resolves.toEqual(['a', 'b', 'c']);
  });

  it('gives the slot back when a task fails', async () => {
    const gate = new HashingGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')), true)).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next', true)).resolves.toBe('next');
  });
});
