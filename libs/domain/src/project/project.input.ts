import { INPUT_LIMITS } from '../kernel/input-limits';
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
  CorrectLanding,
  FollowUpNeed,
  LandProject,
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
  Reporter,
  ReviewScores,
  REVIEW_VERDICTS,
  SATISFACTION_LEVELS,
} from './project.events';

/**
 * The commands' own input, checked and cleaned (400 when wrong): what decide needs before it
 * looks at the project. Lengths and list sizes are those of INPUT_LIMITS.project. Each function
 * checks its fields in the order they are listed, so the first wrong one is the one reported.
 */

const L = INPUT_LIMITS.project;

export function submissionOf(data: SubmitProject['data']) {
  return {
    projectId: requiredText(data.projectId, 'projectId'),
    title: requiredText(data.title, 'title', L.title),
    summary: optionalText(data.summary, 'summary', L.summary),
    industryChain: requiredText(data.industryChain, 'industryChain', L.industryChain),
    district: optionalText(data.district, 'district', L.district),
    investmentYuan: amountInYuan(data.investmentYuan, 'investmentYuan'),
    needs: needsOf(list(data.needs, 'needs', L.needs)),
    cooperationId: optionalText(data.cooperationId, 'cooperationId', L.title),
  };
}

export function reviewOf(data: ReviewProject['data']) {
  return withoutUndefined({
    reviewId: requiredText(data.reviewId, 'reviewId'),
    reviewer: { userId: data.reviewer.userId, username: data.reviewer.username },
    verdict: oneOf(data.verdict, REVIEW_VERDICTS, 'verdict'),
    scores: scoresOf(data.scores),
    comment: optionalText(data.comment, 'comment', L.reviewComment),
  });
}

/** Only the fields the revision sets; empty when it sets none. */
export function revisionOf(data: ReviseSubmission['data']) {
  const needs = optionalList(data.needs, 'needs', L.needs);
  return withoutUndefined({
    title: data.title === undefined ? undefined : requiredText(data.title, 'title', L.title),
    summary: optionalText(data.summary, 'summary', L.summary),
    industryChain:
      data.industryChain === undefined ? undefined : requiredText(data.industryChain, 'industryChain', L.industryChain),
    district: optionalText(data.district, 'district', L.district),
    investmentYuan: optionalAmountInYuan(data.investmentYuan, 'investmentYuan'),
    needs: needs && needsOf(needs),
  });
}

export function landingPlanOf(data: AssignLandingPlan['data']): LandingPlan {
  const known = new Set(data.knownDepartments);
  const department = (value: unknown, field: string): string => {
    const code = requiredText(value, field);
    if (!known.has(code)) throw projectErrors.unknownDepartment(code, field);
    return code;
  };

  const planId = requiredText(data.planId, 'planId');
  const leadDepartment = department(data.leadDepartment, 'leadDepartment');
  const supportingDepartments = list(data.supportingDepartments, 'supportingDepartments', L.supportingDepartments).map(
    (value, i) => {
      const field = `supportingDepartments[${i}]`;
      const code = department(value, field);
      if (code === leadDepartment) throw projectErrors.leadAlsoSupporting(code, field);
      return code;
    },
  );
  supportingDepartments.forEach((code, i) => {
    if (supportingDepartments.indexOf(code) < i)
      throw projectErrors.duplicateDepartment(code, `supportingDepartments[${i}]`);
  });

  const milestones = list(data.milestones, 'milestones', L.milestones).map((value, i): PlannedMilestone => {
    const path = `milestones[${i}]`;
    const milestone = object(value, path);
    return {
      milestoneId: requiredText(milestone.milestoneId, `${path}.milestoneId`),
      title: requiredText(milestone.title, `${path}.title`, L.milestoneTitle),
      dueOn: calendarDate(milestone.dueOn, `${path}.dueOn`),
      departmentCode: department(milestone.departmentCode, `${path}.departmentCode`),
      owner: requiredText(milestone.owner, `${path}.owner`, L.milestoneOwner),
    };
  });
  if (milestones.length === 0) throw projectErrors.milestoneRequired();
  assertDistinctIds(
    milestones.map((m) => m.milestoneId),
    (i) => `milestones[${i}].milestoneId`,
  );
  return { planId, leadDepartment, supportingDepartments, milestones };
}

export function progressOf(data: ReportProgress['data']) {
  const progressId = requiredText(data.progressId, 'progressId');
  const note = requiredText(data.note, 'note', L.progressNote);
  const milestoneId = optionalText(data.milestoneId, 'milestoneId');
  const done = optionalFlag(data.done, 'done') ?? false;
  if (done && milestoneId === undefined) throw projectErrors.milestoneRequiredForDone();
  return {
    progressId,
    note,
    milestoneId,
    done,
    reporter: reporterOf(data.reporter),
    evidenceFileIds: evidenceFileIdsOf(data.evidenceFileIds),
  };
}

/** The evidence files a command names (uploaded first, `POST /api/files`); none: undefined. */
export function evidenceFileIdsOf(value: unknown): string[] | undefined {
  const ids = optionalList(value, 'evidenceFileIds', L.evidenceFiles)?.map((id, i) =>
    requiredText(id, `evidenceFileIds[${i}]`),
  );
  if (ids === undefined || ids.length === 0) return undefined;
  assertDistinctIds(ids, (i) => `evidenceFileIds[${i}]`);
  return ids;
}

export function resolutionOf(data: ResolveNeed['data']) {
  return {
    needId: requiredText(data.needId, 'needId'),
    resolution: requiredText(data.resolution, 'resolution', L.needResolution),
    evidenceFileIds: evidenceFileIdsOf(data.evidenceFileIds),
  };
}

export function landingOf(data: LandProject['data']) {
  return {
    landedOn: calendarDate(data.landedOn, 'landedOn'),
    actualInvestmentYuan: optionalAmountInYuan(data.actualInvestmentYuan, 'actualInvestmentYuan'),
    evidence: optionalText(data.evidence, 'evidence', L.landingEvidence),
    confirmOpenItems: optionalFlag(data.confirmOpenItems, 'confirmOpenItems') ?? false,
    evidenceFileIds: evidenceFileIdsOf(data.evidenceFileIds),
  };
}

export function landingCorrectionOf(data: CorrectLanding['data']) {
  const reason = requiredText(data.reason, 'reason', L.correctionReason);
  const revoke = optionalFlag(data.revoke, 'revoke');
  const landedOn = data.landedOn === undefined ? undefined : calendarDate(data.landedOn, 'landedOn');
  if (revoke === false || (landedOn === undefined) !== (revoke === true))
    throw projectErrors.correctionNeedsOneChange();
  return { reason, landedOn };
}

export function followUpOf(data: FollowUpNeed['data']) {
  return {
    followUpId: requiredText(data.followUpId, 'followUpId'),
    needId: requiredText(data.needId, 'needId'),
    satisfaction: oneOf(data.satisfaction, SATISFACTION_LEVELS, 'satisfaction'),
    comment: optionalText(data.comment, 'comment', L.followUpComment),
    evidenceFileIds: evidenceFileIdsOf(data.evidenceFileIds),
  };
}

export function withdrawalOf(data: WithdrawProject['data']) {
  return { reason: requiredText(data.reason, 'reason', L.withdrawalReason) };
}

function needsOf(values: unknown[]): Need[] {
  const needs = values.map((value, i) => {
    const need = object(value, `needs[${i}]`);
    return {
      needId: requiredText(need.needId, `needs[${i}].needId`),
      kind: oneOf(need.kind, NEED_KINDS, `needs[${i}].kind`),
      description: requiredText(need.description, `needs[${i}].description`, L.needDescription),
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
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > L.scoreMax)
      throw projectErrors.invalidScore(`scores.${key}`);
    return n;
  };
  return { idea: score('idea'), validation: score('validation'), feasibility: score('feasibility') };
}

// Only what the history needs, whatever else the caller's user object carries.
function reporterOf({ userId, username, role, departmentCode }: Reporter): Reporter {
  return withoutUndefined({ userId, username, role, departmentCode });
}
