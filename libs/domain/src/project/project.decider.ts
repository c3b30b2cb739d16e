import {
  assertNotBeforePrevious,
  businessDate,
  earlierOf,
  endOfBusinessDay,
  resolveOccurredAt,
} from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import {
  amountInYuan,
  assertDistinctIds,
  calendarDate,
  list,
  object,
  oneOf,
  optionalAmountInYuan,
  optionalFlag,
  optionalList,
  optionalText,
  requiredText,
  withoutUndefined,
} from '../kernel/validation';
import {
  AssignLandingPlan,
  LandProject,
  PresentProject,
  ProjectCommand,
  ReportProgress,
  ResolveNeed,
  ReviewProject,
  ReviseSubmission,
  SubmitProject,
  WithdrawProject,
} from './project.commands';
import { projectErrors } from './project.errors';
import {
  LandingPlan,
  Need,
  NEED_KINDS,
  PlannedMilestone,
  ProjectEvent,
  Reporter,
  Reviewer,
  ReviewScores,
  ReviewVerdict,
  REVIEW_VERDICTS,
} from './project.events';

// ---------------------------------------------------------------------------------------------
// State: what the decisions need, plus what `GET /api/projects/:id` shows.
// ---------------------------------------------------------------------------------------------

export type ProjectStatus = 'submitted' | 'approved' | 'rejected' | 'presented' | 'assigned' | 'landed' | 'withdrawn';

export interface ProjectNeed extends Need {
  resolved: boolean;
  resolution: string | null;
  resolvedAt: string | null;
}

export interface ProjectReview {
  reviewId: string;
  reviewer: Reviewer;
  verdict: ReviewVerdict;
  scores: ReviewScores;
  comment: string | null;
  occurredAt: string;
}

export interface ProjectMilestone extends PlannedMilestone {
  done: boolean;
  doneAt: string | null;
}

export interface ProjectPlan {
  planId: string;
  /** 1 for the first plan, +1 for every revision. */
  revision: number;
  leadDepartment: string;
  supportingDepartments: string[];
  milestones: ProjectMilestone[];
  assignedAt: string;
}

export interface Project {
  id: string;
  status: ProjectStatus;
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  summary: string | null;
  industryChain: string;
  district: string | null;
  investmentYuan: number;
  needs: ProjectNeed[];
  reviews: ProjectReview[];
  submittedAt: string;
  /** Business time of the approving review: day 0 of the time to landing. */
  enteredLibraryAt: string | null;
  conferenceId: string | null;
  presentedAt: string | null;
  plan: ProjectPlan | null;
  landedOn: string | null;
  actualInvestmentYuan: number | null;
  withdrawnReason: string | null;
  /** Set only on a project made from a matchmaking cooperation. */
  cooperationId?: string;
  /** Business time of the latest event: no later event may claim an earlier time. */
  lastOccurredAt: string;
}

/** null: nothing has been submitted on this stream. */
export type ProjectState = Project | null;

type ClosedStatus = 'rejected' | 'landed' | 'withdrawn';
const isClosed = (status: ProjectStatus): status is ClosedStatus =>
  status === 'rejected' || status === 'landed' || status === 'withdrawn';

// ---------------------------------------------------------------------------------------------
// decide. Every command is checked in the same order: the stream (404/409), the command's own
// input (400), the project's status (409), rules needing the state (400/403/409), and last the
// business time against the previous event (409).
// ---------------------------------------------------------------------------------------------

function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'SubmitProject') return submit(command, state);
  if (state === null) throw projectErrors.notFound();
  switch (command.type) {
    case 'ReviewProject':
      return review(command, state);
    case 'ReviseSubmission':
      return reviseSubmission(command, state);
    case 'PresentProject':
      return present(command, state);
    case 'AssignLandingPlan':
      return assignLandingPlan(command, state);
    case 'ReportProgress':
      return reportProgress(command, state);
    case 'ResolveNeed':
      return resolveNeed(command, state);
    case 'LandProject':
      return land(command, state);
    case 'WithdrawProject':
      return withdraw(command, state);
  }
}

function submit({ data, metadata }: SubmitProject, state: ProjectState): ProjectEvent[] {
  if (state !== null) throw projectErrors.alreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  if (!data.enterprise) throw projectErrors.enterpriseNotFound();
  return [
    {
      type: 'ProjectSubmitted',
      data: withoutUndefined({
        projectId: requiredText(data.projectId, 'projectId'),
        enterpriseId: data.enterprise.id,
        enterpriseName: data.enterprise.name,
        title: requiredText(data.title, 'title'),
        summary: optionalText(data.summary, 'summary'),
        industryChain: requiredText(data.industryChain, 'industryChain'),
        district: optionalText(data.district, 'district'),
        investmentYuan: amountInYuan(data.investmentYuan, 'investmentYuan'),
        needs: needsOf(list(data.needs, 'needs')),
        cooperationId: optionalText(data.cooperationId, 'cooperationId'),
        occurredAt,
      }),
    },
  ];
}

/**
 * The expert panel may meet several times while a project is submitted; each review is recorded
 * and the latest verdict counts. `revise` keeps the project submitted for the enterprise to
 * improve. `approved` and `rejected` are the panel's concluding verdict and final: the approval
 * time is the project's library entry, which must stay a fixed date because landing rates and
 * time-to-landing are measured from it.
 */
function review({ data, metadata }: ReviewProject, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const event: ProjectEvent = {
    type: 'ProjectReviewed',
    data: withoutUndefined({
      reviewId: requiredText(data.reviewId, 'reviewId'),
      reviewer: { userId: data.reviewer.userId, username: data.reviewer.username },
      verdict: oneOf(data.verdict, REVIEW_VERDICTS, 'verdict'),
      scores: scoresOf(data.scores),
      comment: optionalText(data.comment, 'comment'),
      occurredAt,
    }),
  };
  assertUnderReview(project);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [event];
}

/** The enterprise improves its submission, typically after a `revise` verdict. */
function reviseSubmission({ data, metadata }: ReviseSubmission, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const needs = optionalList(data.needs, 'needs');
  const changes = withoutUndefined({
    title: data.title === undefined ? undefined : requiredText(data.title, 'title'),
    summary: optionalText(data.summary, 'summary'),
    industryChain: data.industryChain === undefined ? undefined : requiredText(data.industryChain, 'industryChain'),
    district: optionalText(data.district, 'district'),
    investmentYuan: optionalAmountInYuan(data.investmentYuan, 'investmentYuan'),
    needs: needs && needsOf(needs),
  });
  if (Object.keys(changes).length === 0) throw projectErrors.nothingToRevise();
  assertUnderReview(project);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'SubmissionRevised', data: { ...changes, occurredAt } }];
}

function present({ data, metadata }: PresentProject, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  if (!data.conference) throw projectErrors.conferenceNotFound();
  switch (project.status) {
    case 'approved':
      break;
    case 'submitted':
      throw projectErrors.notInLibrary();
    case 'presented':
    case 'assigned':
      throw projectErrors.alreadyPresented();
    default:
      throw projectErrors.closed(project.status);
  }
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  const { id, title, heldOn } = data.conference;
  return [{ type: 'ProjectPresented', data: { conferenceId: id, conferenceTitle: title, heldOn, occurredAt } }];
}

/**
 * The first plan assigns the project; a later one replaces the plan as a whole (revision 2, 3,
 * ...). A milestone that was completed stays completed if the new plan keeps its milestoneId.
 */
function assignLandingPlan({ data, metadata }: AssignLandingPlan, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const plan = landingPlanOf(data);
  switch (project.status) {
    case 'presented':
    case 'assigned':
      break;
    case 'submitted':
      throw projectErrors.notInLibrary();
    case 'approved':
      throw projectErrors.notPresented();
    default:
      throw projectErrors.closed(project.status);
  }
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  if (project.plan === null) return [{ type: 'LandingPlanAssigned', data: { ...plan, occurredAt } }];
  return [
    {
      type: 'LandingPlanRevised',
      data: { ...plan, revision: project.plan.revision + 1, replacesPlanId: project.plan.planId, occurredAt },
    },
  ];
}

function reportProgress({ data, metadata }: ReportProgress, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const progressId = requiredText(data.progressId, 'progressId');
  const note = requiredText(data.note, 'note');
  const milestoneId = optionalText(data.milestoneId, 'milestoneId');
  const done = optionalFlag(data.done, 'done') ?? false;
  if (done && milestoneId === undefined) throw projectErrors.milestoneRequiredForDone();

  if (project.status !== 'assigned' || project.plan === null) {
    throw isClosed(project.status) ? projectErrors.closed(project.status) : projectErrors.notAssigned();
  }
  const plan = project.plan;
  const milestone = milestoneId === undefined ? undefined : plan.milestones.find((m) => m.milestoneId === milestoneId);
  if (milestoneId !== undefined && milestone === undefined) throw projectErrors.milestoneNotFound(milestoneId);
  assertMayReport(data.reporter, plan, milestone);
  if (done && milestone?.done) throw projectErrors.milestoneAlreadyDone(milestone.milestoneId);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);

  const reported: ProjectEvent = {
    type: 'ProgressReported',
    data: withoutUndefined({ progressId, milestoneId, note, done, reporter: reporterOf(data.reporter), occurredAt }),
  };
  if (!done || milestone === undefined) return [reported];
  return [reported, { type: 'MilestoneCompleted', data: { milestoneId: milestone.milestoneId, progressId, occurredAt } }];
}

/**
 * Departments see only their own work (docs/api.md, Authentication and roles): a department user reports on milestones of
 * their department, or generally on a project their department leads or supports.
 */
function assertMayReport(reporter: Reporter, plan: ProjectPlan, milestone: ProjectMilestone | undefined): void {
  if (reporter.role !== 'department') return;
  const own = reporter.departmentCode;
  const allowed = milestone
    ? milestone.departmentCode === own
    : own !== undefined && (plan.leadDepartment === own || plan.supportingDepartments.includes(own));
  if (!allowed) throw projectErrors.notYourAssignment();
}

// Only what the history needs, whatever else the caller's user object carries.
function reporterOf({ userId, username, role, departmentCode }: Reporter): Reporter {
  return withoutUndefined({ userId, username, role, departmentCode });
}

/** Needs can be worked on for as long as the project is open, even before approval. */
function resolveNeed({ data, metadata }: ResolveNeed, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const needId = requiredText(data.needId, 'needId');
  const resolution = requiredText(data.resolution, 'resolution');
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  const need = project.needs.find((n) => n.needId === needId);
  if (!need) throw projectErrors.needNotFound(needId);
  if (need.resolved) throw projectErrors.needAlreadyResolved(needId);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'NeedResolved', data: { needId, resolution, occurredAt } }];
}

/**
 * Landing is recorded by date. Its business time is the end of that day (CST), so an as-of
 * dashboard for `landedOn` counts it — or now, when the landing is recorded on the day itself,
 * since nothing may be dated in the future.
 */
function land({ data, metadata }: LandProject, project: Project): ProjectEvent[] {
  const landedOn = calendarDate(data.landedOn, 'landedOn');
  const actualInvestmentYuan = optionalAmountInYuan(data.actualInvestmentYuan, 'actualInvestmentYuan');
  const evidence = optionalText(data.evidence, 'evidence');
  const today = businessDate(metadata.now);
  if (landedOn > today) throw projectErrors.landedOnInFuture(today);

  switch (project.status) {
    case 'assigned':
      break;
    case 'submitted':
      throw projectErrors.notInLibrary();
    case 'approved':
    case 'presented':
      throw projectErrors.hasNoLandingPlan();
    case 'landed':
      throw projectErrors.alreadyLanded();
    default:
      throw projectErrors.closed(project.status);
  }
  const previousDate = businessDate(project.lastOccurredAt);
  if (landedOn < previousDate) throw projectErrors.landedOnBeforePreviousEvent(previousDate);
  const occurredAt = earlierOf(metadata.now, endOfBusinessDay(landedOn));
  // Only a caller clock running behind the stream's last event can trip this.
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'ProjectLanded', data: withoutUndefined({ landedOn, actualInvestmentYuan, evidence, occurredAt }) }];
}

function withdraw({ data, metadata }: WithdrawProject, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const reason = requiredText(data.reason, 'reason');
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'ProjectWithdrawn', data: { reason, occurredAt } }];
}

function assertUnderReview(project: Project): void {
  if (project.status === 'submitted') return;
  if (project.status === 'withdrawn') throw projectErrors.closed(project.status);
  throw projectErrors.alreadyDecided(project.status);
}

// ---------------------------------------------------------------------------------------------
// Input shapes
// ---------------------------------------------------------------------------------------------

function needsOf(values: unknown[]): Need[] {
  const needs = values.map((value, i) => {
    const need = object(value, `needs[${i}]`);
    return {
      needId: requiredText(need.needId, `needs[${i}].needId`),
      kind: oneOf(need.kind, NEED_KINDS, `needs[${i}].kind`),
      description: requiredText(need.description, `needs[${i}].description`),
    };
  });
  assertDistinctIds(
    needs.map((n) => n.needId),
    (i) => `needs[${i}].needId`,
  );
  return needs;
}

function scoresOf(value: unknown): ReviewScores {
  const scores = object(value, 'scores');
  const score = (key: keyof ReviewScores): number => {
    const n = scores[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) throw projectErrors.invalidScore(`scores.${key}`);
    return n;
  };
  return { idea: score('idea'), validation: score('validation'), feasibility: score('feasibility') };
}

function landingPlanOf(data: AssignLandingPlan['data']): LandingPlan {
  const known = new Set(data.knownDepartments);
  const department = (value: unknown, field: string): string => {
    const code = requiredText(value, field);
    if (!known.has(code)) throw projectErrors.unknownDepartment(code, field);
    return code;
  };

  const planId = requiredText(data.planId, 'planId');
  const leadDepartment = department(data.leadDepartment, 'leadDepartment');
  const supportingDepartments = list(data.supportingDepartments, 'supportingDepartments').map((value, i) => {
    const field = `supportingDepartments[${i}]`;
    const code = department(value, field);
    if (code === leadDepartment) throw projectErrors.leadAlsoSupporting(code, field);
    return code;
  });
  supportingDepartments.forEach((code, i) => {
    if (supportingDepartments.indexOf(code) < i) throw projectErrors.duplicateDepartment(code, `supportingDepartments[${i}]`);
  });

  const milestones = list(data.milestones, 'milestones').map((value, i): PlannedMilestone => {
    const path = `milestones[${i}]`;
    const milestone = object(value, path);
    return {
      milestoneId: requiredText(milestone.milestoneId, `${path}.milestoneId`),
      title: requiredText(milestone.title, `${path}.title`),
      dueOn: calendarDate(milestone.dueOn, `${path}.dueOn`),
      departmentCode: department(milestone.departmentCode, `${path}.departmentCode`),
      owner: requiredText(milestone.owner, `${path}.owner`),
    };
  });
  if (milestones.length === 0) throw projectErrors.milestoneRequired();
  assertDistinctIds(
    milestones.map((m) => m.milestoneId),
    (i) => `milestones[${i}].milestoneId`,
  );
  return { planId, leadDepartment, supportingDepartments, milestones };
}

// ---------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------

function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      id: data.projectId,
      status: 'submitted',
      enterpriseId: data.enterpriseId,
      enterpriseName: data.enterpriseName,
      title: data.title,
      summary: data.summary ?? null,
      industryChain: data.industryChain,
      district: data.district ?? null,
      investmentYuan: data.investmentYuan,
      needs: data.needs.map((need) => ({ ...need, resolved: false, resolution: null, resolvedAt: null })),
      reviews: [],
      submittedAt: data.occurredAt,
      enteredLibraryAt: null,
      conferenceId: null,
      presentedAt: null,
      plan: null,
      landedOn: null,
      actualInvestmentYuan: null,
      withdrawnReason: null,
      ...(data.cooperationId !== undefined && { cooperationId: data.cooperationId }),
      lastOccurredAt: data.occurredAt,
    };
  }
  // A stored stream always starts with ProjectSubmitted; anything else means it is corrupt.
  if (state === null) throw new Error(`${event.type} cannot apply to a project stream that has no ProjectSubmitted event.`);
  const project: Project = { ...state, lastOccurredAt: event.data.occurredAt };

  switch (event.type) {
    case 'ProjectReviewed': {
      const { data } = event;
      const review: ProjectReview = {
        reviewId: data.reviewId,
        reviewer: data.reviewer,
        verdict: data.verdict,
        scores: data.scores,
        comment: data.comment ?? null,
        occurredAt: data.occurredAt,
      };
      const reviews = [...project.reviews, review];
      if (data.verdict === 'approved') return { ...project, reviews, status: 'approved', enteredLibraryAt: data.occurredAt };
      if (data.verdict === 'rejected') return { ...project, reviews, status: 'rejected' };
      return { ...project, reviews };
    }
    case 'SubmissionRevised': {
      const { needs, occurredAt, ...changes } = event.data;
      return { ...project, ...changes, needs: needs ? revisedNeeds(project.needs, needs) : project.needs };
    }
    case 'ProjectPresented':
      return { ...project, status: 'presented', conferenceId: event.data.conferenceId, presentedAt: event.data.occurredAt };
    case 'LandingPlanAssigned':
      return { ...project, status: 'assigned', plan: planFrom(event.data, 1, null) };
    case 'LandingPlanRevised':
      return { ...project, plan: planFrom(event.data, event.data.revision, project.plan) };
    case 'ProgressReported':
      return project;
    case 'MilestoneCompleted': {
      const { milestoneId, occurredAt } = event.data;
      const plan = project.plan && {
        ...project.plan,
        milestones: project.plan.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, done: true, doneAt: occurredAt } : m)),
      };
      return { ...project, plan };
    }
    case 'NeedResolved': {
      const { needId, resolution, occurredAt } = event.data;
      const needs = project.needs.map((n) => (n.needId === needId ? { ...n, resolved: true, resolution, resolvedAt: occurredAt } : n));
      return { ...project, needs };
    }
    case 'ProjectLanded':
      return {
        ...project,
        status: 'landed',
        landedOn: event.data.landedOn,
        actualInvestmentYuan: event.data.actualInvestmentYuan ?? null,
      };
    case 'ProjectWithdrawn':
      return { ...project, status: 'withdrawn', withdrawnReason: event.data.reason };
  }
}

/** A need the revision keeps (by needId) keeps its resolution; the others are new and open. */
function revisedNeeds(current: ProjectNeed[], revised: Need[]): ProjectNeed[] {
  return revised.map((need) => {
    const kept = current.find((n) => n.needId === need.needId);
    return { ...need, resolved: kept?.resolved ?? false, resolution: kept?.resolution ?? null, resolvedAt: kept?.resolvedAt ?? null };
  });
}

/** A milestone completed under the previous plan stays completed if the new plan keeps its id. */
function planFrom(plan: LandingPlan & { occurredAt: string }, revision: number, previous: ProjectPlan | null): ProjectPlan {
  return {
    planId: plan.planId,
    revision,
    leadDepartment: plan.leadDepartment,
    supportingDepartments: [...plan.supportingDepartments],
    milestones: plan.milestones.map((m) => {
      const kept = previous?.milestones.find((p) => p.milestoneId === m.milestoneId);
      return { ...m, done: kept?.done ?? false, doneAt: kept?.doneAt ?? null };
    }),
    assignedAt: plan.occurredAt,
  };
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
