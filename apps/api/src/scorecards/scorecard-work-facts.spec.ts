import { DEFAULT_SCORECARD_WEIGHTS, departmentScorecards, departmentWork } from '@luodi/forecast';
import {
  projectWorkFactsFor,
  ProjectWorkFactsRow,
  readModelEntities,
  readModelMigrations,
  WorkFactsScope,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';

/**
 * projectWorkFactsFor reads only the projects that can count in a period: a superset of what the
 * pure scorecard keeps, so the figures from it equal the figures from the whole table.
 */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const facts = (projectId: string, over: Partial<ProjectWorkFactsRow> = {}): ProjectWorkFactsRow => ({
  projectId,
  title: projectId,
  milestones: [],
  needs: [],
  leads: [{ department: 'industry', since: at('2025-01-01'), recordedAt: at('2025-01-01') }],
  notices: [],
  followUps: [],
  closedAt: null,
  closedRecordedAt: null,
  ...over,
});
const milestone = (id: string, dueOn: string, departmentCode: string, completedOn: string | null) => ({
  milestoneId: id,
  spells: [{ since: at('2025-01-01'), recordedAt: at('2025-01-01'), title: id, dueOn, departmentCode }],
  completedAt: completedOn && at(completedOn),
  completedRecordedAt: completedOn && at(completedOn),
});
const need = (id: string, raisedOn: string, resolvedOn: string | null, resolvedRecordedOn = resolvedOn) => ({
  needId: id,
  kind: 'land',
  description: id,
  raisedAt: at(raisedOn),
  raisedRecordedAt: at(raisedOn),
  removedAt: null,
  removedRecordedAt: null,
  resolvedAt: resolvedOn && at(resolvedOn),
  resolvedRecordedAt: resolvedRecordedOn && at(resolvedRecordedOn),
});

/** A pseudo-random cohort (fixed seed): dates over 2025–2026, some closed, some recorded late. */
function cohort(size: number): ProjectWorkFactsRow[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const day = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
  const departments = ['industry', 'commerce', 'resources'];
  const pick = () => departments[Math.floor(next() * departments.length)];
  return Array.from({ length: size }, (_, i) => {
    const due = day();
    const raised = day();
    const resolved = next() < 0.6 ? day() : null;
    const closed = next() < 0.3 ? day() : null;
    return facts(`p${String(i).padStart(3, '0')}`, {
      milestones: [milestone(`m${i}`, due, pick(), next() < 0.5 ? day() : null)],
      needs: [
        need(
          `n${i}`,
          raised,
          resolved && resolved < raised ? raised : resolved,
          next() < 0.2 ? '2026-12-31' : resolved,
        ),
      ],
      leads: [{ department: pick(), since: at('2025-01-01'), recordedAt: at('2025-01-01') }],
      notices:
        next() < 0.5
          ? [
              {
                noticeId: `x${i}`,
                departmentCode: pick(),
                issuedAt: at(day()),
                issuedRecordedAt: at('2025-01-01'),
                acknowledgedAt: null,
                acknowledgedRecordedAt: null,
              },
            ]
          : [],
      followUps:
        next() < 0.5 ? [{ needId: `n${i}`, satisfaction: 'basically', at: at(day()), recordedAt: at(day()) }] : [],
      closedAt: closed && at(closed),
      closedRecordedAt: closed && at(closed),
    });
  });
}

describe('the work facts a scorecard reads', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(readModelMigrations);
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: readModelEntities }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  beforeEach(() => dataSource.query('DELETE FROM project_work_facts'));
  const store = (...rows: ProjectWorkFactsRow[]) => dataSource.getRepository(ProjectWorkFactsRow).save(rows);
  const ids = async (scope: Parameters<typeof projectWorkFactsFor>[1]) =>
    (await projectWorkFactsFor(dataSource, scope)).map((p) => p.projectId);
  const november = { from: '2026-11-01', to: '2026-11-30', evaluatedOn: '2026-11-30' };

  it('returns a project with a milestone due in the period, not one whose work lies entirely outside it', async () => {
    await store(
      facts('due-in', { milestones: [milestone('a', '2026-11-15', 'industry', null)] }),
      facts('before', {
        milestones: [milestone('b', '2026-09-10', 'industry', '2026-09-09')],
        needs: [need('nb', '2026-08-01', '2026-09-01')],
      }),
      facts('after', { milestones: [milestone('c', '2027-01-10', 'industry', null)] }),
      // Work before and after the period but none in it.
      facts('around', {
        milestones: [milestone('d', '2026-09-10', 'industry', null), milestone('e', '2027-01-10', 'industry', null)],
      }),
      facts('idle'),
    );
    expect(await ids(november)).toEqual(['due-in']);
  });

  it('returns a project with a need open at evaluatedOn, and one resolved after knownAt recorded it open', async () => {
    await store(
      facts('open', { needs: [need('n1', '2026-03-01', null)] }),
      facts('open-then', { needs: [need('n2', '2026-03-01', '2026-12-05')] }),
      facts('closed-with-it-open', {
        needs: [need('n3', '2026-03-01', null)],
        closedAt: at('2026-06-01'),
        closedRecordedAt: at('2026-06-01'),
      }),
      facts('resolved-before', { needs: [need('n4', '2026-03-01', '2026-04-01')] }),
      facts('resolved-before-recorded-late', { needs: [need('n5', '2026-03-01', '2026-04-01', '2026-12-20')] }),
    );
    expect(await ids(november)).toEqual(['open', 'open-then']);
    expect(await ids({ ...november, knownAt: at('2026-12-01') })).toEqual([
      'open',
      'open-then',
      'resolved-before-recorded-late',
    ]);
  });

  it('dates a fact by its business day in China Standard Time', async () => {
    const notice = (noticeId: string, issuedAt: string) => ({
      noticeId,
      departmentCode: 'industry',
      issuedAt,
      issuedRecordedAt: issuedAt,
      acknowledgedAt: null,
      acknowledgedRecordedAt: null,
    });
    await store(
      // 1 November 00:30 CST is still 31 October in UTC; 30 November 23:30 CST is 30 November 15:30 UTC.
      facts('first-hour', { notices: [notice('x1', '2026-11-01T00:30:00+08:00')] }),
      facts('last-hour', { notices: [notice('x2', '2026-11-30T23:30:00+08:00')] }),
      // 1 December 00:30 CST is still 30 November in UTC.
      facts('next-month', { notices: [notice('x3', '2026-12-01T00:30:00+08:00')] }),
    );
    expect(await ids(november)).toEqual(['first-hour', 'last-hour']);
  });

  it('for one department, returns only the projects that name it', async () => {
    await store(
      facts('industry', { milestones: [milestone('a', '2026-11-15', 'industry', null)] }),
      facts('commerce', {
        leads: [{ department: 'commerce', since: at('2025-01-01'), recordedAt: at('2025-01-01') }],
        milestones: [milestone('b', '2026-11-15', 'commerce', null)],
      }),
    );
    expect(await ids({ ...november, department: 'commerce' })).toEqual(['commerce']);
  });

  it('a project outside the period leaves the figures as they are, one inside changes them', async () => {
    const inside = facts('inside', { milestones: [milestone('i', '2026-11-10', 'industry', '2026-11-20')] });
    const outside = facts('outside', { milestones: [milestone('o', '2026-10-10', 'industry', '2026-10-20')] });
    const scorecards = async () =>
      departmentScorecards({
        ...november,
        projects: await projectWorkFactsFor(dataSource, november),
        departments: [{ code: 'industry', name: '工信局' }],
        landing: new Map(),
        weights: DEFAULT_SCORECARD_WEIGHTS,
      });
    await store(facts('base', { milestones: [milestone('b', '2026-11-05', 'industry', '2026-11-05')] }));
    const before = await scorecards();
    expect(before[0].milestones).toMatchObject({ due: 1, completedOnTime: 1, completedLate: 0 });
    await store(outside);
    expect(await scorecards()).toEqual(before);
    await store(inside);
    expect((await scorecards())[0].milestones).toMatchObject({ due: 2, completedOnTime: 1, completedLate: 1 });
  });

  it('gives the same work as the whole table for any period and record-time cut', async () => {
    const all = cohort(300);
    await store(...all);
    const scopes: WorkFactsScope[] = [
      november,
      { from: '2025-01-01', to: '2025-03-31', evaluatedOn: '2025-03-31' },
      { from: '2025-06-01', to: '2025-06-30', evaluatedOn: '2025-06-30', knownAt: at('2025-07-15') },
      { from: '2026-01-01', to: '2026-12-31', evaluatedOn: '2026-05-10' },
      // A period ahead of today: judged at today, before it starts.
      { from: '2026-09-01', to: '2026-09-30', evaluatedOn: '2026-03-01', knownAt: at('2026-03-01') },
      { from: '0001-01-01', to: '2026-06-30', evaluatedOn: '2026-06-30', knownAt: at('2026-07-01') },
    ];
    for (const scope of scopes) {
      const read = await projectWorkFactsFor(dataSource, scope);
      const input = { ...scope, knownAt: scope.knownAt ?? undefined };
      expect(departmentWork({ ...input, projects: read })).toEqual(departmentWork({ ...input, projects: all }));
      // A superset that actually leaves rows out (else the test would prove nothing about the WHERE).
      if (scope.from !== '0001-01-01') expect(read.length).toBeLessThan(all.length);
    }
  });
});
