import { specFor } from '../kernel/decider.spec-helper';
import { projectDecider } from './project.decider';
import { Project } from './project.state';
import {
  ENTERPRISE,
  historyIn,
  landingPlanAssigned,
  landingPlanRevised,
  milestoneCompleted,
  needResolved,
  PROJECT_ID,
  progressReported,
  projectLanded,
  projectPresented,
  projectReviewed,
  projectSubmitted,
  projectWithdrawn,
  submissionRevised,
  T,
} from './project.test-fixtures';

const spec = specFor(projectDecider);
const stateAfter = (events: Parameters<typeof spec.given>[0]): Project => {
  const state = spec.given(events).state();
  if (state === null) throw new Error('expected a project');
  return state;
};

describe('project state (evolve)', () => {
  it('is null before anything was submitted', () => {
    expect(spec.given([]).state()).toBeNull();
  });

  it('after submission holds the submitted project with open needs and no decisions', () => {
    expect(stateAfter([projectSubmitted()])).toEqual<Project>({
      id: PROJECT_ID,
      status: 'submitted',
      enterpriseId: ENTERPRISE.id,
      enterpriseName: ENTERPRISE.name,
      title: '智能港口装卸机器人',
      summary: '用机器人替代人工完成集装箱绑扎',
      industryChain: 'smart-manufacturing',
      district: 'Huangdao',
      investmentYuan: 300_000_000,
      needs: [
        {
          needId: 'need-land',
          kind: 'land',
          description: '需要 50 亩工业用地',
          resolved: false,
          resolution: null,
          resolvedAt: null,
        },
        {
          needId: 'need-money',
          kind: 'financing',
          description: '需要 2 亿元贷款',
          resolved: false,
          resolution: null,
          resolvedAt: null,
        },
      ],
      reviews: [],
      submittedAt: T.submitted,
      enteredLibraryAt: null,
      conferenceId: null,
      presentedAt: null,
      plan: null,
      landedOn: null,
      landedAfter: null,
      actualInvestmentYuan: null,
      withdrawnReason: null,
      lastOccurredAt: T.submitted,
    });
  });

  it('leaves absent optional fields null', () => {
    const state = stateAfter([projectSubmitted({ summary: undefined, district: undefined })]);
    expect(state.summary).toBeNull();
    expect(state.district).toBeNull();
  });

  describe('reviews', () => {
    it('a revise verdict is recorded and keeps the project submitted', () => {
      const state = stateAfter([projectSubmitted(), projectReviewed({ verdict: 'revise', comment: undefined })]);
      expect(state.status).toBe('submitted');
      expect(state.enteredLibraryAt).toBeNull();
      expect(state.reviews).toEqual([
        {
          reviewId: 'review-1',
          reviewer: { userId: 'user-expert', username: 'expert.zhang' },
          verdict: 'revise',
          scores: { idea: 85, validation: 78, feasibility: 90 },
          comment: null,
          occurredAt: T.reviewed,
        },
      ]);
    });

    it('the approving review puts the project in the library at its own business time', () => {
      const approvedAt = '2024-03-20T02:00:00.000Z';
      const state = stateAfter([
        projectSubmitted(),
        projectReviewed({ verdict: 'revise' }),
        projectReviewed({ reviewId: 'review-2', verdict: 'approved', occurredAt: approvedAt }),
      ]);
      expect(state.status).toBe('approved');
      expect(state.enteredLibraryAt).toBe(approvedAt);
      expect(state.reviews.map((r) => r.verdict)).toEqual(['revise', 'approved']);
    });

    it('a rejection ends the project outside the library', () => {
      const state = stateAfter(historyIn.rejected());
      expect(state.status).toBe('rejected');
      expect(state.enteredLibraryAt).toBeNull();
    });
  });

  it('a revision changes the fields it carries and leaves the others', () => {
    const state = stateAfter([projectSubmitted(), submissionRevised({ title: '二期', investmentYuan: 1 })]);
    expect(state).toMatchObject({
      title: '二期',
      investmentYuan: 1,
      summary: '用机器人替代人工完成集装箱绑扎',
      district: 'Huangdao',
    });
    expect(state.needs).toHaveLength(2);
    expect(state.lastOccurredAt).toBe(T.reviewed);
  });

  it('a revision of the needs keeps the resolution of a need it keeps and opens the new ones', () => {
    const resolvedAt = '2024-03-02T02:00:00.000Z';
    const state = stateAfter([
      projectSubmitted(),
      needResolved({ occurredAt: resolvedAt }),
      submissionRevised({
        needs: [
          { needId: 'need-land', kind: 'land', description: '需要 60 亩工业用地' },
          { needId: 'need-talent', kind: 'talent', description: '引进 10 名工程师' },
        ],
      }),
    ]);
    expect(state.needs).toEqual([
      {
        needId: 'need-land',
        kind: 'land',
        description: '需要 60 亩工业用地',
        resolved: true,
        resolution: '已协调黄岛区 50 亩用地',
        resolvedAt,
      },
      {
        needId: 'need-talent',
        kind: 'talent',
        description: '引进 10 名工程师',
        resolved: false,
        resolution: null,
        resolvedAt: null,
      },
    ]);
  });

  it('a presentation records the conference', () => {
    const state = stateAfter(historyIn.presented());
    expect(state).toMatchObject({ status: 'presented', conferenceId: 'conference-3', presentedAt: T.presented });
  });

  it('the first plan assigns the project as revision 1 with open milestones', () => {
    const state = stateAfter(historyIn.assigned());
    expect(state.status).toBe('assigned');
    expect(state.plan).toEqual({
      planId: 'plan-1',
      revision: 1,
      leadDepartment: 'industry',
      supportingDepartments: ['resources'],
      milestones: [
        {
          milestoneId: 'm-contract',
          title: '签订投资协议',
          dueOn: '2024-05-31',
          departmentCode: 'industry',
          owner: '王伟',
          done: false,
          doneAt: null,
        },
        {
          milestoneId: 'm-land',
          title: '完成用地供应',
          dueOn: '2024-07-31',
          departmentCode: 'resources',
          owner: '李娜',
          done: false,
          doneAt: null,
        },
      ],
      assignedAt: T.assigned,
    });
  });

  it('a completed milestone is done at the business time of the completion', () => {
    const state = stateAfter([...historyIn.assigned(), progressReported(), milestoneCompleted()]);
    expect(state.plan?.milestones.map((m) => [m.milestoneId, m.done, m.doneAt])).toEqual([
      ['m-contract', true, T.progress],
      ['m-land', false, null],
    ]);
  });

  it('a plan revision replaces the plan; a completed milestone it keeps stays done, new ones are open', () => {
    const revisedAt = '2024-05-15T02:00:00.000Z';
    const state = stateAfter([
      ...historyIn.assigned(),
      progressReported(),
      milestoneCompleted(),
      landingPlanRevised({
        leadDepartment: 'commerce',
        supportingDepartments: ['industry', 'finance'],
        milestones: [
          {
            milestoneId: 'm-contract',
            title: '签订投资协议',
            dueOn: '2024-05-31',
            departmentCode: 'industry',
            owner: '王伟',
          },
          { milestoneId: 'm-loan', title: '发放贷款', dueOn: '2024-09-30', departmentCode: 'finance', owner: '赵敏' },
        ],
        occurredAt: revisedAt,
      }),
    ]);
    expect(state.status).toBe('assigned');
    expect(state.plan).toMatchObject({
      planId: 'plan-2',
      revision: 2,
      leadDepartment: 'commerce',
      supportingDepartments: ['industry', 'finance'],
      assignedAt: revisedAt,
    });
    expect(state.plan?.milestones.map((m) => [m.milestoneId, m.done, m.doneAt])).toEqual([
      ['m-contract', true, T.progress],
      ['m-loan', false, null],
    ]);
  });

  it('progress moves only the business time on', () => {
    const before = stateAfter(historyIn.assigned());
    const after = stateAfter([...historyIn.assigned(), progressReported({ done: false })]);
    expect(after).toEqual({ ...before, lastOccurredAt: T.progress });
  });

  it('a resolved need records the resolution and when', () => {
    const state = stateAfter([...historyIn.assigned(), needResolved()]);
    expect(state.needs[0]).toMatchObject({
      needId: 'need-land',
      resolved: true,
      resolution: '已协调黄岛区 50 亩用地',
      resolvedAt: T.progress,
    });
    expect(state.needs[1].resolved).toBe(false);
  });

  it('landing records the date and actual investment', () => {
    const state = stateAfter(historyIn.landed());
    expect(state).toMatchObject({
      status: 'landed',
      landedOn: '2024-05-20',
      actualInvestmentYuan: 320_000_000,
      lastOccurredAt: T.landed,
    });
  });

  it('landing without an actual investment leaves it null', () => {
    const state = stateAfter([...historyIn.assigned(), projectLanded({ actualInvestmentYuan: undefined })]);
    expect(state.actualInvestmentYuan).toBeNull();
  });

  it('withdrawal records the reason and keeps the library entry (the library counts it)', () => {
    const state = stateAfter(historyIn.withdrawn());
    expect(state).toMatchObject({ status: 'withdrawn', withdrawnReason: '企业战略调整', enteredLibraryAt: T.reviewed });
  });

  it('follows the business time of every event', () => {
    const events = [
      projectSubmitted(),
      projectReviewed(),
      projectPresented(),
      landingPlanAssigned(),
      progressReported(),
      projectWithdrawn(),
    ];
    events.forEach((event, i) => {
      expect(stateAfter(events.slice(0, i + 1)).lastOccurredAt).toBe(event.data.occurredAt);
    });
  });

  it('refuses an event before ProjectSubmitted: the stream is corrupt', () => {
    expect(() => projectDecider.evolve(null, projectReviewed())).toThrow('no ProjectSubmitted event');
  });
});
