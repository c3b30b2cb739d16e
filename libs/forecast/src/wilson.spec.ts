import fc from 'fast-check';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  // Newcombe RG, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872 (1998), Table II, method 3 (score interval
  // without continuity correction), 95% limits for the paper's illustrative examples.
  // The table itself could not be opened while writing this test; these are the figures quoted
  // from it, and each was recomputed independently with Wilson's closed form (Python,
  // z = 1.959963984540054), agreeing to the four decimals shown.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('given %p of %p, when the 95%% score interval is computed, then it is Newcombe’s [%p, %p]', (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval.value).toBeCloseTo(x / n, 12);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('given 19 of 29 landed (Qingdao’s published figure), when estimated, then 95% is [0.4735, 0.8006]', () => {
    // Hand computation: p = 0.655172, z² = 3.841459, centre = (p + z²/58)/(1 + z²/29) = 0.637022,
    // half-width = z/(1 + z²/29) · sqrt(p(1 − p)/29 + z²/3364) = 0.163571.
    const interval = wilsonInterval(19, 29);
    expect(interval.low).toBeCloseTo(0.4735, 4);
    expect(interval.high).toBeCloseTo(0.8006, 4);
  });

  it('given all successes, when estimated, then the upper limit is exactly 1 and the lower one is below', () => {
    const interval = wilsonInterval(29, 29);
    expect(interval.high).toBe(1);
    expect(interval.low).toBeCloseTo(0.883, 3);
  });

  it('given no trials, when estimated, then value 0 and the whole range [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ value: 0, low: 0, high: 1 });
  });

  it('given impossible counts or confidence, when estimated, then it throws', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(RangeError);
  });

  const counts = fc
    .integer({ min: 0, max: 5000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('given any counts, when estimated, then 0 <= low <= value <= high <= 1', () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const { value, low, high } = wilsonInterval(x, n);
        return 0 <= low && low <= value && value <= high && high <= 1;
      }),
    );
  });

  it('given any counts, when estimated at 80% and 95%, then the 95% interval contains the 80% one', () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const i80 = wilsonInterval(x, n, 0.8);
        const i95 = wilsonInterval(x, n, 0.95);
        return i95.low <= i80.low && i80.high <= i95.high;
      }),
    );
  });
});
