import { addDays, BacktestInput, backtestDates, landingBacktest } from './backtest';
import { ForecastSubject, landingForecast } from './landing-forecast';

/**
 * A synthetic history worked by hand (horizon 30 days, today 15 June 2025):
 * A and B entered 1 Jan and landed 11 Jan (day 10); C entered 25 Feb, landed 10 Apr (day 44);
 * D entered 25 Mar, withdrawn 20 Apr (day 26).
 *
 * 1 Mar: A, B landed, C open at day 4. At day 10 both at risk land: F₁(10) = 1, so C's chance
 *   of landing within 30 days is 1: the forecast is exactly 3 ([3, 3] at 80% and 95%). By 31
 *   Mar only A and B had landed: 2, outside both intervals.
 * 1 Apr: C open at day 35, D at day 7. Day 10: A, B, C at risk (D censored at 7), two land:
 *   F₁(10) = 2/3, S(10) = 1/3, flat after. C: (F₁(65) − F₁(35)) / S(35) = 0; D: F₁(37) / S(7) =
 *   2/3. Landed 2 + Bernoulli(2/3): 2 with 1/3, 3 with 2/3; both central intervals [2, 3]. By
 *   1 May C had landed: 3, inside both.
 * 1 May: nothing open, exactly 3; by 31 May 3: inside.
 * 1 Jun: the horizon (1 Jul) is after today: not evaluated.
 * Coverage: 2 of 3 at 80% and at 95%.
 */
const A = { enteredOn: '2025-01-01', landedOn: '2025-01-11' };
const B = { enteredOn: '2025-01-01', landedOn: '2025-01-11' };
const C = { enteredOn: '2025-02-25', landedOn: '2025-04-10' };
const D = { enteredOn: '2025-03-25', withdrawnOn: '2025-04-20' };
const history: ForecastSubject[] = [A, B, C, D];

/** What was known at the end of a day: every outcome was reported on time here. */
const knownOn = (asOf: string): ForecastSubject[] =>
  history
    .filter((s) => s.enteredOn <= asOf)
    .map((s) => ({
      enteredOn: s.enteredOn,
      ...(s.landedOn && s.landedOn <= asOf ? { landedOn: s.landedOn } : {}),
      ...(s.withdrawnOn && s.withdrawnOn <= asOf ? { withdrawnOn: s.withdrawnOn } : {}),
    }));

/** A date's forecast from what was known then, and its outcome by the horizon from the whole history. */
const pointOn = (asOf: string, horizonDays: number): BacktestInput => {
  const horizonEnd = addDays(asOf, horizonDays);
  const cohort = history.filter((s) => s.enteredOn <= asOf);
  return {
    asOf,
    forecast: landingForecast({ asOf, horizonDays, subjects: knownOn(asOf) }),
    actual: { inLibrary: cohort.length, landed: cohort.filter((s) => s.landedOn && s.landedOn <= horizonEnd).length },
  };
};

describe('landingBacktest on a hand-worked history', () => {
  const dates = backtestDates('2025-03-01', '2025-06-01', 'month');
  const result = landingBacktest({
    horizonDays: 30,
    today: '2025-06-15',
    points: dates.map((asOf) => pointOn(asOf, 30)),
  });

  it('gives each date its forecast then and the landings by its horizon', () => {
    expect(dates).toEqual(['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01']);
    const rows = result.points.map((p) => [
      p.asOf,
      p.horizonEnd,
      p.forecast.low80,
      p.forecast.high80,
      p.forecast.low95,
      p.forecast.high95,
      p.actual?.landed ?? null,
      p.within80,
      p.within95,
    ]);
    expect(rows).toEqual([
      ['2025-03-01', '2025-03-31', 3, 3, 3, 3, 2, false, false],
      ['2025-04-01', '2025-05-01', 2, 3, 2, 3, 3, true, true],
      ['2025-05-01', '2025-05-31', 3, 3, 3, 3, 3, true, true],
      ['2025-06-01', '2025-07-01', 3, 3, 3, 3, null, null, null],
    ]);
    expect(result.points[0].forecast.expectedLanded).toBeCloseTo(3, 10);
    expect(result.points[1].forecast.expectedLanded).toBeCloseTo(2 + 2 / 3, 10);
    expect(result.points[1].actual).toEqual({ inLibrary: 4, landed: 3 });
  });

  it('counts the coverage over the dates whose horizon has passed', () => {
    expect(result.coverage).toEqual({ evaluated: 3, within80: 2, within95: 2, rate80: 2 / 3, rate95: 2 / 3 });
  });

  it('has no coverage while no horizon has passed', () => {
    const early = landingBacktest({
      horizonDays: 30,
      today: '2025-03-15',
      points: [pointOn('2025-03-01', 30)],
    });
    expect(early.coverage).toEqual({ evaluated: 0, within80: 0, within95: 0, rate80: null, rate95: null });
  });
});

describe('backtestDates', () => {
  it('steps by months on the start day, or the last day of a shorter month', () => {
    expect(backtestDates('2025-01-31', '2025-05-01', 'month')).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]);
    expect(backtestDates('2024-11-15', '2025-06-30', 'quarter')).toEqual(['2024-11-15', '2025-02-15', '2025-05-15']);
    expect(backtestDates('2025-01-01', '2024-12-31', 'month')).toEqual([]);
  });
});
