import { ForecastSubject, landingForecast, landingForecastOfCounts } from './landing-forecast';

/** The calendar date `days` days before `date` (YYYY-MM-DD, UTC). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const AS_OF = '2025-06-30';
/** A project that entered the library `entered` days before AS_OF and ended `after` days later. */
const landedAfter = (entered: number, after: number): ForecastSubject => ({
  enteredOn: daysBefore(AS_OF, entered),
  landedOn: daysBefore(AS_OF, entered - after),
});
const withdrawnAfter = (entered: number, after: number): ForecastSubject => ({
  enteredOn: daysBefore(AS_OF, entered),
  withdrawnOn: daysBefore(AS_OF, entered - after),
});
const openFor = (days: number): ForecastSubject => ({ enteredOn: daysBefore(AS_OF, days) });

describe('landingForecast', () => {
  describe('given a hand-computable cohort of ten projects and a 30-day horizon', () => {
    // Days from entry: landed at 10, 20, 30, 40; withdrawn at 25; open for 0, 5, 15, 35, 60.
    // Aalen–Johansen by hand (n at risk in brackets):
    //   day 10 [8]: F1 = 1/8 = .125, S = .875
    //   day 20 [6]: F1 += .875/6 → .270833, S = .729167
    //   day 25 [5]: withdrawal, F2 = .729167/5 = .145833, S = .583333
    //   day 30 [4]: F1 += .583333/4 → .416667, S = .4375
    //   day 40 [2]: F1 += .4375/2 → .635417, S = .21875
    // p = (F1(t + 30) − F1(t)) / S(t) for the open ones:
    //   t = 0: .416667/1 = 5/12; t = 5: 5/12; t = 15: (.635417 − .125)/.875 = 7/12;
    //   t = 35: (.635417 − .416667)/.4375 = 1/2; t = 60: 0 (the curve is flat beyond day 40).
    // Sum of p = 23/12. Poisson-binomial pmf of (5/12, 5/12, 7/12, 1/2, 0):
    //   CDF = .070891, .342303, .720775, .949363, 1 → 80%: [1, 3], 95%: [0, 4] more landings.
    const cohort = [
      landedAfter(300, 10),
      landedAfter(250, 20),
      landedAfter(200, 30),
      landedAfter(150, 40),
      withdrawnAfter(100, 25),
      ...[0, 5, 15, 35, 60].map(openFor),
    ];
    const forecast = landingForecast({ asOf: AS_OF, horizonDays: 30, subjects: cohort });

    it('when forecast, then it counts the cohort as of asOf', () => {
      expect(forecast).toMatchObject({ asOf: AS_OF, n: 10, inLibrary: 10, landed: 4, withdrawn: 1, open: 5 });
    });

    it('when forecast, then the curve is the Aalen–Johansen landing incidence', () => {
      const expected = [
        [0, 0, 10],
        [10, 0.125, 8],
        [20, 0.270833, 6],
        [25, 0.270833, 5],
        [30, 0.416667, 4],
        [40, 0.635417, 2],
      ];
      expect(forecast.curve.map((row) => [row.day, row.atRisk])).toEqual(
        expected.map(([day, , atRisk]) => [day, atRisk]),
      );
      forecast.curve.forEach((row, i) => expect(row.landed).toBeCloseTo(expected[i][1], 6));
    });

    it('when forecast, then the projection adds the open projects’ landing probabilities', () => {
      expect(forecast.projection.horizonDays).toBe(30);
      expect(forecast.projection.expectedLanded).toBeCloseTo(4 + 23 / 12, 12);
      expect(forecast.projection.expectedLandingRate).toBeCloseTo((4 + 23 / 12) / 10, 12);
      expect(forecast.projection).toMatchObject({ low80: 5, high80: 7, low95: 4, high95: 8 });
      expect(forecast.method).toEqual({
        curve: 'aalen-johansen',
        interval: 'wilson',
        projection: 'poisson-binomial-exact',
      });
    });

    it('when forecast, then the landing rate is 4/10 with its Wilson interval', () => {
      expect(forecast.landingRate.value).toBe(0.4);
      expect(forecast.landingRate.low95).toBeCloseTo(0.16818, 6);
      expect(forecast.landingRate.high95).toBeCloseTo(0.687326, 6);
    });

    it('when forecast, then it warns that the cohort is small and two horizons run past the follow-up', () => {
      expect(forecast.warnings.map((warning) => warning.code)).toEqual(['SMALL_SAMPLE', 'HORIZON_BEYOND_FOLLOW_UP']);
      expect(forecast.warnings[0].message).toContain('Only 10 projects');
      expect(forecast.warnings[1].message).toContain('For 2 of 5 open projects');
      expect(forecast.warnings[1].message).toContain('(60 days)');
    });
  });

  it('given entries and outcomes after asOf, when forecast, then later entries are left out and later outcomes ignored', () => {
    const forecast = landingForecast({
      asOf: '2025-02-01',
      horizonDays: 10,
      subjects: [
        { enteredOn: '2025-01-01', landedOn: '2025-03-01' }, // open on asOf: censored at 31 days
        { enteredOn: '2025-03-01', landedOn: '2025-03-05' }, // not yet in the library
        { enteredOn: '2025-01-01', withdrawnOn: '2025-01-21' }, // withdrawn at 20 days
        { enteredOn: '2025-01-10', withdrawnOn: '2025-02-02' }, // open on asOf: censored at 22 days
      ],
    });
    expect(forecast).toMatchObject({ n: 3, inLibrary: 3, landed: 0, withdrawn: 1, open: 2 });
    expect(forecast.curve).toEqual([
      { day: 0, landed: 0, atRisk: 3 },
      { day: 20, landed: 0, atRisk: 3 }, // the withdrawal: a step in survival, none in landing
    ]);
  });

  it('given a landing on asOf and a project still open on asOf, when forecast, then the open one is at risk that day', () => {
    const forecast = landingForecast({
      asOf: '2025-01-11',
      horizonDays: 5,
      subjects: [{ enteredOn: '2025-01-01', landedOn: '2025-01-11' }, { enteredOn: '2025-01-01' }],
    });
    expect(forecast.curve).toEqual([
      { day: 0, landed: 0, atRisk: 2 },
      { day: 10, landed: 0.5, atRisk: 2 },
    ]);
    expect(forecast.projection.expectedLanded).toBe(1);
  });

  it('given dates across a leap day, when forecast, then time is counted in calendar days', () => {
    const forecast = landingForecast({
      asOf: '2024-12-31',
      horizonDays: 30,
      subjects: [{ enteredOn: '2024-02-28', landedOn: '2024-03-01' }],
    });
    expect(forecast.curve.map((row) => row.day)).toEqual([0, 2]);
  });

  it('given an empty cohort, when forecast, then everything is zero, the rate is [0, 1], and it says why', () => {
    const forecast = landingForecast({ asOf: AS_OF, horizonDays: 365, subjects: [] });
    expect(forecast).toMatchObject({ n: 0, inLibrary: 0, landed: 0, withdrawn: 0, open: 0 });
    expect(forecast.landingRate).toEqual({ value: 0, low95: 0, high95: 1 });
    expect(forecast.projection).toEqual({
      horizonDays: 365,
      expectedLanded: 0,
      expectedLandingRate: 0,
      low80: 0,
      high80: 0,
      low95: 0,
      high95: 0,
    });
    expect(forecast.warnings.map((warning) => warning.code)).toEqual(['SMALL_SAMPLE', 'NO_LANDINGS']);
  });

  it('given a cohort of 40 with long follow-up and a short horizon, when forecast, then there is nothing to warn about', () => {
    const subjects = [
      ...Array.from({ length: 20 }, (_, i) => landedAfter(1000, 30 + 10 * i)),
      ...Array.from({ length: 20 }, (_, i) => openFor(10 + i)),
    ];
    const forecast = landingForecast({ asOf: AS_OF, horizonDays: 90, subjects });
    expect(forecast.warnings).toEqual([]);
    expect(forecast.projection.expectedLanded).toBeGreaterThan(20);
  });

  it('given a landing dated before library entry, when forecast, then it counts as day 0 and is flagged', () => {
    const forecast = landingForecast({
      asOf: AS_OF,
      horizonDays: 30,
      subjects: [{ enteredOn: '2025-03-10', landedOn: '2025-03-01' }, openFor(10)],
    });
    expect(forecast.curve[0]).toEqual({ day: 0, landed: 0.5, atRisk: 2 });
    expect(forecast.warnings.map((warning) => warning.code)).toContain('OUTCOME_BEFORE_ENTRY');
  });

  it('given 40,000 projects, half of them open, when forecast, then the projection switches to the normal approximation and says so', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const subjects = Array.from({ length: 40_000 }, (_, i) =>
      i % 2 === 0 ? landedAfter(2000, Math.floor(random() * 700)) : openFor(Math.floor(random() * 300)),
    );
    const forecast = landingForecast({ asOf: AS_OF, horizonDays: 365, subjects });
    expect(forecast.method.projection).toBe('poisson-binomial-cornish-fisher');
    const { expectedLanded, low95, low80, high80, high95 } = forecast.projection;
    expect(low95 <= low80 && low80 <= expectedLanded && expectedLanded <= high80 && high80 <= high95).toBe(true);
  });

  it('given malformed input, when forecast, then it throws a RangeError naming the field', () => {
    const forecastWith =
      (asOf: string, horizonDays: number, subjects: ForecastSubject[] = []) =>
      () =>
        landingForecast({ asOf, horizonDays, subjects });
    expect(forecastWith('2025-02-30', 30)).toThrow(/asOf/);
    expect(forecastWith('2025-2-3', 30)).toThrow(RangeError);
    expect(forecastWith(AS_OF, -1)).toThrow(/horizonDays/);
    expect(forecastWith(AS_OF, 1.5)).toThrow(/horizonDays/);
    expect(forecastWith(AS_OF, 30, [{ enteredOn: 'yesterday' }])).toThrow(/enteredOn/);
  });
});

describe('landingForecastOfCounts', () => {
  /** The cohort counted as libraryFollowUps does: by (time, outcome), open groups in entry order. */
  function counted(subjects: ForecastSubject[]) {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const groups = new Map<string, { time: number; event: 'landed' | 'withdrawn' | 'censored'; count: number }>();
    const byEntry = [...subjects].sort((a, b) => a.enteredOn.localeCompare(b.enteredOn));
    for (const s of byEntry) {
      const outcome = s.landedOn ?? s.withdrawnOn;
      const event = s.landedOn ? 'landed' : s.withdrawnOn ? 'withdrawn' : 'censored';
      const time = day(outcome ?? AS_OF) - day(s.enteredOn);
      const key = `${event}:${time}`;
      const group = groups.get(key) ?? groups.set(key, { time, event, count: 0 }).get(key)!;
      group.count += 1;
    }
    return [...groups.values()];
  }

  it('gives the very answer of landingForecast over the projects one by one (open chances summed in entry order)', () => {
    // A deterministic cohort large enough for the Cornish-Fisher projection, and a small one for the exact pmf.
    for (const size of [40, 3000]) {
      const subjects: ForecastSubject[] = [];
      for (let i = 0; i < size; i++) {
        const entered = (i * 37) % 700;
        const r = (i * 7919) % 10;
        if (r < 4) subjects.push(landedAfter(entered, (i * 13) % (entered + 1)));
        else if (r < 5) subjects.push(withdrawnAfter(entered, (i * 17) % (entered + 1)));
        else subjects.push(openFor(entered));
      }
      // One landing dated before entry: counted as 0 days and warned about in both.
      subjects.push({ enteredOn: daysBefore(AS_OF, 10), landedOn: daysBefore(AS_OF, 12) });
      const bySubjects = landingForecast({ asOf: AS_OF, horizonDays: 365, subjects });
      expect(landingForecastOfCounts({ asOf: AS_OF, horizonDays: 365, counts: counted(subjects) })).toEqual(bySubjects);
      expect(bySubjects.warnings.map((w) => w.code)).toContain('OUTCOME_BEFORE_ENTRY');
    }
  });

  it('refuses a malformed asOf or horizon, as landingForecast does', () => {
    expect(() => landingForecastOfCounts({ asOf: 'today', horizonDays: 30, counts: [] })).toThrow(/asOf/);
    expect(() => landingForecastOfCounts({ asOf: AS_OF, horizonDays: -1, counts: [] })).toThrow(/horizonDays/);
  });
});
