import {
  compositeScore,
  DEFAULT_SCORECARD_WEIGHTS,
  departmentScorecards,
  departmentWork,
  median,
  ranks,
  WorkFacts,
} from './scorecard';

/**
 * A small cohort worked out by hand. Period January 2026, judged at the end of 31 January.
 *
 * P1 (lead industry from 1 Dec 2025): m1 due 10 Jan done 8 Jan (on time); m2 due 15 Jan done
 * 20 Jan (5 days late); m3 due 20 Jan open (overdue 11 days); m4 due 31 Jan open (not yet
 * judged); m5 due 5 Feb (outside); m6 due 12 Jan, commerce's, done 25 Jan (13 late). Needs: n1
 * raised 20 Nov, resolved 11 Jan: answerable from 1 Dec, 41 days; n2 open.
 * P2 (lead commerce from 10 Dec): m7 due 5 Jan done 5 Jan 18:00 CST (on time); m8 due 25 Jan
 * done 28 Jan (3 late) but recorded only on 3 Feb. n3 raised 1 Dec, resolved 9 Jan: answerable
 * from 10 Dec, 30 days; n4 resolved 20 Dec (before the period).
 * P3 (withdrawn 15 Jan): m9 due 10 Jan never done: not counted.
 */
const spell = (dueOn: string, departmentCode: string, since = '2025-12-01T02:00:00.000Z') => ({
  since,
  recordedAt: since,
  title: `due ${dueOn}`,
  dueOn,
  departmentCode,
});
const milestone = (
  id: string,
  dueOn: string,
  department: string,
  completedAt: string | null,
  recordedAt = completedAt,
) => ({
  milestoneId: id,
  spells: [spell(dueOn, department)],
  completedAt,
  completedRecordedAt: recordedAt,
});
const need = (id: string, raisedAt: string, resolvedAt: string | null) => ({
  needId: id,
  kind: 'land',
  description: id,
  raisedAt,
  raisedRecordedAt: raisedAt,
  removedAt: null,
  removedRecordedAt: null,
  resolvedAt,
  resolvedRecordedAt: resolvedAt,
});

const P1: WorkFacts = {
  projectId: 'p1',
  title: 'P1',
  milestones: [
    milestone('m1', '2026-01-10', 'industry', '2026-01-08T02:00:00.000Z'),
    milestone('m2', '2026-01-15', 'industry', '2026-01-20T02:00:00.000Z'),
    milestone('m3', '2026-01-20', 'industry', null),
    milestone('m4', '2026-01-31', 'industry', null),
    milestone('m5', '2026-02-05', 'industry', null),
    milestone('m6', '2026-01-12', 'commerce', '2026-01-25T02:00:00.000Z'),
  ],
  needs: [
    need('n1', '2025-11-20T02:00:00.000Z', '2026-01-11T02:00:00.000Z'),
    need('n2', '2025-11-20T02:00:00.000Z', null),
  ],
  leads: [{ department: 'industry', since: '2025-12-01T02:00:00.000Z', recordedAt: '2025-12-01T02:00:00.000Z' }],
  notices: [],
  followUps: [],
  closedAt: null,
  closedRecordedAt: null,
};
const P2: WorkFacts = {
  projectId: 'p2',
  title: 'P2',
  milestones: [
    milestone('m7', '2026-01-05', 'commerce', '2026-01-05T10:00:00.000Z'),
    milestone('m8', '2026-01-25', 'commerce', '2026-01-28T02:00:00.000Z', '2026-02-03T02:00:00.000Z'),
  ],
  needs: [
    need('n3', '2025-12-01T02:00:00.000Z', '2026-01-09T02:00:00.000Z'),
    need('n4', '2025-12-01T02:00:00.000Z', '2025-12-20T02:00:00.000Z'),
  ],
  leads: [{ department: 'commerce', since: '2025-12-10T02:00:00.000Z', recordedAt: '2025-12-10T02:00:00.000Z' }],
  notices: [],
  followUps: [],
  closedAt: null,
  closedRecordedAt: null,
};
const P3: WorkFacts = {
  projectId: 'p3',
  title: 'P3',
  milestones: [milestone('m9', '2026-01-10', 'industry', null)],
  needs: [],
  leads: [{ department: 'industry', since: '2025-12-01T02:00:00.000Z', recordedAt: '2025-12-01T02:00:00.000Z' }],
  notices: [],
  followUps: [],
  closedAt: '2026-01-15T02:00:00.000Z',
  closedRecordedAt: '2026-01-15T02:00:00.000Z',
};

const input = {
  from: '2026-01-01',
  to: '2026-01-31',
  evaluatedOn: '2026-01-31',
  projects: [P1, P2, P3],
  departments: [
    { code: 'industry', name: '工信局' },
    { code: 'commerce', name: '商务局' },
    { code: 'resources', name: '自然资源局' },
  ],
  landing: new Map([
    ['industry', { led: 2, landed: 1 }],
    ['commerce', { led: 1, landed: 0 }],
  ]),
  weights: DEFAULT_SCORECARD_WEIGHTS,
};

describe('median, composite, ranks', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([5, 1, 4, 2])).toBe(3);
    expect(median([13, 3])).toBe(8);
  });

  it('weighs the components that have data and rescales the weights over them', () => {
    const components = { onTime: 1 / 3, needs: 0.5, landing: 0.5, acknowledgement: null, satisfaction: null };
    // 100 × (50/3 + 30·0.5 + 20·0.5) / 100 = 41.667
    expect(compositeScore(components, DEFAULT_SCORECARD_WEIGHTS)).toBeCloseTo(41.6667, 4);
    // acknowledgement weighs 20 but has no data: 100 × (60/3 + 20·0.5) / 80 = 37.5
    expect(
      compositeScore(components, { onTime: 60, needs: 0, landing: 20, acknowledgement: 20, satisfaction: 0 }),
    ).toBeCloseTo(37.5, 10);
    expect(
      compositeScore(
        { onTime: null, needs: null, landing: null, acknowledgement: null, satisfaction: null },
        DEFAULT_SCORECARD_WEIGHTS,
      ),
    ).toBeNull();
  });

  it('ranks best first, equal scores sharing a rank, no score no rank', () => {
    expect(ranks([50, 70, 50, null, 10])).toEqual([2, 1, 2, null, 4]);
  });
});

describe('departmentScorecards on a hand-computed cohort', () => {
  it('counts, rates and ranks every department as worked out by hand', () => {
    const [commerce, industry, resources] = departmentScorecards(input);

    expect(industry.department).toBe('industry');
    expect(industry.milestones).toEqual({
      due: 4,
      completedOnTime: 1,
      completedLate: 1,
      overdue: 1,
      open: 1,
      // Wilson 95% for 1 of 3: [0.0615, 0.7923] (centre 0.4269, half-width 0.3654).
      onTimeRate: { value: 1 / 3, low95: expect.closeTo(0.0615, 4), high95: expect.closeTo(0.7923, 4), n: 3 },
      medianDaysLate: 8, // median of 5 (m2) and 11 (m3 overdue on 31 Jan)
    });
    expect(industry.needs).toEqual({ resolved: 1, open: 1, medianDaysToResolve: 41 });
    expect(industry.projects).toEqual({ led: 2, landed: 1 });
    expect(industry.score).toBeCloseTo(41.6667, 4);
    expect(industry.rank).toBe(2);
    expect(industry.warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE']);
    expect(industry.notices).toEqual({ received: 0, acknowledged: 0, medianHoursToAcknowledge: null });
    expect(industry.satisfaction).toBeNull();
    expect(industry.components).toMatchObject({ acknowledgement: null, satisfaction: null });

    expect(commerce.department).toBe('commerce');
    expect(commerce.milestones).toMatchObject({ due: 3, completedOnTime: 1, completedLate: 2, overdue: 0, open: 0 });
    expect(commerce.milestones.medianDaysLate).toBe(8); // 13 (m6) and 3 (m8)
    expect(commerce.needs).toEqual({ resolved: 1, open: 0, medianDaysToResolve: 30 });
    // 100 × (50/3 + 30·1 + 20·0) / 100 = 46.667
    expect(commerce.score).toBeCloseTo(46.6667, 4);
    expect(commerce.rank).toBe(1);

    expect(resources).toMatchObject({ department: 'resources', score: null, rank: null });
    expect(resources.milestones).toMatchObject({ due: 0, onTimeRate: null, medianDaysLate: null });
  });

  it('scores but does not rank a department with nothing to judge in the period', () => {
    // Landings alone (a score of 100 from landed / led) put no department above those that worked the period.
    const cards = departmentScorecards({
      ...input,
      landing: new Map([...input.landing, ['resources', { led: 2, landed: 2 }]]),
    });
    expect(cards.map((c) => [c.department, c.score === null ? null : Math.round(c.score), c.rank])).toEqual([
      ['commerce', 47, 1],
      ['industry', 42, 2],
      ['resources', 100, null],
    ]);
  });

  it('knownAt leaves out the completion recorded after it: m8 was overdue as known on 31 January', () => {
    const cards = departmentScorecards({ ...input, knownAt: '2026-01-31T15:59:59.999Z' });
    const commerce = cards.find((c) => c.department === 'commerce')!;
    expect(commerce.milestones).toMatchObject({ completedOnTime: 1, completedLate: 1, overdue: 1 });
    expect(commerce.milestones.medianDaysLate).toBe(9.5); // 13 and 6 days overdue
  });

  it('judges an unfinished period at evaluatedOn: a milestone due later in it is open, not overdue', () => {
    const work = departmentWork({ ...input, evaluatedOn: '2026-01-18' });
    const industry = work.get('industry')!.milestones;
    expect(industry.map((m) => [m.milestoneId, m.outcome, m.daysLate])).toEqual([
      ['m1', 'onTime', 0],
      ['m2', 'overdue', 3], // done on the 20th: not yet known on the 18th
      ['m3', 'open', 0],
      ['m4', 'open', 0],
    ]);
  });

  it('follows a revised due date from the revision on, and drops a milestone a revision leaves out', () => {
    const revised: WorkFacts = {
      ...P1,
      milestones: [
        {
          ...milestone('m3', '2026-01-20', 'industry', null),
          spells: [spell('2026-01-20', 'industry'), spell('2026-02-20', 'industry', '2026-01-10T02:00:00.000Z')],
        },
        {
          ...milestone('m4', '2026-01-31', 'industry', null),
          spells: [
            spell('2026-01-31', 'industry'),
            { ...spell('2026-01-31', 'industry', '2026-01-10T02:00:00.000Z'), dueOn: null, departmentCode: null },
          ],
        },
      ],
    };
    expect(departmentWork({ ...input, projects: [revised] }).get('industry')!.milestones).toEqual([]);
    // Before the revision both were in force.
    expect(
      departmentWork({ ...input, projects: [revised], evaluatedOn: '2026-01-05' })
        .get('industry')!
        .milestones.map((m) => m.milestoneId),
    ).toEqual(['m3', 'm4']);
  });
});

describe('supervision notices and 回访 in the scorecard', () => {
  /**
   * P4 (lead industry): notices to industry issued 10 Jan 10:00 CST, signed 16:00 (6 hours), and
   * 12 Jan, signed 14 Jan 10:00 (48 hours) but recorded only on 2 Feb; one issued 12 Jan never
   * signed; one issued in December (outside). 回访 in January: satisfied, basically, unsatisfied
   * → (1 + ½ + 0) / 3 = 0.5; one in February (outside).
   */
  const notice = (id: string, issuedAt: string, acknowledgedAt: string | null, ackRecordedAt = acknowledgedAt) => ({
    noticeId: id,
    departmentCode: 'industry',
    issuedAt,
    issuedRecordedAt: issuedAt,
    acknowledgedAt,
    acknowledgedRecordedAt: ackRecordedAt,
  });
  const followUp = (satisfaction: 'satisfied' | 'basically' | 'unsatisfied', at: string) => ({
    needId: 'n9',
    satisfaction,
    at,
    recordedAt: at,
  });
  const P4: WorkFacts = {
    projectId: 'p4',
    title: 'P4',
    milestones: [],
    needs: [],
    leads: [{ department: 'industry', since: '2025-12-01T02:00:00.000Z', recordedAt: '2025-12-01T02:00:00.000Z' }],
    notices: [
      notice('a', '2026-01-10T02:00:00.000Z', '2026-01-10T08:00:00.000Z'),
      notice('b', '2026-01-12T02:00:00.000Z', '2026-01-14T02:00:00.000Z', '2026-02-02T02:00:00.000Z'),
      notice('c', '2026-01-12T03:00:00.000Z', null),
      notice('d', '2025-12-20T02:00:00.000Z', '2025-12-21T02:00:00.000Z'),
    ],
    followUps: [
      followUp('satisfied', '2026-01-05T02:00:00.000Z'),
      followUp('basically', '2026-01-15T02:00:00.000Z'),
      followUp('unsatisfied', '2026-01-25T02:00:00.000Z'),
      followUp('satisfied', '2026-02-03T02:00:00.000Z'),
    ],
    closedAt: null,
    closedRecordedAt: null,
  };
  const weights = { onTime: 40, needs: 20, landing: 20, acknowledgement: 10, satisfaction: 10 };

  it('counts the notices received and signed, the median hours to sign, and the satisfaction, by hand', () => {
    const industry = departmentScorecards({ ...input, projects: [...input.projects, P4], weights }).find(
      (c) => c.department === 'industry',
    )!;
    expect(industry.notices).toEqual({ received: 3, acknowledged: 2, medianHoursToAcknowledge: 27 }); // (6 + 48) / 2
    expect(industry.satisfaction).toBe(0.5);
    expect(industry.followUps).toBe(3);
    expect(industry.components).toMatchObject({ acknowledgement: 2 / 3, satisfaction: 0.5 });
    // 100 × (40·⅓ + 20·½ + 20·½ + 10·⅔ + 10·½) / 100 = 45
    expect(industry.score).toBeCloseTo(45, 4);
  });

  it('as known on 31 January: the signature recorded on 2 February is not counted', () => {
    const industry = departmentScorecards({
      ...input,
      projects: [...input.projects, P4],
      weights,
      knownAt: '2026-01-31T15:59:59.999Z',
    }).find((c) => c.department === 'industry')!;
    expect(industry.notices).toEqual({ received: 3, acknowledged: 1, medianHoursToAcknowledge: 6 });
  });
});
