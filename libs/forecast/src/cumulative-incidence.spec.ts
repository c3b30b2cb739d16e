import fc from 'fast-check';
import { cumulativeIncidence, kaplanMeier, stepAt, Subject } from './cumulative-incidence';

const landed = (time: number): Subject => ({ time, event: 'landed' });
const withdrawn = (time: number): Subject => ({ time, event: 'withdrawn' });
const censored = (time: number): Subject => ({ time, event: 'censored' });
const times = (rows: { day: number }[]) => rows.map((row) => row.day);

describe('kaplanMeier', () => {
  it('given the treatment-2 patients of Bewick, Cheek & Ball (2004), when estimated, then it reproduces their Table 2', () => {
    // Bewick V, Cheek L, Ball J. "Statistics review 12: Survival analysis". Critical Care
    // 8:389–394 (2004), Table 2 (Kaplan–Meier calculation for treatment 2). The eight survival
    // times (days, + = censored) are read off the table's risk sets: 1, 1, 4, 5, 6+, 9, 9+, 22.
    // Day 9 has a death and a censoring: the censored patient is still at risk (3, not 2).
    const patients = [landed(1), landed(1), landed(4), landed(5), censored(6), landed(9), censored(9), landed(22)];
    const rows = kaplanMeier(patients);
    expect(rows.map((row) => [row.day, row.atRisk, row.events])).toEqual([
      [0, 8, 0],
      [1, 8, 2],
      [4, 6, 1],
      [5, 5, 1],
      [9, 3, 1],
      [22, 1, 1],
    ]);
    const published = [1, 0.75, 0.625, 0.5, 0.333, 0];
    rows.forEach((row, i) => expect(row.survival).toBeCloseTo(published[i], 3));
  });

  it('given the 6-MP arm of the Freireich et al. (1963) leukaemia trial, when estimated, then it matches the hand calculation', () => {
    // Data: Freireich EJ et al., Blood 21:699–716 (1963), remission times in weeks of the 21
    // patients on 6-mercaptopurine, as listed in Le CT, "Introductory Biostatistics" (Wiley,
    // 2003), Example 11.1, p. 385. The estimates below are our own hand calculation (the book's
    // Table 11.1 could not be checked here):
    //   S(6) = 18/21 = 0.857143, S(7) = ·16/17 = 0.806723, S(10) = ·14/15 = 0.752941,
    //   S(13) = ·11/12 = 0.690196, S(16) = ·10/11 = 0.627451, S(22) = ·6/7 = 0.537815,
    //   S(23) = ·5/6 = 0.448179. At risk 21, 17, 15, 12, 11, 7, 6 (6+ and 10+ count at 6 and 10).
    const relapses = [6, 6, 6, 7, 10, 13, 16, 22, 23].map(landed);
    const stillInRemission = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map(censored);
    const rows = kaplanMeier([...relapses, ...stillInRemission]).slice(1);
    expect(rows.map((row) => [row.day, row.atRisk])).toEqual([
      [6, 21],
      [7, 17],
      [10, 15],
      [13, 12],
      [16, 11],
      [22, 7],
      [23, 6],
    ]);
    const expected = [0.857143, 0.806723, 0.752941, 0.690196, 0.627451, 0.537815, 0.448179];
    rows.forEach((row, i) => expect(row.survival).toBeCloseTo(expected[i], 6));
  });

  it('given withdrawals, when estimating landing, then withdrawals count as censoring', () => {
    const rows = kaplanMeier([landed(1), withdrawn(2), landed(3), censored(4)]);
    expect(rows.map((row) => [row.day, row.atRisk, row.survival])).toEqual([
      [0, 4, 1],
      [1, 4, 0.75],
      [3, 2, 0.375],
    ]);
  });
});

describe('cumulativeIncidence', () => {
  it('given the breast-cancer subset of Satagopan et al. (2004), when estimated, then it reproduces their Table 2', () => {
    // Satagopan JM, Ben-Porat L, Berwick M, Robson M, Kutler D, Auerbach AD. "A note on competing
    // risks in survival data analysis". British Journal of Cancer 91:1229–1235 (2004), Table 2:
    // nine of 305 patients are listed (months; E = breast-cancer death, CR = other death,
    // C = alive). The risk sets (297 at month 27) imply the other 296 were followed beyond month
    // 27; we censor them at month 60, which does not affect any estimate up to month 27.
    const listed = [
      censored(7),
      landed(10),
      censored(14),
      landed(16),
      withdrawn(18),
      landed(23),
      censored(24),
      withdrawn(26),
      landed(27),
    ];
    const others = Array.from({ length: 296 }, () => censored(60));
    const rows = cumulativeIncidence([...listed, ...others]);
    const percent = (x: number) => Math.round(x * 1000) / 10;

    // Step 1 of the table: overall event-free survival, in percent to one decimal.
    expect(rows.map((row) => [row.day, row.atRisk, percent(row.survival)])).toEqual([
      [0, 305, 100],
      [10, 304, 99.7],
      [16, 302, 99.3],
      [18, 301, 99.0],
      [23, 300, 98.7],
      [26, 298, 98.3],
      [27, 297, 98.0],
    ]);

    // Step 2: each breast-cancer death adds S(t−)·1/n, printed as 0.3 (%) every time.
    const cancerDeaths = rows.filter((row, i) => i > 0 && row.landed > rows[i - 1].landed);
    expect(times(cancerDeaths)).toEqual([10, 16, 23, 27]);
    cancerDeaths.forEach((row) => {
      const before = rows[rows.indexOf(row) - 1];
      expect(percent(row.landed - before.landed)).toBe(0.3);
    });
    // The table's cumulative column (0.3, 0.6, 0.9, 1.2) adds the rounded increments; the
    // unrounded values, by hand: 1/304 = 0.003289; + 0.996711/302 = 0.006590;
    // + 0.990110/300 = 0.009890; + 0.983498/297 = 0.013202.
    [0.003289, 0.00659, 0.00989, 0.013202].forEach((value, i) => expect(cancerDeaths[i].landed).toBeCloseTo(value, 6));
    // Other deaths: 0.993410/301 = 0.003300 at month 18, + 0.986809/298 = 0.006612 at month 26.
    expect(stepAt(rows, 26).withdrawn).toBeCloseTo(0.006612, 6);
  });

  it('given no subjects, when estimated, then only the day-0 row', () => {
    expect(cumulativeIncidence([])).toEqual([{ day: 0, landed: 0, withdrawn: 0, atRisk: 0, survival: 1 }]);
  });

  it('given events on day 0, when estimated, then the first row is that day with everyone at risk', () => {
    const rows = cumulativeIncidence([landed(0), withdrawn(0), censored(0), censored(5)]);
    expect(rows).toEqual([{ day: 0, landed: 0.25, withdrawn: 0.25, atRisk: 4, survival: 0.5 }]);
  });

  it('given a censoring on an event day, when estimated, then the censored subject is at risk that day', () => {
    const rows = cumulativeIncidence([landed(3), censored(3), landed(7)]);
    expect(rows.map((row) => [row.day, row.atRisk, row.landed])).toEqual([
      [0, 3, 0],
      [3, 3, 1 / 3],
      [7, 1, 1],
    ]);
  });

  it('given a negative, fractional or unknown outcome, when estimated, then it throws', () => {
    expect(() => cumulativeIncidence([landed(-1)])).toThrow(RangeError);
    expect(() => cumulativeIncidence([landed(1.5)])).toThrow(RangeError);
    expect(() => cumulativeIncidence([{ time: 1, event: 'lost' as never }])).toThrow(RangeError);
  });

  const subject = fc.record({
    time: fc.integer({ min: 0, max: 60 }),
    event: fc.constantFrom<Subject['event']>('landed', 'withdrawn', 'censored'),
  });
  const cohort = fc.array(subject, { maxLength: 80 });

  it('given any cohort, when estimated, then both curves are non-decreasing within [0, 1] and survival non-increasing', () => {
    fc.assert(
      fc.property(cohort, (subjects) => {
        const rows = cumulativeIncidence(subjects);
        return rows.every((row, i) => {
          const previous = rows[i - 1] ?? { day: -1, landed: 0, withdrawn: 0, survival: 1 };
          return (
            row.day > previous.day &&
            row.landed >= previous.landed &&
            row.withdrawn >= previous.withdrawn &&
            row.survival <= previous.survival &&
            [row.landed, row.withdrawn, row.survival].every((x) => x >= 0 && x <= 1)
          );
        });
      }),
    );
  });

  it('given any cohort, when estimated, then landing + withdrawal + event-free = 1', () => {
    fc.assert(
      fc.property(cohort, (subjects) =>
        cumulativeIncidence(subjects).every((row) => Math.abs(row.landed + row.withdrawn + row.survival - 1) < 1e-12),
      ),
    );
  });

  it('given a cohort without withdrawals, when estimated, then the landing incidence is 1 − Kaplan–Meier', () => {
    const noWithdrawals = fc.array(
      fc.record({
        time: fc.integer({ min: 0, max: 60 }),
        event: fc.constantFrom<Subject['event']>('landed', 'censored'),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(noWithdrawals, (subjects) => {
        const incidence = cumulativeIncidence(subjects);
        const survival = kaplanMeier(subjects);
        expect(times(incidence)).toEqual(times(survival));
        incidence.forEach((row, i) => expect(row.landed).toBeCloseTo(1 - survival[i].survival, 12));
      }),
    );
  });

  it('given any cohort, when compared, then 1 − Kaplan–Meier never understates the landing incidence', () => {
    // Treating withdrawals as censoring pretends they could still land, so 1 − KM >= F1.
    fc.assert(
      fc.property(cohort, (subjects) => {
        const survival = kaplanMeier(subjects);
        return cumulativeIncidence(subjects).every(
          (row) => 1 - stepAt(survival, row.day).survival >= row.landed - 1e-12,
        );
      }),
    );
  });
});

describe('stepAt', () => {
  const rows = [{ day: 0 }, { day: 5 }, { day: 9 }];

  it('given a day between rows, when looked up, then the earlier row holds (the curve is a step function)', () => {
    expect(stepAt(rows, 4).day).toBe(0);
    expect(stepAt(rows, 5).day).toBe(5);
    expect(stepAt(rows, 8).day).toBe(5);
  });

  it('given a day after the last row, when looked up, then the curve stays flat at the last row', () => {
    expect(stepAt(rows, 1000).day).toBe(9);
  });
});
