import fc from 'fast-check';
import { cornishFisherInterval, interval, poissonBinomialPmf, quantile, sumIntervals } from './poisson-binomial';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((total, x) => total + x, 0);
const mean = (pmf: ArrayLike<number>) => Array.from(pmf).reduce((total, p, k) => total + k * p, 0);
const variance = (pmf: ArrayLike<number>) =>
  Array.from(pmf).reduce((total, p, k) => total + (k - mean(pmf)) ** 2 * p, 0);

/** P(S = k) by listing all 2^m outcomes: slow, obviously right. */
function bruteForcePmf(ps: number[]): number[] {
  const pmf = new Array<number>(ps.length + 1).fill(0);
  for (let mask = 0; mask < 2 ** ps.length; mask++) {
    let probability = 1;
    let successes = 0;
    ps.forEach((p, i) => {
      const success = (mask >> i) & 1;
      probability *= success ? p : 1 - p;
      successes += success;
    });
    pmf[successes] += probability;
  }
  return pmf;
}

const probabilities = (maxLength: number) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength });

describe('poissonBinomialPmf', () => {
  it('given three projects with 0.2, 0.5 and 0.9, when summed, then the pmf is the hand-computed one', () => {
    // P(0) = .8·.5·.1 = .04; P(3) = .2·.5·.9 = .09;
    // P(1) = .2·.5·.1 + .8·.5·.1 + .8·.5·.9 = .41; P(2) = .2·.5·.1 + .2·.5·.9 + .8·.5·.9 = .46.
    const pmf = poissonBinomialPmf([0.2, 0.5, 0.9]);
    [0.04, 0.41, 0.46, 0.09].forEach((p, k) => expect(pmf[k]).toBeCloseTo(p, 15));
  });

  it('given equal probabilities, when summed, then it is the binomial distribution', () => {
    expect(Array.from(poissonBinomialPmf([0.5, 0.5, 0.5, 0.5]))).toEqual([1, 4, 6, 4, 1].map((c) => c / 16));
  });

  it('given probabilities outside [0, 1], when summed, then they are clamped', () => {
    expect(Array.from(poissonBinomialPmf([-0.5, 1.7]))).toEqual([0, 1, 0]);
    expect(() => poissonBinomialPmf([Number.NaN])).toThrow(RangeError);
  });

  it('given no terms, when summed, then the sum is 0 for certain', () => {
    expect(Array.from(poissonBinomialPmf([]))).toEqual([1]);
  });

  it('given up to 10 terms, when summed, then it equals brute-force enumeration', () => {
    fc.assert(
      fc.property(probabilities(10), (ps) => {
        const expected = bruteForcePmf(ps);
        Array.from(poissonBinomialPmf(ps)).forEach((p, k) => expect(p).toBeCloseTo(expected[k], 12));
      }),
    );
  });

  it('given any probabilities, when summed, then the pmf is non-negative, sums to 1, and has mean Σp and variance Σp(1−p)', () => {
    fc.assert(
      fc.property(probabilities(200), (ps) => {
        const pmf = poissonBinomialPmf(ps);
        expect(Array.from(pmf).every((p) => p >= 0)).toBe(true);
        expect(sum(pmf)).toBeCloseTo(1, 10);
        expect(mean(pmf)).toBeCloseTo(sum(ps), 8);
        expect(variance(pmf)).toBeCloseTo(sum(ps.map((p) => p * (1 - p))), 7);
      }),
    );
  });

  it('given 20,000 terms, when summed with negligible tails dropped, then no visible mass is lost', () => {
    const ps = Array.from({ length: 20_000 }, (_, i) => 0.05 + (0.1 * i) / 20_000);
    const pmf = poissonBinomialPmf(ps);
    expect(sum(pmf)).toBeCloseTo(1, 11);
    expect(mean(pmf)).toBeCloseTo(sum(ps), 6);
  });
});

describe('quantile and interval', () => {
  const pmf = [0.04, 0.41, 0.46, 0.09];

  it('given a pmf, when asked for quantiles, then each is the lowest k with CDF(k) >= q', () => {
    expect(quantile(pmf, 0.04)).toBe(0);
    expect(quantile(pmf, 0.05)).toBe(1);
    expect(quantile(pmf, 0.45)).toBe(1);
    expect(quantile(pmf, 0.46)).toBe(2);
    expect(quantile(pmf, 1)).toBe(3);
  });

  it('given a pmf, when asked for central intervals, then 80% is [1, 2] and 95% is [0, 3]', () => {
    // α/2 = 0.1: CDF = .04, .45 → 1; 1 − α/2 = 0.9: CDF(2) = .91 → 2.
    // α/2 = 0.025: CDF(0) = .04 → 0; 0.975: CDF(2) = .91 < .975 → 3.
    expect(interval(pmf, 0.8)).toEqual({ low: 1, high: 2 });
    expect(interval(pmf, 0.95)).toEqual({ low: 0, high: 3 });
  });

  it('given any probabilities, when intervals are taken, then 80% is inside 95% and each covers at least its level', () => {
    fc.assert(
      fc.property(probabilities(100), (ps) => {
        const pmf = poissonBinomialPmf(ps);
        const i80 = interval(pmf, 0.8);
        const i95 = interval(pmf, 0.95);
        const coverage = (i: { low: number; high: number }) => sum(pmf.slice(i.low, i.high + 1));
        return (
          i95.low <= i80.low &&
          i80.low <= i80.high &&
          i80.high <= i95.high &&
          coverage(i80) >= 0.8 - 1e-9 &&
          coverage(i95) >= 0.95 - 1e-9
        );
      }),
    );
  });
});

describe('sumIntervals', () => {
  it('given a few hundred projects, when intervals are computed, then they are exact', () => {
    const ps = Array.from({ length: 300 }, (_, i) => (i % 10) / 10);
    const pmf = poissonBinomialPmf(ps);
    expect(sumIntervals(ps, [0.8, 0.95])).toEqual({
      method: 'exact',
      intervals: [interval(pmf, 0.8), interval(pmf, 0.95)],
    });
  });

  it('given 100,000 projects with tiny probabilities (a narrow sum), when computed, then it stays exact', () => {
    expect(sumIntervals(new Array(100_000).fill(1e-4), [0.95]).method).toBe('exact');
  });

  it('given 100,000 projects with a wide spread, when computed, then it switches to Cornish–Fisher', () => {
    const ps = Array.from({ length: 100_000 }, (_, i) => 0.2 + (0.6 * i) / 100_000);
    const result = sumIntervals(ps, [0.8, 0.95]);
    expect(result.method).toBe('cornish-fisher');
    expect(result.intervals[1].low).toBeLessThan(result.intervals[0].low);
    expect(result.intervals[1].high).toBeGreaterThan(result.intervals[0].high);
  });
});

describe('cornishFisherInterval', () => {
  it('given 3,000 skewed terms, when approximated, then each limit is within one count of the exact one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 3000, maxLength: 3000 }),
        (ps) => {
          const pmf = poissonBinomialPmf(ps);
          for (const level of [0.8, 0.95]) {
            const exact = interval(pmf, level);
            const approximate = cornishFisherInterval(ps, level);
            expect(Math.abs(approximate.low - exact.low)).toBeLessThanOrEqual(1);
            expect(Math.abs(approximate.high - exact.high)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('given only certain outcomes, when approximated, then the interval is the single known count', () => {
    expect(cornishFisherInterval([1, 0, 1, 1], 0.95)).toEqual({ low: 3, high: 3 });
  });
});
