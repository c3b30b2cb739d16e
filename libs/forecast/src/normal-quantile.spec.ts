import { normalQuantile } from './normal-quantile';

// Reference values: the standard normal percentage points found in every table (1.959964,
// 2.575829, 1.281552), given here to more digits as computed with mpmath at 30–40 significant
// digits (sqrt(2)·erfinv(2p − 1), and root-finding on ncdf for the far tail).
describe('normalQuantile', () => {
  it.each([
    [0.975, 1.95996398454005423552],
    [0.995, 2.5758293035489007609],
    [0.9, 1.28155156554460046696],
    [0.8, 0.84162123357291420517],
    [0.025, -1.95996398454005423552],
    [1e-10, -6.36134090240405620469], // tail branch
    [1e-20, -9.26234008979840757371], // far-tail branch
    [1e-300, -37.0470962993611992372],
  ])('given p = %p, when inverted, then z matches the reference to 1e-12 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-12 * Math.abs(z));
  });

  it('given p = 0.5, when inverted, then z is exactly 0', () => {
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('given p and 1 − p, when inverted, then the quantiles are opposite', () => {
    for (const p of [0.001, 0.05, 0.3, 0.49]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
    }
  });

  it('given the ends 0 and 1, when inverted, then z is infinite; outside [0, 1] it throws', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
