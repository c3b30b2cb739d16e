/**
 * Slows down password guessing: at most `failures` failed logins per window, counted per
 * username and per client address (in process; each instance of the API counts on its own).
 */
export interface LoginLimits {
  perUsername: { failures: number; windowMs: number };
  perAddress: { failures: number; windowMs: number };
}

export const LOGIN_LIMITS: LoginLimits = {
  perUsername: { failures: 5, windowMs: 15 * 60_000 },
  perAddress: { failures: 20, windowMs: 15 * 60_000 },
};

export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface LoginAttempt {
  /** The password was right: the attempt was no failure, and the username starts afresh. */
  succeeded(): void;
}

export class LoginRateLimiter {
  private readonly byUsername: FailureLog;
  private readonly byAddress: FailureLog;

  constructor(
    limits: LoginLimits = LOGIN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.byUsername = new FailureLog(limits.perUsername.failures, limits.perUsername.windowMs);
    this.byAddress = new FailureLog(limits.perAddress.failures, limits.perAddress.windowMs);
  }

  /**
   * Starts a login attempt, or throws LoginThrottledError. The attempt counts as a failure from
   * the start, so parallel guesses cannot all pass the check before the first one fails.
   */
  begin(username: string, address: string): LoginAttempt {
    const now = this.clock();
    const user = username.toLowerCase();
    const waitMs = Math.max(this.byUsername.waitMs(user, now), this.byAddress.waitMs(address, now));
    if (waitMs > 0) throw new LoginThrottledError(Math.ceil(waitMs / 1000));
    this.byUsername.add(user, now);
    this.byAddress.add(address, now);
    return {
      succeeded: () => {
        this.byUsername.clear(user);
        this.byAddress.remove(address, now);
      },
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
