import { businessDate, endOfBusinessDay } from '@luodi/domain';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';
import { readModelMigrations } from '../migrations';
import { RowTable, writeTogether } from '../projector/row-table';
import { readModelEntities } from '../registry';
import {
  DashboardFilters,
  dashboardSummary,
  LANDING_RATE_GROUPS,
  landingRates,
  libraryFollowUps,
  libraryOutcome,
} from './dashboard.query';
import { ProjectCohortRow } from './project-cohort.entity';
import { projectCohort } from './project-cohort.projection';
import { ProjectFactsRow } from './project-facts.entity';

/**
 * The aggregates read project_cohort, the lists behind them project_facts: both must say the same
 * on random projects — late records, corrected and revoked landings, leads changed several times
 * (out of order, twice a day), withdrawals — for every asOf, knownAt, filter and grouping.
 */
const CHAINS = ['marine', 'food', 'auto'];
const DISTRICTS = ['shinan', 'laoshan', null];
const CONFERENCES = ['c1', 'c2', 'c3'];
const DEPARTMENTS = ['industry', 'commerce', 'resources', 'planning'];

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

describe('the dashboards from project_cohort', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let facts: ProjectFactsRow[];
  beforeAll(async () => {
    db = await createTestDatabase(readModelMigrations);
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: readModelEntities }).initialize();
    facts = randomFacts(600, 11);
    await dataSource.getRepository(ProjectFactsRow).save(facts, { chunk: 200 });
    // As the projector derives and writes them.
    const cohort = new RowTable(dataSource, ProjectCohortRow, 'public');
    await writeTogether(dataSource.manager, cohort.insert(facts.flatMap((row) => projectCohort.derive(row))));
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
  // As known now; at the end of asOf; mid-morning of asOf; and at record times of the data (a
  // boundary taken as < would fail), some long after asOf.
  const knownAts = (asOf: string, k: number): Array<string | undefined> => {
    const f = facts[(k * 37) % facts.length];
    const g = facts.filter((row) => row.landingOn.length > 0)[k % 20];
    return [
      undefined,
      endOfBusinessDay(asOf),
      new Date(`${asOf}T10:30:00+08:00`).toISOString(),
      f.submittedRecordedAt,
      g.landingRecordedAt[1],
      g.leadRecordedAt.at(-1),
    ];
  };
  const FILTERS: DashboardFilters[] = [
    {},
    { industryChain: 'marine' },
    { district: 'laoshan' },
    { conferenceId: 'c2' },
    { department: 'commerce' },
    { industryChain: 'food', department: 'industry' },
    { district: 'shinan', conferenceId: 'c1' },
  ];

  it('equal project_facts: summary, landing rates and follow-ups, for any asOf, knownAt and filters', async () => {
    let landed = 0;
    let withdrawn = 0;
    for (const [k, asOf] of asOfDays().entries())
      for (const [j, knownAt] of knownAts(asOf, k).entries())
        // No filter, and one of the others in turn, so the run stays short.
        for (const [n, cohort] of [FILTERS[0], FILTERS[1 + ((k + j) % (FILTERS.length - 1))]].entries()) {
          const filters = { ...cohort, knownAt };
          const summary = await dashboardSummary(dataSource, asOf, filters);
          expect(summary).toEqual(await dashboardSummary(dataSource, asOf, filters, 'facts'));
          landed += summary.landed;
          withdrawn += summary.withdrawn;
          const group = LANDING_RATE_GROUPS[(k + j + n) % LANDING_RATE_GROUPS.length];
          expect(await landingRates(dataSource, group, asOf, filters)).toEqual(
            await landingRates(dataSource, group, asOf, filters, 'facts'),
          );
          expect(await libraryFollowUps(dataSource, asOf, filters)).toEqual(
            await libraryFollowUps(dataSource, asOf, filters, 'facts'),
          );
        }
    // The data exercises what the narrow row encodes differently.
    const [several] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE several_leads)::int AS leads, count(*) FILTER (WHERE several_landings)::int AS landings FROM project_cohort`,
    );
    expect(several.leads).toBeGreaterThan(50);
    expect(several.landings).toBeGreaterThan(20);
    expect(landed).toBeGreaterThan(1000);
    expect(withdrawn).toBeGreaterThan(100);
  });

  it('rank conferences missing from conference_list by their key, whatever order the groups come in', async () => {
    // conference_list has none of this data's conferences: no date to sort by, every order ties.
    for (const source of ['cohort', 'facts'] as const) {
      const keys = (await landingRates(dataSource, 'conference', '2026-06-30', {}, source)).map((r) => r.key);
      expect(keys).toEqual(['c1', 'c2', 'c3', null]);
    }
  });

  it('give the backtest outcome project_facts gives', async () => {
    for (const [asOf, horizonEnd] of [
      ['2025-03-15', '2025-09-15'],
      ['2025-11-30', '2026-11-30'],
      ['2026-04-10', '2026-04-10'],
    ]) {
      const outcome = await libraryOutcome(dataSource, asOf, horizonEnd);
      expect(outcome).toEqual(await libraryOutcome(dataSource, asOf, horizonEnd, 'facts'));
      expect(outcome.landed).toBeGreaterThan(0);
    }
  });
});
