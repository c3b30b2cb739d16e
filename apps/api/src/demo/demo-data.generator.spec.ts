import {
  businessDate,
  isValidUnifiedSocialCreditCode,
  ProjectCommand,
  projectDecider,
  ProjectState,
} from '@luodi/domain';
import { DemoPlan, DemoProject, generateDemoPlan, ProjectCall, summarizeDemoPlan } from './demo-data.generator';

const TODAY = new Date('2026-11-22T12:00:00Z'); // 20:00 in Qingdao
const plan = generateDemoPlan({ seed: 7, today: TODAY });
const summary = summarizeDemoPlan(plan);
const allCalls = plan.projects.flatMap((p) => p.calls);

describe('generateDemoPlan', () => {
  it('is deterministic for a seed and a day, and differs for another seed', () => {
    expect(generateDemoPlan({ seed: 7, today: TODAY })).toEqual(plan);
    expect(generateDemoPlan({ seed: 8, today: TODAY }).projects[0]).not.toEqual(plan.projects[0]);
  });

  it('produces a data set of the intended size and shape', () => {
    expect(summary).toMatchObject({ departments: 16, users: 19, conferences: 8, projects: 300 });
    expect(summary.enterprises).toBeGreaterThanOrEqual(180);
    expect(summary.enterprises).toBeLessThanOrEqual(220);
    expect(summary.presentedLandingRate).toBeGreaterThanOrEqual(0.55);
    expect(summary.presentedLandingRate).toBeLessThanOrEqual(0.75);
    expect(summary.landingRate).toBeGreaterThanOrEqual(0.5);
    expect(summary.investmentYuan).toBeGreaterThanOrEqual(12e9);
    expect(summary.investmentYuan).toBeLessThanOrEqual(30e9);
    expect(summary.withdrawn).toBeGreaterThanOrEqual(5);
    expect(summary.rejected).toBeGreaterThanOrEqual(10);
  });

  it('scales with the size parameter', () => {
    const small = summarizeDemoPlan(generateDemoPlan({ seed: 7, today: TODAY, projects: 12 }));
    expect(small).toMatchObject({ projects: 12, enterprises: 8, conferences: 8 });
  });

  it('plans investments from 500万 to 50亿 yuan', () => {
    for (const project of plan.projects) {
      expect(project.investmentYuan).toBeGreaterThanOrEqual(5_000_000);
      expect(project.investmentYuan).toBeLessThanOrEqual(5_000_000_000);
    }
  });

  it('dates nothing on or after the day it was made for (CST)', () => {
    const today = businessDate(TODAY.toISOString());
    for (const call of allCalls) expect(businessDate(call.at) < today).toBe(true);
    for (const conference of plan.conferences) expect(conference.body.heldOn < today).toBe(true);
  });

  it('never lets business time go backwards within a project', () => {
    for (const project of plan.projects) {
      const times = project.calls.map((c) => Date.parse(c.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('makes only calls the project rules accept, ending in the status it reports', () => {
    for (const project of plan.projects) expect(replay(plan, project)?.status).toBe(project.status);
  });

  it('lets department users act only on projects their department works on', () => {
    for (const project of plan.projects) {
      const assignment = project.calls.find((c) => c.kind === 'assignment');
      if (assignment?.kind !== 'assignment') continue;
      const { leadDepartment, supportingDepartments, milestones } = assignment.body;
      const involved = [leadDepartment, ...supportingDepartments, ...milestones.map((m) => m.departmentCode)];
      for (const call of project.calls) {
        const user = plan.users.find((u) => u.username === call.as)!;
        if (user.role === 'department') expect(involved).toContain(user.departmentCode);
      }
    }
  });

  it('presents projects on the day of their conference', () => {
    for (const call of allCalls) {
      if (call.kind !== 'presentation') continue;
      const conference = plan.conferences.find((c) => c.key === call.conferenceKey)!;
      expect(businessDate(call.at)).toBe(conference.body.heldOn);
    }
  });

  it('refers only to enterprises, conferences, departments and users it creates', () => {
    const departments = new Set(plan.departments.map((d) => d.code));
    const users = new Set(plan.users.map((u) => u.username));
    for (const user of plan.users) if (user.departmentCode) expect(departments).toContain(user.departmentCode);
    for (const call of allCalls) {
      expect(users).toContain(call.as);
      if (call.kind === 'submit') expect(plan.enterprises.map((e) => e.key)).toContain(call.enterpriseKey);
      if (call.kind === 'presentation') expect(plan.conferences.map((c) => c.key)).toContain(call.conferenceKey);
    }
  });

  it('registers enterprises under distinct names with valid unified social credit codes', () => {
    const codes = plan.enterprises.map((e) => e.body.creditCode);
    for (const code of codes) expect(isValidUnifiedSocialCreditCode(code)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(plan.enterprises.map((e) => e.body.name)).size).toBe(plan.enterprises.length);
  });

  it('tells a story: older cohorts landed more, revisions, and open milestones overdue or due soon', () => {
    const rateAt = (conferenceKeys: string[]) => {
      const cohort = plan.projects.filter((p) =>
        p.calls.some((c) => c.kind === 'presentation' && conferenceKeys.includes(c.conferenceKey)),
      );
      return cohort.filter((p) => p.status === 'landed').length / cohort.length;
    };
    expect(rateAt(['c1', 'c2', 'c3', 'c4'])).toBeGreaterThan(0.8);
    expect(rateAt(['c1', 'c2', 'c3', 'c4'])).toBeGreaterThan(rateAt(['c5', 'c6', 'c7', 'c8']) + 0.2);

    const revisedThenApproved = plan.projects.filter((p) => {
      const verdicts = p.calls.flatMap((c) => (c.kind === 'review' ? [c.body.verdict] : []));
      return verdicts.join() === 'revise,approved';
    });
    expect(revisedThenApproved.length).toBeGreaterThanOrEqual(10);

    const today = businessDate(TODAY.toISOString());
    const inDays = (days: number) => new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const open = plan.projects.filter((p) => p.status === 'assigned').flatMap(openMilestones);
    expect(open.filter((m) => m.dueOn < today).length).toBeGreaterThanOrEqual(10);
    expect(open.filter((m) => m.dueOn >= today && m.dueOn <= inDays(30)).length).toBeGreaterThanOrEqual(3);
  });
});

/** The milestones of a project's plan that no call completed. */
function openMilestones(project: DemoProject): Array<{ dueOn: string }> {
  const assignment = project.calls.find((c) => c.kind === 'assignment');
  if (assignment?.kind !== 'assignment') return [];
  const done = new Set(project.calls.flatMap((c) => (c.kind === 'progress' && c.body.done ? [c.milestoneIndex] : [])));
  return assignment.body.milestones.filter((_, i) => !done.has(i));
}

/** Feeds a project's calls through the project decider, as the API would; throws on a refused call. */
function replay(plan: DemoPlan, project: DemoProject): ProjectState {
  const now = TODAY.toISOString();
  const knownDepartments = plan.departments.map((d) => d.code);
  return project.calls.reduce<ProjectState>((state, call, i) => {
    const events = projectDecider.decide(
      {
        ...commandFor(plan, call, state, `${project.key}-${i}`, knownDepartments),
        metadata: { now },
      } as ProjectCommand,
      state,
    );
    return events.reduce(projectDecider.evolve, state);
  }, projectDecider.initialState());
}

function commandFor(
  plan: DemoPlan,
  call: ProjectCall,
  state: ProjectState,
  id: string,
  knownDepartments: string[],
): Omit<ProjectCommand, 'metadata'> {
  const occurredAt = call.at;
  const user = plan.users.find((u) => u.username === call.as)!;
  switch (call.kind) {
    case 'submit': {
      const enterprise = plan.enterprises.find((e) => e.key === call.enterpriseKey)!;
      const needs = call.body.needs.map((need, n) => ({ ...need, needId: `${id}-need-${n}` }));
      return {
        type: 'SubmitProject',
        data: {
          ...call.body,
          projectId: id,
          enterprise: { id: enterprise.key, name: enterprise.body.name },
          needs,
          occurredAt,
        },
      };
    }
    case 'review':
      return {
        type: 'ReviewProject',
        data: { ...call.body, reviewId: id, reviewer: { userId: user.username, username: user.username }, occurredAt },
      };
    case 'presentation': {
      const conference = plan.conferences.find((c) => c.key === call.conferenceKey)!;
      return { type: 'PresentProject', data: { conference: { id: conference.key, ...conference.body }, occurredAt } };
    }
    case 'assignment': {
      const milestones = call.body.milestones.map((m, n) => ({ ...m, milestoneId: `${id}-milestone-${n}` }));
      return {
        type: 'AssignLandingPlan',
        data: { ...call.body, planId: id, milestones, knownDepartments, occurredAt },
      };
    }
    case 'progress': {
      const milestoneId =
        call.milestoneIndex === undefined ? undefined : state!.plan!.milestones[call.milestoneIndex].milestoneId;
      const reporter = {
        userId: user.username,
        username: user.username,
        role: user.role,
        departmentCode: user.departmentCode,
      };
      return { type: 'ReportProgress', data: { ...call.body, progressId: id, milestoneId, reporter, occurredAt } };
    }
    case 'resolution':
      return {
        type: 'ResolveNeed',
        data: {
          ...call.body,
          needId: state!.needs[call.needIndex].needId,
          resolvedBy: { role: user.role, departmentCode: user.departmentCode },
          occurredAt,
        },
      };
    case 'landing':
      return { type: 'LandProject', data: call.body };
    case 'withdrawal':
      return { type: 'WithdrawProject', data: { ...call.body, occurredAt } };
  }
}
