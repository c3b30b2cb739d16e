import { normalQuantile } from './normal-quantile';

export interface ProportionEstimate {
  value: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, JASA 22:209–212, 1927; method 3
 * in Newcombe, Statistics in Medicine 17:857–872, 1998). Unlike the Wald interval it stays inside
 * [0, 1] and does not collapse to zero width at 0/n or n/n, which matters for small cohorts.
 * With n = 0 nothing is known: value 0 and the whole range [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionEstimate {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 <= successes <= n, got ${successes}/${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  if (n === 0) return { value: 0, low: 0, high: 1 };

  const p = successes / n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n and n/n one limit is exactly 0 or 1 in exact arithmetic; don't let rounding move it.
  return {
    value: p,
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
