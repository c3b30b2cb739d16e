import {
  assertNotBeforePrevious,
  businessDate,
  earlierOf,
  endOfBusinessDay,
  resolveOccurredAt,
} from '../kernel/business-time';
import { withoutUndefined } from '../kernel/validation';
import { addDays } from '../supervision/warning-ladder';
import { mayActOn } from './project.access';
import {
  AssignLandingPlan,
  CorrectLanding,
  FollowUpNeed,
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
import { OpenItem, ProjectEvent, Reporter } from './project.events';
import {
  followUpOf,
  landingCorrectionOf,
  landingOf,
  landingPlanOf,
  progressOf,
  resolutionOf,
  reviewOf,
  revisionOf,
  submissionOf,
  withdrawalOf,
} from './project.input';
import { evolveProject } from './project.evolve';
import { isClosed, Project, ProjectMilestone, ProjectState } from './project.state';
import { acknowledgeNotice, answerNotice, issueNotice, superviseProject } from './project.supervision';

/**
 * Every command is checked in the same order: the stream (404/409), who acts where that is
 * limited to some (403), the command's own input (400, project.input.ts), the project's status
 * (409), rules needing the state (400/403/409), and last the business time against the previous
 * event (409).
 */
export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
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
    case 'CorrectLanding':
      return correctLanding(command, state);
    case 'FollowUpNeed':
      return followUpNeed(command, state);
    case 'IssueSupervisionNotice':
      return issueNotice(command, state);
    case 'AcknowledgeSupervisionNotice':
      return acknowledgeNotice(command, state);
    case 'AnswerSupervisionNotice':
      return answerNotice(command, state);
    case 'SuperviseProject':
      return superviseProject(command, state, (project, event) => evolveProject(project, event) as Project);
  }
}

function submit({ data, metadata }: SubmitProject, state: ProjectState): ProjectEvent[] {
  if (state !== null) throw projectErrors.alreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  if (!data.enterprise) throw projectErrors.enterpriseNotFound();
  const { id: enterpriseId, name: enterpriseName } = data.enterprise;
  return [
    {
      type: 'ProjectSubmitted',
      data: withoutUndefined({ ...submissionOf(data), enterpriseId, enterpriseName, occurredAt }),
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
  const review = reviewOf(data);
  assertUnderReview(project);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'ProjectReviewed', data: { ...review, occurredAt } }];
}

/** The enterprise improves its submission, typically after a `revise` verdict. */
function reviseSubmission({ data, metadata }: ReviseSubmission, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const changes = revisionOf(data);
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
  // A presentation dated before its conference would count a project as presented (and landable) too early.
  if (businessDate(occurredAt) < heldOn) throw projectErrors.presentationBeforeConference(heldOn);
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
  const { progressId, note, milestoneId, done, reporter, evidenceFileIds } = progressOf(data);

  if (project.status !== 'assigned' || project.plan === null) {
    throw isClosed(project.status) ? projectErrors.closed(project.status) : projectErrors.notAssigned();
  }
  const milestone =
    milestoneId === undefined ? undefined : project.plan.milestones.find((m) => m.milestoneId === milestoneId);
  if (milestoneId !== undefined && milestone === undefined) throw projectErrors.milestoneNotFound(milestoneId);
  assertMayReport(reporter, project, milestone);
  if (done && milestone?.done) throw projectErrors.milestoneAlreadyDone(milestone.milestoneId);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);

  const reported: ProjectEvent = {
    type: 'ProgressReported',
    data: withoutUndefined({ progressId, milestoneId, note, done, reporter, evidenceFileIds, occurredAt }),
  };
  if (!done || milestone === undefined) return [reported];
  return [
    reported,
    { type: 'MilestoneCompleted', data: { milestoneId: milestone.milestoneId, progressId, occurredAt } },
  ];
}

/**
 * Departments see only their own work (docs/api.md, Authentication and roles): a department user
 * reports on milestones of their department, or generally on a project their department acts on.
 */
function assertMayReport(reporter: Reporter, project: Project, milestone: ProjectMilestone | undefined): void {
  if (reporter.role !== 'department') return;
  const allowed = milestone ? milestone.departmentCode === reporter.departmentCode : mayActOn(reporter, project);
  if (!allowed) throw projectErrors.notYourAssignment();
}

/**
 * Needs can be worked on for as long as the project is open, even before approval. A department
 * outside the project is refused before anything else, so it learns nothing about the project.
 */
function resolveNeed({ data, metadata }: ResolveNeed, project: Project): ProjectEvent[] {
  if (!mayActOn(data.resolvedBy, project)) throw projectErrors.notYourProject();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const { needId, resolution, evidenceFileIds } = resolutionOf(data);
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  const need = project.needs.find((n) => n.needId === needId);
  if (!need) throw projectErrors.needNotFound(needId);
  if (need.resolved) throw projectErrors.needAlreadyResolved(needId);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'NeedResolved', data: withoutUndefined({ needId, resolution, evidenceFileIds, occurredAt }) }];
}

/**
 * 回访: the enterprise says how a resolved need was met. Unsatisfied sends it back (退回重办): it
 * is open again, for the departments to resolve anew. Like resolving, only on an open project.
 */
function followUpNeed({ data, metadata }: FollowUpNeed, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const { followUpId, needId, satisfaction, comment, evidenceFileIds } = followUpOf(data);
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  const need = project.needs.find((n) => n.needId === needId);
  if (!need) throw projectErrors.needNotFound(needId);
  if (!need.resolved) throw projectErrors.needNotResolved(needId);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  const followedUp: ProjectEvent = {
    type: 'NeedFollowedUp',
    data: withoutUndefined({ followUpId, needId, satisfaction, comment, evidenceFileIds, occurredAt }),
  };
  if (satisfaction !== 'unsatisfied') return [followedUp];
  const reopened: ProjectEvent = { type: 'NeedReopened', data: { needId, followUpId, occurredAt } };
  if (project.plan === null) return [followedUp, reopened];
  // 退回重办 under supervision: a 督办单 to the department answering for the need (the lead, as
  // for every need's notice), to be answered within the settings' responseDays.
  const notice: ProjectEvent = {
    type: 'SupervisionNoticeIssued',
    data: {
      noticeId: data.noticeId,
      needId,
      departmentCode: project.plan.leadDepartment,
      level: 'supervision',
      message: comment ? `企业回访不满意，退回重办：${comment}` : '企业回访不满意，退回重办',
      respondBy: addDays(businessDate(metadata.now), data.responseDays),
      source: 'manual',
      occurredAt,
    },
  };
  return [followedUp, reopened, notice];
}

/**
 * Landing is recorded by date. Its business time is the end of that day (CST), so an as-of
 * dashboard for `landedOn` counts it — or now, when the landing is recorded on the day itself,
 * since nothing may be dated in the future.
 */
function land({ data, metadata }: LandProject, project: Project): ProjectEvent[] {
  const { landedOn, actualInvestmentYuan, evidence, confirmOpenItems, evidenceFileIds } = landingOf(data);
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
  const open = openItemsOf(project);
  if (open.length > 0 && !confirmOpenItems) throw projectErrors.landingHasOpenItems(open);
  const previousDate = businessDate(project.lastOccurredAt);
  if (landedOn < previousDate) throw projectErrors.landedOnBeforePreviousEvent(previousDate);
  const occurredAt = earlierOf(metadata.now, endOfBusinessDay(landedOn));
  // Only a caller clock running behind the stream's last event can trip this.
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  const confirmedOpenItems = open.length > 0 ? open : undefined;
  return [
    {
      type: 'ProjectLanded',
      data: withoutUndefined({
        landedOn,
        actualInvestmentYuan,
        evidence,
        confirmedOpenItems,
        evidenceFileIds,
        occurredAt,
      }),
    },
  ];
}

/** The milestones of the plan in force not yet done, then the needs not yet resolved. */
export function openItemsOf(project: Project): OpenItem[] {
  return [
    ...(project.plan?.milestones ?? [])
      .filter((m) => !m.done)
      .map((m): OpenItem => ({ kind: 'milestone', id: m.milestoneId, title: m.title })),
    ...project.needs
      .filter((n) => !n.resolved)
      .map((n): OpenItem => ({ kind: 'need', id: n.needId, title: n.description })),
  ];
}

/**
 * The correction is dated now (when it was made); the corrected landing keeps the rules of a
 * landing: not after today, not before the event that preceded the landing.
 */
function correctLanding({ data, metadata }: CorrectLanding, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(undefined, metadata.now);
  const { reason, landedOn } = landingCorrectionOf(data);
  if (project.status !== 'landed' || project.landedOn === null) throw projectErrors.notLanded();
  const previousLandedOn = project.landedOn;
  const correctedBy = { userId: data.correctedBy.userId, username: data.correctedBy.username };
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  if (landedOn === undefined) {
    return [{ type: 'LandingRevoked', data: { reason, previousLandedOn, correctedBy, occurredAt } }];
  }
  const today = businessDate(metadata.now);
  if (landedOn > today) throw projectErrors.landedOnInFuture(today);
  const notBefore = businessDate(project.landedAfter ?? project.lastOccurredAt);
  if (landedOn < notBefore) throw projectErrors.landedOnBeforePreviousEvent(notBefore);
  if (landedOn === previousLandedOn) throw projectErrors.landingUnchanged(landedOn);
  const landedAt = earlierOf(metadata.now, endOfBusinessDay(landedOn));
  return [
    {
      type: 'LandingCorrected',
      data: { reason, landedOn, landedAt, previousLandedOn, correctedBy, occurredAt },
    },
  ];
}

function withdraw({ data, metadata }: WithdrawProject, project: Project): ProjectEvent[] {
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const { reason } = withdrawalOf(data);
  if (isClosed(project.status)) throw projectErrors.closed(project.status);
  assertNotBeforePrevious(occurredAt, project.lastOccurredAt);
  return [{ type: 'ProjectWithdrawn', data: { reason, occurredAt } }];
}

function assertUnderReview(project: Project): void {
  if (project.status === 'submitted') return;
  if (project.status === 'withdrawn') throw projectErrors.closed(project.status);
  throw projectErrors.alreadyDecided(project.status);
}
