import { withoutUndefined } from '../kernel/validation';
import {
  AssignLandingPlan,
  LandProject,
  PresentProject,
  ReportProgress,
  ResolveNeed,
  ReviewProject,
  ReviseSubmission,
  SubmitProject,
  WithdrawProject,
} from './project.commands';
import { ProjectStatus } from './project.state';
import {
  LandingPlanAssigned,
  LandingPlanRevised,
  MilestoneCompleted,
  NeedResolved,
  ProgressReported,
  ProjectEvent,
  ProjectLanded,
  ProjectPresented,
  ProjectReviewed,
  ProjectSubmitted,
  ProjectWithdrawn,
  SubmissionRevised,
} from './project.events';

/**
 * One project's life for the specs: submitted on 1 March 2024, approved 10 March, presented at the
 * third conference on 15 April, plan assigned 20 April, progress in May; "now" is 1 June 2024,
 * 12:00 in Qingdao. Builders take overrides; data left undefined is left out, as in real events.
 */
export const NOW = '2024-06-01T04:00:00.000Z';

export const T = {
  submitted: '2024-03-01T02:00:00.000Z',
  reviewed: '2024-03-10T02:00:00.000Z',
  presented: '2024-04-15T06:00:00.000Z',
  assigned: '2024-04-20T02:00:00.000Z',
  progress: '2024-05-10T02:00:00.000Z',
  landed: '2024-05-20T15:59:59.999Z',
} as const;

export const PROJECT_ID = 'project-1';
export const ENTERPRISE = { id: 'enterprise-1', name: '青岛海智装备有限公司' };
export const CONFERENCE = { id: 'conference-3', title: '第三届民营经济创意会', heldOn: '2024-04-15' };
export const KNOWN_DEPARTMENTS = ['industry', 'resources', 'finance', 'commerce'];

const NEEDS = [
  { needId: 'need-land', kind: 'land' as const, description: '需要 50 亩工业用地' },
  { needId: 'need-money', kind: 'financing' as const, description: '需要 2 亿元贷款' },
];

const MILESTONES = [
  { milestoneId: 'm-contract', title: '签订投资协议', dueOn: '2024-05-31', departmentCode: 'industry', owner: '王伟' },
  { milestoneId: 'm-land', title: '完成用地供应', dueOn: '2024-07-31', departmentCode: 'resources', owner: '李娜' },
];

const PLAN = {
  planId: 'plan-1',
  leadDepartment: 'industry',
  supportingDepartments: ['resources'],
  milestones: MILESTONES,
};

export const REVIEWER = { userId: 'user-expert', username: 'expert.zhang' };
export const TASKFORCE = { userId: 'user-staff', username: 'staff.liu', role: 'taskforce' as const };
export const departmentUser = (departmentCode?: string) =>
  withoutUndefined({
    userId: `user-${departmentCode}`,
    username: `dept.${departmentCode}`,
    role: 'department' as const,
    departmentCode,
  });

// Events --------------------------------------------------------------------------------------

const event = <E extends ProjectEvent>(type: E['type'], data: E['data']): E =>
  ({ type, data: withoutUndefined(data) }) as E;

export const projectSubmitted = (data: Partial<ProjectSubmitted['data']> = {}) =>
  event<ProjectSubmitted>('ProjectSubmitted', {
    projectId: PROJECT_ID,
    enterpriseId: ENTERPRISE.id,
    enterpriseName: ENTERPRISE.name,
    title: '智能港口装卸机器人',
    summary: '用机器人替代人工完成集装箱绑扎',
    industryChain: 'smart-manufacturing',
    district: 'Huangdao',
    investmentYuan: 300_000_000,
    needs: NEEDS,
    occurredAt: T.submitted,
    ...data,
  });

export const projectReviewed = (data: Partial<ProjectReviewed['data']> = {}) =>
  event<ProjectReviewed>('ProjectReviewed', {
    reviewId: 'review-1',
    reviewer: REVIEWER,
    verdict: 'approved',
    scores: { idea: 85, validation: 78, feasibility: 90 },
    comment: '创意好，论证扎实',
    occurredAt: T.reviewed,
    ...data,
  });

export const submissionRevised = (data: Partial<SubmissionRevised['data']> = {}) =>
  event<SubmissionRevised>('SubmissionRevised', { occurredAt: T.reviewed, ...data });

export const projectPresented = (data: Partial<ProjectPresented['data']> = {}) =>
  event<ProjectPresented>('ProjectPresented', {
    conferenceId: CONFERENCE.id,
    conferenceTitle: CONFERENCE.title,
    heldOn: CONFERENCE.heldOn,
    occurredAt: T.presented,
    ...data,
  });

export const landingPlanAssigned = (data: Partial<LandingPlanAssigned['data']> = {}) =>
  event<LandingPlanAssigned>('LandingPlanAssigned', { ...PLAN, occurredAt: T.assigned, ...data });

export const landingPlanRevised = (data: Partial<LandingPlanRevised['data']> = {}) =>
  event<LandingPlanRevised>('LandingPlanRevised', {
    ...PLAN,
    planId: 'plan-2',
    revision: 2,
    replacesPlanId: 'plan-1',
    occurredAt: T.progress,
    ...data,
  });

export const progressReported = (data: Partial<ProgressReported['data']> = {}) =>
  event<ProgressReported>('ProgressReported', {
    progressId: 'progress-1',
    milestoneId: 'm-contract',
    note: '投资协议已签订',
    done: true,
    reporter: TASKFORCE,
    occurredAt: T.progress,
    ...data,
  });

export const milestoneCompleted = (data: Partial<MilestoneCompleted['data']> = {}) =>
  event<MilestoneCompleted>('MilestoneCompleted', {
    milestoneId: 'm-contract',
    progressId: 'progress-1',
    occurredAt: T.progress,
    ...data,
  });

export const needResolved = (data: Partial<NeedResolved['data']> = {}) =>
  event<NeedResolved>('NeedResolved', {
    needId: 'need-land',
    resolution: '已协调黄岛区 50 亩用地',
    occurredAt: T.progress,
    ...data,
  });

export const projectLanded = (data: Partial<ProjectLanded['data']> = {}) =>
  event<ProjectLanded>('ProjectLanded', {
    landedOn: '2024-05-20',
    actualInvestmentYuan: 320_000_000,
    evidence: '投资协议及开工许可证',
    occurredAt: T.landed,
    ...data,
  });

export const projectWithdrawn = (data: Partial<ProjectWithdrawn['data']> = {}) =>
  event<ProjectWithdrawn>('ProjectWithdrawn', { reason: '企业战略调整', occurredAt: T.landed, ...data });

/** A history that leaves the project in each status. */
export const historyIn: Record<ProjectStatus, () => ProjectEvent[]> = {
  submitted: () => [projectSubmitted()],
  approved: () => [projectSubmitted(), projectReviewed()],
  rejected: () => [projectSubmitted(), projectReviewed({ verdict: 'rejected' })],
  presented: () => [...historyIn.approved(), projectPresented()],
  assigned: () => [...historyIn.presented(), landingPlanAssigned()],
  landed: () => [...historyIn.assigned(), projectLanded()],
  withdrawn: () => [...historyIn.presented(), projectWithdrawn()],
};

// Commands ------------------------------------------------------------------------------------

export const submitProject = (data: Partial<SubmitProject['data']> = {}, now = NOW): SubmitProject => ({
  type: 'SubmitProject',
  data: {
    projectId: PROJECT_ID,
    enterprise: ENTERPRISE,
    title: '智能港口装卸机器人',
    summary: '用机器人替代人工完成集装箱绑扎',
    industryChain: 'smart-manufacturing',
    district: 'Huangdao',
    investmentYuan: 300_000_000,
    needs: NEEDS,
    ...data,
  },
  metadata: { now },
});

export const reviewProject = (data: Partial<ReviewProject['data']> = {}, now = NOW): ReviewProject => ({
  type: 'ReviewProject',
  data: {
    reviewId: 'review-1',
    reviewer: REVIEWER,
    verdict: 'approved',
    scores: { idea: 85, validation: 78, feasibility: 90 },
    comment: '创意好，论证扎实',
    ...data,
  },
  metadata: { now },
});

export const reviseSubmission = (data: Partial<ReviseSubmission['data']> = {}, now = NOW): ReviseSubmission => ({
  type: 'ReviseSubmission',
  data: { investmentYuan: 350_000_000, ...data },
  metadata: { now },
});

export const presentProject = (data: Partial<PresentProject['data']> = {}, now = NOW): PresentProject => ({
  type: 'PresentProject',
  data: { conference: CONFERENCE, ...data },
  metadata: { now },
});

export const assignLandingPlan = (data: Partial<AssignLandingPlan['data']> = {}, now = NOW): AssignLandingPlan => ({
  type: 'AssignLandingPlan',
  data: { ...PLAN, knownDepartments: KNOWN_DEPARTMENTS, ...data },
  metadata: { now },
});

export const reportProgress = (data: Partial<ReportProgress['data']> = {}, now = NOW): ReportProgress => ({
  type: 'ReportProgress',
  data: { progressId: 'progress-1', milestoneId: 'm-contract', note: '投资协议已签订', reporter: TASKFORCE, ...data },
  metadata: { now },
});

export const resolveNeed = (data: Partial<ResolveNeed['data']> = {}, now = NOW): ResolveNeed => ({
  type: 'ResolveNeed',
  data: { needId: 'need-land', resolution: '已协调黄岛区 50 亩用地', resolvedBy: TASKFORCE, ...data },
  metadata: { now },
});

export const landProject = (data: Partial<LandProject['data']> = {}, now = NOW): LandProject => ({
  type: 'LandProject',
  data: { landedOn: '2024-05-20', ...data },
  metadata: { now },
});

export const withdrawProject = (data: Partial<WithdrawProject['data']> = {}, now = NOW): WithdrawProject => ({
  type: 'WithdrawProject',
  data: { reason: '企业战略调整', ...data },
  metadata: { now },
});
