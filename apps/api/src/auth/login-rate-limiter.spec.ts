import { LoginRateLimiter, LoginThrottledError } from './login-rate-limiter';

const limits = {
  perUsernameAndAddress: { failures: 3, windowMs: 60_000 },
  perAddress: { failures: 5, windowMs: 60_000 },
  global: { failures: 8, windowMs: 10_000 },
};

function setUp() {
  let now = 1_000_000;
  const limiter = new LoginRateLimiter(limits, () => now);
  const advance = (ms: number) => (now += ms);
  const fail = (username: string, address: string) => limiter.begin(username, address);
  const throttled = (username: string, address: string): number | undefined => {
    try {
      limiter.begin(username, address).succeeded();
      return undefined;
    } catch (error) {
      if (error instanceof LoginThrottledError) return error.retryAfterSeconds;
      throw error;
    }
  };
  return { limiter, advance, fail, throttled };
}

describe('LoginRateLimiter', () => {
  it('refuses a username from one address after N failures, whatever its case, until the oldest leaves the window', () => {
    const { advance, fail, throttled } = setUp();
    fail('alice', '10.0.0.1');
    advance(10_000);
    fail('Alice', '10.0.0.1');
    fail('ALICE', '10.0.0.1');
    expect(throttled('alice', '10.0.0.1')).toBe(50);
    advance(49_999);
    expect(throttled('alice', '10.0.0.1')).toBe(1);
    advance(1);
    expect(throttled('alice', '10.0.0.1')).toBeUndefined();
  });

  it('lets the username in from an address that has not failed, however often others fail for it', () => {
    const { fail, throttled } = setUp();
    for (const address of ['10.0.0.1', '10.0.0.2']) for (let i = 0; i < 3; i++) fail('admin', address);
    expect(throttled('admin', '10.0.0.1')).toBe(60);
    expect(throttled('admin', '10.0.0.3')).toBeUndefined();
  });

  it('refuses an address after its own limit, across usernames', () => {
    const { fail, throttled } = setUp();
    for (const user of ['a', 'b', 'c', 'd', 'e']) fail(user, '10.0.0.9');
    expect(throttled('f', '10.0.0.9')).toBe(60);
    expect(throttled('f', '10.0.0.10')).toBeUndefined();
  });

  it('refuses addresses that failed once the global budget is spent, but not a fresh address', () => {
    const { advance, fail, throttled } = setUp();
    for (let i = 0; i < 8; i++) fail('admin', `10.0.1.${i}`);
    expect(throttled('admin', '10.0.1.0')).toBe(10);
    expect(throttled('someone', '10.0.1.7')).toBe(10);
    expect(throttled('admin', '10.0.2.1')).toBeUndefined();
    advance(10_000);
    expect(throttled('admin', '10.0.1.0')).toBeUndefined();
  });

  it('counts an attempt as soon as it starts, so parallel guesses cannot slip past the limit', () => {
    const { limiter } = setUp();
    const started = [0, 1, 2].map(() => limiter.begin('bob', '10.0.0.1'));
    expect(started).toHaveLength(3);
    expect(() => limiter.begin('bob', '10.0.0.1')).toThrow(LoginThrottledError);
  });

  it('does not count an abandoned attempt (the password was never checked)', () => {
    const { limiter, throttled } = setUp();
    for (let i = 0; i < 10; i++) limiter.begin('bob', '10.0.0.1').abandoned();
    expect(throttled('bob', '10.0.0.1')).toBeUndefined();
  });

  it('forgets the username’s failures at that address on a successful login, and does not count the success', () => {
    const { limiter, fail, throttled } = setUp();
    fail('carol', '10.0.0.1');
    fail('carol', '10.0.0.1');
    limiter.begin('carol', '10.0.0.1').succeeded();
    fail('carol', '10.0.0.1');
    fail('carol', '10.0.0.1');
    expect(throttled('carol', '10.0.0.1')).toBeUndefined();
    // The address saw 4 failures and 2 successes: one more failure reaches its limit of 5.
    fail('dave', '10.0.0.1');
    expect(throttled('erin', '10.0.0.1')).toBe(60);
  });
});
