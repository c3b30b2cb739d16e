/**
 * Slows down password guessing (in process; each instance of the API counts on its own). Failures
 * are counted per (username, address) and per address, so an attacker elsewhere cannot lock the
 * real user out by failing on purpose; and across all addresses, so many addresses together
 * (a botnet) cannot keep failing without end either.
 */
export interface LoginLimits {
  perUsernameAndAddress: { failures: number; windowMs: number };
  perAddress: { failures: number; windowMs: number };
  /** Beyond it only addresses without a recent failure may try: a real user's first attempt passes. */
  global: { failures: number; windowMs: number };
}

export const LOGIN_LIMITS: LoginLimits = {
  perUsernameAndAddress: { failures: 5, windowMs: 15 * 60_000 },
  perAddress: { failures: 20, windowMs: 15 * 60_000 },
  global: { failures: 300, windowMs: 60_000 },
};

export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface LoginAttempt {
  /** The password was right: the attempt was no failure, and the username starts afresh at this address. */
  succeeded(): void;
  /** The password was never checked (the server was busy): the attempt counts for nothing. */
  abandoned(): void;
}

const GLOBAL = 'all';

export class LoginRateLimiter {
  private readonly byUsernameAndAddress: FailureLog;
  private readonly byAddress: FailureLog;
  private readonly overall: FailureLog;

  constructor(
    limits: LoginLimits = LOGIN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.byUsernameAndAddress = new FailureLog(
      limits.perUsernameAndAddress.failures,
      limits.perUsernameAndAddress.windowMs,
    );
    this.byAddress = new FailureLog(limits.perAddress.failures, limits.perAddress.windowMs);
    this.overall = new FailureLog(limits.global.failures, limits.global.windowMs);
  }

  /**
   * Starts a login attempt, or throws LoginThrottledError. The attempt counts as a failure from
   * the start, so parallel guesses cannot all pass the check before the first one fails.
   */
  begin(username: string, address: string): LoginAttempt {
    const now = this.clock();
    const pair = `${username.toLowerCase()}\n${address}`;
    const globalWaitMs = this.byAddress.hasRecent(address, now) ? this.overall.waitMs(GLOBAL, now) : 0;
    const waitMs = Math.max(
      this.byUsernameAndAddress.waitMs(pair, now),
      this.byAddress.waitMs(address, now),
      globalWaitMs,
    );
    if (waitMs > 0) throw new LoginThrottledError(Math.ceil(waitMs / 1000));
    this.byUsernameAndAddress.add(pair, now);
    this.byAddress.add(address, now);
    this.overall.add(GLOBAL, now);
    const abandoned = () => {
      this.byUsernameAndAddress.remove(pair, now);
      this.byAddress.remove(address, now);
      this.overall.remove(GLOBAL, now);
    };
    return {
      succeeded: () => {
        abandoned();
        this.byUsernameAndAddress.clear(pair);
      },
      abandoned,
    };
  }
}

/** Failure times per key within a sliding window. */
class FailureLog {
  private readonly times = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** How long until `key` may try again (0: now). */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.max ? 0 : recent[recent.length - this.max] + this.windowMs - now;
  }

  hasRecent(key: string, now: number): boolean {
    return this.recent(key, now).length > 0;
  }

  add(key: string, now: number): void {
    this.times.set(key, [...this.recent(key, now), now]);
    this.sweep(now);
  }

  remove(key: string, time: number): void {
    const times = this.times.get(key);
    const index = times?.indexOf(time) ?? -1;
    if (index >= 0) times!.splice(index, 1);
  }

  clear(key: string): void {
    this.times.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.times.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length === 0) this.times.delete(key);
    else this.times.set(key, recent);
    return recent;
  }

  // Keys nobody uses again (random usernames from a scanner) must not pile up in memory.
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const key of [...this.times.keys()]) this.recent(key, now);
  }
}
