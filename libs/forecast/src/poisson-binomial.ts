import { normalQuantile } from './normal-quantile';

/** A range of counts [low, high], both inclusive. */
export interface CountInterval {
  low: number;
  high: number;
}

/**
 * Probabilities below this are dropped from the edges of the support while the distribution is
 * built. Each dropped entry only feeds its neighbours with weight <= 1, so the total error is at
 * most the dropped mass (< m · 1e-18 · a few), while the work falls from O(m²) to O(m · width).
 */
const NEGLIGIBLE = 1e-18;

/**
 * Exact distribution of S = X1 + … + Xm for independent Xi ~ Bernoulli(pi): pmf[k] = P(S = k).
 * Dynamic programming, adding one Bernoulli at a time: f'(k) = f(k)(1 − p) + f(k − 1)p.
 * Every update is a convex combination of non-negative numbers, so there is no cancellation
 * (unlike the classic recursive formula or a naive DFT). Probabilities are clamped to [0, 1].
 */
export function poissonBinomialPmf(probabilities: readonly number[]): Float64Array {
  const pmf = new Float64Array(probabilities.length + 1);
  pmf[0] = 1;
  let low = 0; // support window [low, high]; entries outside are zero
  let high = 0;
  for (const raw of probabilities) {
    const p = clampProbability(raw);
    if (p === 0) continue;
    high++;
    for (let k = high; k > low; k--) pmf[k] = pmf[k] * (1 - p) + pmf[k - 1] * p;
    pmf[low] *= 1 - p;
    while (pmf[low] < NEGLIGIBLE && low < high) pmf[low++] = 0;
    while (pmf[high] < NEGLIGIBLE && high > low) pmf[high--] = 0;
  }
  return pmf;
}

/** The lowest k with P(S <= k) >= q. A tiny tolerance keeps rounding in the CDF from moving k. */
export function quantile(pmf: ArrayLike<number>, q: number): number {
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (cdf >= q - 1e-12) return k;
  }
  return pmf.length - 1;
}

/**
 * Central interval with at least `level` coverage: low is the lowest k with CDF(k) >= α/2, high
 * the lowest k with CDF(k) >= 1 − α/2, α = 1 − level. This equal-tailed choice puts at most α/2
 * below low and at most α/2 above high, so nested levels give nested intervals; on a discrete
 * distribution the actual coverage is usually a little above `level`.
 */
export function interval(pmf: ArrayLike<number>, level: number): CountInterval {
  const alpha = 1 - level;
  return { low: quantile(pmf, alpha / 2), high: quantile(pmf, 1 - alpha / 2) };
}

/** How {@link sumIntervals} computed its intervals. */
export type SumMethod = 'exact' | 'cornish-fisher';

/**
 * Central intervals of the Poisson-binomial sum at each of `levels`. Exact (the pmf above)
 * whenever that is affordable; otherwise — many terms with a wide spread, where the
 * distribution is very close to normal anyway — a skewness-corrected normal approximation.
 */
export function sumIntervals(
  probabilities: readonly number[],
  levels: readonly number[],
): { method: SumMethod; intervals: CountInterval[] } {
  const ps = probabilities.map(clampProbability);
  if (exactIsAffordable(ps)) {
    const pmf = poissonBinomialPmf(ps);
    return { method: 'exact', intervals: levels.map((level) => interval(pmf, level)) };
  }
  const moments = momentsOf(ps);
  return { method: 'cornish-fisher', intervals: levels.map((level) => cornishFisher(moments, ps.length, level)) };
}

/** Multiply-adds we accept for the exact pmf: about 10–20 ms in V8. */
const EXACT_BUDGET = 2e7;
/** Below this spread the approximation could be off by a count; exact then costs <= m · 240. */
const MIN_SIGMA_FOR_APPROXIMATION = 10;

/**
 * The trimmed pmf has width about 2 · 9σ (the normal tail beyond 9σ is far below 1e-18) plus a
 * little for skew, so the DP costs about m · min(m, 20σ + 40) multiply-adds.
 */
function exactIsAffordable(ps: readonly number[]): boolean {
  const m = ps.length;
  const { sigma } = momentsOf(ps);
  return sigma < MIN_SIGMA_FOR_APPROXIMATION || m * Math.min(m + 1, 20 * sigma + 40) <= EXACT_BUDGET;
}

/**
 * Cornish–Fisher quantiles with the skewness term, x_q = z_q + γ(z_q² − 1)/6, and a continuity
 * correction: the quantile form of the refined normal approximation (Volkova 1996; Hong,
 * "On computing the distribution function for the Poisson binomial distribution",
 * Computational Statistics & Data Analysis 59:41–51, 2013, eq. 14). Used only when σ >= 10;
 * checked against the exact pmf there, its limits agree to within one count.
 */
export function cornishFisherInterval(probabilities: readonly number[], level: number): CountInterval {
  const ps = probabilities.map(clampProbability);
  return cornishFisher(momentsOf(ps), ps.length, level);
}

interface Moments {
  mean: number;
  sigma: number;
  skewness: number;
}

function momentsOf(ps: readonly number[]): Moments {
  let mean = 0;
  let variance = 0;
  let thirdCentral = 0;
  for (const p of ps) {
    mean += p;
    variance += p * (1 - p);
    thirdCentral += p * (1 - p) * (1 - 2 * p);
  }
  const sigma = Math.sqrt(variance);
  return { mean, sigma, skewness: sigma === 0 ? 0 : thirdCentral / (variance * sigma) };
}

function cornishFisher({ mean, sigma, skewness }: Moments, terms: number, level: number): CountInterval {
  if (sigma === 0) return { low: Math.round(mean), high: Math.round(mean) };
  const countAt = (q: number) => {
    const z = normalQuantile(q);
    const x = z + (skewness * (z * z - 1)) / 6;
    return Math.min(terms, Math.max(0, Math.ceil(mean + sigma * x - 0.5)));
  };
  const alpha = 1 - level;
  return { low: countAt(alpha / 2), high: countAt(1 - alpha / 2) };
}

function clampProbability(p: number): number {
  if (Number.isNaN(p)) throw new RangeError('probability is NaN');
  return Math.min(1, Math.max(0, p));
}
