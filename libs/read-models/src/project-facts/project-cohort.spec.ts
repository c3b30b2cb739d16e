import { businessDate, endOfBusinessDay } from '@luodi/domain';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';
import { readModelMigrations } from '../migrations';
import { readModelEntities } from '../registry';
import {
  DashboardFilters,
  dashboardSummary,
  LANDING_RATE_GROUPS,
  landingRates,
  libraryFollowUps,
  libraryOutcome,
  librarySubjects,
} from './dashboard.query';
import { ProjectCohortRow } from './project-cohort.entity';
import { projectCohort } from './project-cohort.projection';
import { ProjectFactsRow } from './project-facts.entity';

/**
 * The aggregates as known now read project_cohort; as known at an instant, project_facts. As known
 * at an instant after every record they must say the same: on random projects — late records,
 * corrected and revoked landings, leads changed several times (out of order, twice a day),
 * withdrawals — for every asOf, filter and grouping.
 */
const CHAINS = ['marine', 'food', 'auto'];
const DISTRICTS = ['shinan', 'laoshan', null];
const CONFERENCES = ['c1', 'c2', 'c3'];
const DEPARTMENTS = ['industry', 'commerce', 'resources', 'planning'];
const AFTER_EVERY_RECORD = '2100-01-01T00:00:00.000Z';

function randomFacts(size: number, seed: number): ProjectFactsRow[] {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  const base = Date.UTC(2025, 0, 1);
  // Any millisecond, so business dates fall either side of CST midnight.
  const instant = () => new Date(base + int(700 * 86_400_000)).toISOString();
  const later = (after: string, days = 90) => new Date(Date.parse(after) + int(days * 86_400_000)).toISOString();
  const recorded = (at: string) => (next() < 0.3 ? later(at, 20) : at);
  return Array.from({ length: size }, (_, i) => {
    const submittedAt = instant();
    const approved = next() < 0.75;
    const rejected = !approved && next() < 0.6;
    const enteredLibraryAt = approved ? later(submittedAt, 60) : null;
    const presentedAt = enteredLibraryAt && next() < 0.7 ? later(enteredLibraryAt) : null;
    const assignedAt = presentedAt && next() < 0.8 ? later(presentedAt, 30) : null;
    const leadSince: string[] = [];
    if (assignedAt) {
      leadSince.push(assignedAt);
      for (let k = int(4); k > 0; k--) {
        const previous = leadSince.at(-1)!;
        // Now and then before the previous one, or a few hours after it on the same day.
        leadSince.push(
          next() < 0.2 ? later(assignedAt, 5) : next() < 0.3 ? later(previous, 0.2) : later(previous, 120),
        );
      }
    }
    const landedAt = assignedAt && next() < 0.6 ? later(assignedAt, 200) : null;
    let landedOn = landedAt && businessDate(landedAt);
    let landedRecordedAt = landedAt && recorded(landedAt);
    let landedAtNow = landedAt;
    const landingOn: (string | null)[] = [];
    const landingRecordedAt: string[] = [];
    if (landedAt && next() < 0.3) {
      landingOn.push(landedOn);
      landingRecordedAt.push(landedRecordedAt!);
      for (let k = 1 + int(2); k > 0; k--) {
        const revoked = next() < 0.3;
        landedAtNow = revoked ? null : later(landedAt, 40);
        landedOn = landedAtNow && businessDate(landedAtNow);
        landedRecordedAt = later(landingRecordedAt.at(-1)!, 30);
        landingOn.push(landedOn);
        landingRecordedAt.push(landedRecordedAt);
      }
    }
    const withdrawnAt = enteredLibraryAt && next() < 0.12 ? later(enteredLibraryAt, 300) : null;
    const investmentYuan = 1_000_000 * (1 + int(500));
    return {
      projectId: `p${String(i).padStart(4, '0')}`,
      enterpriseId: `e${i % 50}`,
      industryChain: pick(CHAINS),
      district: pick(DISTRICTS),
      investmentYuan,
      actualInvestmentYuan: landedAt && next() < 0.5 ? investmentYuan + 1_000 * int(1000) : null,
      submittedAt,
      submittedRecordedAt: recorded(submittedAt),
      enteredLibraryAt,
      enteredLibraryRecordedAt: enteredLibraryAt && recorded(enteredLibraryAt),
      rejectedAt: rejected ? later(submittedAt, 60) : null,
      rejectedRecordedAt: rejected ? later(submittedAt, 90) : null,
      presentedAt,
      conferenceId: presentedAt && pick(CONFERENCES),
      presentedRecordedAt: presentedAt && recorded(presentedAt),
      assignedAt,
      assignedRecordedAt: assignedAt && recorded(assignedAt),
      leadDepartments: leadSince.map(() => pick(DEPARTMENTS)),
      leadSince,
      leadRecordedAt: leadSince.map(recorded),
      landedOn,
      landedAt: landedAtNow && endOfBusinessDay(landedOn!) < landedAtNow ? endOfBusinessDay(landedOn!) : landedAtNow,
      landedRecordedAt,
      landingOn,
      landingRecordedAt,
      withdrawnAt,
      withdrawnRecordedAt: withdrawnAt && recorded(withdrawnAt),
    };
  });
}

describe('the dashboards as known now, from project_cohort', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let facts: ProjectFactsRow[];
  beforeAll(async () => {
    db = await createTestDatabase(readModelMigrations);
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: readModelEntities }).initialize();
    facts = randomFacts(600, 11);
    await dataSource.getRepository(ProjectFactsRow).save(facts, { chunk: 200 });
    // As the projector derives them.
    await dataSource.getRepository(ProjectCohortRow).save(
      facts.flatMap((row) => projectCohort.derive(row)),
      { chunk: 200 },
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  // Some days with nothing on them, and days on which facts fall (a boundary taken as < would fail).
  const asOfDays = () => [
    ...['2024-12-31', '2025-03-15', '2025-11-30', '2026-09-01'],
    ...[7, 19, 42, 77, 101, 150].flatMap((i) => {
      const f = facts.filter((row) => row.leadSince.length > 0)[i];
      return [f.leadSince[0], f.leadSince.at(-1)!, f.presentedAt!, f.landedAt ?? f.submittedAt].map(businessDate);
    }),
    ...facts
      .slice(0, 40)
      .flatMap((f) => [f.enteredLibraryAt, f.withdrawnAt, f.rejectedAt])
      .filter((at) => at !== null)
      .slice(0, 8)
      .map((at) => businessDate(at!)),
  ];
  const FILTERS: DashboardFilters[] = [
    {},
    { industryChain: 'marine' },
    { district: 'laoshan' },
    { conferenceId: 'c2' },
    { department: 'commerce' },
    { industryChain: 'food', department: 'industry' },
    { district: 'shinan', conferenceId: 'c1' },
  ];

  it('equal project_facts as known after every record: summary, landing rates and follow-ups', async () => {
    const seen = { several: 0, landed: 0, withdrawn: 0 };
    for (const asOf of asOfDays())
      for (const filters of FILTERS) {
        const later = { ...filters, knownAt: AFTER_EVERY_RECORD };
        const summary = await dashboardSummary(dataSource, asOf, filters);
        expect(summary).toEqual(await dashboardSummary(dataSource, asOf, later));
        seen.landed += summary.landed;
        seen.withdrawn += summary.withdrawn;
        for (const group of LANDING_RATE_GROUPS)
          expect(await landingRates(dataSource, group, asOf, filters)).toEqual(
            await landingRates(dataSource, group, asOf, later),
          );
        expect(await libraryFollowUps(dataSource, asOf, filters)).toEqual(
          await libraryFollowUps(dataSource, asOf, later),
        );
      }
    // The data exercises what the narrow row encodes differently.
    seen.several = (await dataSource.getRepository(ProjectCohortRow).findBy({ severalLeads: true })).length;
    expect(seen.several).toBeGreaterThan(50);
    expect(seen.landed).toBeGreaterThan(100);
    expect(seen.withdrawn).toBeGreaterThan(10);
  });

  it('give the backtest outcome the library rows give', async () => {
    for (const [asOf, horizonEnd] of [
      ['2025-03-15', '2025-09-15'],
      ['2025-11-30', '2026-11-30'],
      ['2026-04-10', '2026-04-10'],
    ]) {
      const subjects = await librarySubjects(dataSource, horizonEnd, {});
      const entered = subjects.filter((s) => s.enteredOn <= asOf);
      expect(await libraryOutcome(dataSource, asOf, horizonEnd)).toEqual({
        inLibrary: entered.length,
        landed: entered.filter((s) => s.landedOn !== undefined && s.landedOn <= horizonEnd).length,
      });
    }
  });

  it('keep the lead in force at the end of each day: the later of two the same day, out-of-order periods by time', () => {
    const [row] = randomFacts(1, 1);
    const cohort = projectCohort.derive({
      ...row,
      leadDepartments: ['industry', 'commerce', 'planning', 'industry', 'industry'],
      // CST: 06-01 10:00, 06-01 20:00, 05-20 09:00, 07-01 08:00, 07-03 12:00
      leadSince: [
        '2025-06-01T02:00:00.000Z',
        '2025-06-01T12:00:00.000Z',
        '2025-05-20T01:00:00.000Z',
        '2025-07-01T00:00:00.000Z',
        '2025-07-03T04:00:00.000Z',
      ],
      leadRecordedAt: Array(5).fill('2025-07-03T04:00:00.000Z'),
    })[0];
    expect(cohort.severalLeads).toBe(true);
    expect(cohort.leadDepartments).toEqual(['planning', 'commerce', 'industry']);
    expect(cohort.leadDepartmentsOn).toEqual(['2025-05-20', '2025-06-01', '2025-07-01']);
  });
});
