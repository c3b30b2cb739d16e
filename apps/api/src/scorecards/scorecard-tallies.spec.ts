import {
  departmentScorecards,
  departmentWork,
  emptyWork,
  ScorecardWeights,
  scorecardsFromTallies,
  tallyWork,
} from '@luodi/forecast';
import {
  departmentTallies,
  DerivedProjection,
  projectWorkFacts,
  ProjectWorkFactsRow,
  readModelEntities,
  readModelMigrations,
  WorkFactsScope,
  workFollowUps,
  workLeads,
  workMilestoneSpells,
  workNeeds,
  workNotices,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';

/**
 * departmentTallies counts the scorecards' work in SQL; departmentWork (libs/forecast) is the
 * definition. On random work facts — revised plans, moved leads, late records, removed needs,
 * signed notices, closed projects — both must give the same scorecards for any period and cut.
 */
const DEPARTMENTS = ['industry', 'commerce', 'resources', 'planning'];
const WEIGHTS: ScorecardWeights = { onTime: 30, needs: 20, landing: 10, acknowledgement: 20, satisfaction: 20 };

function randomFacts(size: number, seed: number): ProjectWorkFactsRow[] {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  const base = Date.UTC(2025, 0, 1);
  // Instants over two years at any millisecond, so business dates fall either side of CST midnight.
  const instant = () => new Date(base + int(730 * 86_400_000)).toISOString();
  const later = (after: string, days = 120) => new Date(Date.parse(after) + int(days * 86_400_000)).toISOString();
  const maybe = <T>(p: number, value: () => T): T | null => (next() < p ? value() : null);
  const day = (iso: string) => iso.slice(0, 10);
  return Array.from({ length: size }, (_, i) => {
    const start = instant();
    const milestones = Array.from({ length: int(4) }, (_, k) => {
      let since = start;
      const spells = Array.from({ length: 1 + int(3) }, () => {
        since = later(since, 60);
        return {
          since,
          recordedAt: next() < 0.3 ? later(since, 30) : since,
          title: `m${i}.${k}`,
          dueOn: next() < 0.15 ? null : day(later(since, 90)),
          departmentCode: next() < 0.05 ? null : pick(DEPARTMENTS),
        };
      });
      const completedAt = maybe(0.6, () => later(start, 200));
      return {
        milestoneId: `m${i}.${k}`,
        spells,
        completedAt,
        completedRecordedAt: completedAt && (next() < 0.3 ? later(completedAt, 20) : completedAt),
      };
    });
    const needs = Array.from({ length: int(4) }, (_, k) => {
      const raisedAt = later(start, 100);
      const removedAt = maybe(0.1, () => later(raisedAt, 30));
      const resolvedAt = removedAt ? null : maybe(0.6, () => later(raisedAt, 90));
      return {
        needId: `n${i}.${k}`,
        kind: 'land',
        description: `n${i}.${k}`,
        raisedAt,
        raisedRecordedAt: next() < 0.2 ? later(raisedAt, 10) : raisedAt,
        removedAt,
        removedRecordedAt: removedAt && later(removedAt, 5),
        resolvedAt,
        resolvedRecordedAt: resolvedAt && (next() < 0.3 ? later(resolvedAt, 40) : resolvedAt),
      };
    });
    // Leads out of order in time now and then: the last one in the list that had begun wins.
    const leads = Array.from({ length: 1 + int(3) }, () => {
      const since = next() < 0.2 ? instant() : later(start, 150);
      return { department: pick(DEPARTMENTS), since, recordedAt: next() < 0.3 ? later(since, 30) : since };
    });
    const notices = Array.from({ length: int(3) }, (_, k) => {
      const issuedAt = later(start, 300);
      const acknowledgedAt = maybe(0.6, () => later(issuedAt, 10));
      return {
        noticeId: `x${i}.${k}`,
        departmentCode: pick(DEPARTMENTS),
        issuedAt,
        issuedRecordedAt: next() < 0.2 ? later(issuedAt, 5) : issuedAt,
        acknowledgedAt,
        acknowledgedRecordedAt: acknowledgedAt && (next() < 0.3 ? later(acknowledgedAt, 5) : acknowledgedAt),
      };
    });
    const followUps = needs
      .filter((n) => n.resolvedAt && next() < 0.6)
      .map((n) => {
        const at = later(n.resolvedAt!, 30);
        return {
          needId: n.needId,
          satisfaction: pick(['satisfied', 'basically', 'unsatisfied'] as const),
          at,
          recordedAt: next() < 0.3 ? later(at, 10) : at,
        };
      });
    const closedAt = maybe(0.3, () => later(start, 400));
    return {
      projectId: `p${String(i).padStart(3, '0')}`,
      title: `p${i}`,
      milestones,
      needs,
      leads,
      notices,
      followUps,
      closedAt,
      closedRecordedAt: closedAt && (next() < 0.3 ? later(closedAt, 20) : closedAt),
    };
  });
}

describe('the scorecards counted in SQL', () => {
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

  it('equal the scorecards of departmentWork on the whole table for any period and record-time cut', async () => {
    const all = randomFacts(400, 7);
    await dataSource.getRepository(ProjectWorkFactsRow).save(all);
    // The typed rows the counts read, as the projector derives them from these.
    const derive = <Row extends object>(items: DerivedProjection<Row, readonly [typeof projectWorkFacts]>) =>
      dataSource.getRepository(items.entity).save(
        all.flatMap((row) => items.derive(row)),
        { chunk: 200 },
      );
    await derive(workMilestoneSpells);
    await derive(workNeeds);
    await derive(workLeads);
    await derive(workNotices);
    await derive(workFollowUps);
    const departments = DEPARTMENTS.slice(0, 3).map((code) => ({ code, name: code }));
    const landing = new Map([['industry', { led: 4, landed: 1 }]]);
    const cst = (date: string, time: string) => new Date(`${date}T${time}+08:00`).toISOString();
    const scopes: WorkFactsScope[] = [];
    for (const [from, to] of [
      ['2025-03-01', '2025-03-31'],
      ['2025-08-01', '2025-08-31'],
      ['2026-01-01', '2026-01-31'],
      ['2025-01-01', '2026-12-31'],
    ]) {
      scopes.push({ from, to, evaluatedOn: to });
      scopes.push({ from, to, evaluatedOn: to, knownAt: cst(to, '23:59:59.999') });
      scopes.push({ from, to, evaluatedOn: to, knownAt: cst(from, '12:00:00.000') });
    }
    // Every month, as known some days into it or after it: late records decide.
    for (let month = 0; month < 24; month++) {
      const from = new Date(Date.UTC(2025, month, 1)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2025, month + 1, 0)).toISOString().slice(0, 10);
      const knownOn = new Date(Date.UTC(2025, month, 1 + ((month * 11) % 45))).toISOString().slice(0, 10);
      scopes.push({ from, to, evaluatedOn: to, knownAt: cst(knownOn, '18:30:00.000') });
    }
    // A period ahead of the day it is judged at.
    scopes.push({
      from: '2025-10-01',
      to: '2025-10-31',
      evaluatedOn: '2025-09-15',
      knownAt: cst('2025-09-15', '08:00:00'),
    });
    let counted = 0;
    const seen = new Set<string>();
    for (const scope of scopes) {
      const input = { ...scope, knownAt: scope.knownAt ?? undefined };
      const expected = departmentScorecards({ ...input, projects: all, departments, landing, weights: WEIGHTS });
      const tallies = await departmentTallies(dataSource, scope);
      for (const t of tallies)
        for (const [key, value] of Object.entries(t)) if (Array.isArray(value) ? value.length : value) seen.add(key);
      expect(scorecardsFromTallies({ tallies, departments, landing, weights: WEIGHTS })).toEqual(expected);
      const work = [...departmentWork({ ...input, projects: all })];
      expect(tallies.map((t) => t.department).sort()).toEqual(work.map(([code]) => code).sort());
      for (const [code, w] of work) {
        const tally = tallies.find((t) => t.department === code)!;
        const sorted = (t: typeof tally) => ({
          ...t,
          daysLate: [...t.daysLate].sort((a, b) => a - b),
          daysToResolve: [...t.daysToResolve].sort((a, b) => a - b),
          hoursToAcknowledge: [...t.hoursToAcknowledge].sort((a, b) => a - b),
        });
        expect(sorted(tally)).toEqual(sorted(tallyWork(code, w)));
        counted += w.milestones.length + w.resolvedNeeds.length + w.openNeeds.length + w.notices.length;
      }
    }
    // The random data exercises every kind of count, not just empty departments.
    expect(counted).toBeGreaterThan(500);
    // Every count and every list is non-zero somewhere.
    expect([...seen].sort()).toEqual(Object.keys(tallyWork('x', emptyWork())).sort());
  });
});
