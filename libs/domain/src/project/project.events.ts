import { DomainEvent } from '../kernel/decider';
import { UserRole } from '../kernel/user-role';

/** The enterprise's answer when the task force follows a resolved need up (回访): 满意, 基本满意, 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** What an enterprise needs to land the project (用地、人才、融资、订单、政策、其他). */
export const NEED_KINDS = ['land', 'talent', 'financing', 'orders', 'policy', 'other'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export interface Need {
  needId: string;
  kind: NeedKind;
  description: string;
}

/** `revise` sends the submission back to the enterprise; the project stays submitted. */
export const REVIEW_VERDICTS = ['approved', 'rejected', 'revise'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** The three review principles, each 0..100: 创意好 (idea), 论证实 (validation), 可落地 (feasibility). */
export interface ReviewScores {
  idea: number;
  validation: number;
  feasibility: number;
}

export interface Reviewer {
  userId: string;
  username: string;
}

export interface Reporter {
  userId: string;
  username: string;
  role: UserRole;
  departmentCode?: string;
}

export interface PlannedMilestone {
  milestoneId: string;
  title: string;
  /** Business date (CST). */
  dueOn: string;
  departmentCode: string;
  /** The responsible person. */
  owner: string;
}

/** 一项目一策: one lead department, supporting departments, milestones. */
export interface LandingPlan {
  planId: string;
  leadDepartment: string;
  supportingDepartments: string[];
  milestones: PlannedMilestone[];
}

export type ProjectSubmitted = DomainEvent<
  'ProjectSubmitted',
  {
    projectId: string;
    enterpriseId: string;
    /** As registered when submitted, so views need not look the enterprise up. */
    enterpriseName: string;
    title: string;
    summary?: string;
    industryChain: string;
    district?: string;
    investmentYuan: number;
    needs: Need[];
    /** The signed matchmaking cooperation this project was made from (linked both ways). */
    cooperationId?: string;
    occurredAt: string;
  }
>;

export type ProjectReviewed = DomainEvent<
  'ProjectReviewed',
  {
    reviewId: string;
    reviewer: Reviewer;
    verdict: ReviewVerdict;
    scores: ReviewScores;
    comment?: string;
    occurredAt: string;
  }
>;

/** Carries only the fields that changed; `needs`, when present, replaces the whole list. */
export type SubmissionRevised = DomainEvent<
  'SubmissionRevised',
  {
    title?: string;
    summary?: string;
    industryChain?: string;
    district?: string;
    investmentYuan?: number;
    needs?: Need[];
    occurredAt: string;
  }
>;

export type ProjectPresented = DomainEvent<
  'ProjectPresented',
  { conferenceId: string; conferenceTitle: string; heldOn: string; occurredAt: string }
>;

export type LandingPlanAssigned = DomainEvent<'LandingPlanAssigned', LandingPlan & { occurredAt: string }>;

/** A later plan replaces the current one; the earlier ones stay in the history. */
export type LandingPlanRevised = DomainEvent<
  'LandingPlanRevised',
  LandingPlan & { revision: number; replacesPlanId: string; occurredAt: string }
>;

export type ProgressReported = DomainEvent<
  'ProgressReported',
  {
    progressId: string;
    milestoneId?: string;
    note: string;
    done: boolean;
    reporter: Reporter;
    /** Evidence files (佐证材料, `POST /api/files`), when the report names any. */
    evidenceFileIds?: string[];
    occurredAt: string;
  }
>;

export type MilestoneCompleted = DomainEvent<
  'MilestoneCompleted',
  { milestoneId: string; progressId: string; occurredAt: string }
>;

export type NeedResolved = DomainEvent<
  'NeedResolved',
  { needId: string; resolution: string; evidenceFileIds?: string[]; occurredAt: string }
>;

/** A milestone not done or a need not resolved: what a landing would leave open. */
export interface OpenItem {
  kind: 'milestone' | 'need';
  /** The milestoneId or needId. */
  id: string;
  /** The milestone's title or the need's description. */
  title: string;
}

/**
 * `occurredAt` is derived from `landedOn`: the end of that business day, or now if earlier.
 * `confirmedOpenItems`: the items still open that the task force confirmed when landing.
 */
export type ProjectLanded = DomainEvent<
  'ProjectLanded',
  {
    landedOn: string;
    actualInvestmentYuan?: number;
    evidence?: string;
    confirmedOpenItems?: OpenItem[];
    evidenceFileIds?: string[];
    occurredAt: string;
  }
>;

export type ProjectWithdrawn = DomainEvent<'ProjectWithdrawn', { reason: string; occurredAt: string }>;

/**
 * The landing date was wrong: from now on the project counts as landed on `landedOn`, at
 * `landedAt` (business time of the landing, derived as ProjectLanded's `occurredAt` is).
 * `occurredAt` is when the correction was made.
 */
export type LandingCorrected = DomainEvent<
  'LandingCorrected',
  {
    reason: string;
    landedOn: string;
    landedAt: string;
    previousLandedOn: string;
    correctedBy: { userId: string; username: string };
    occurredAt: string;
  }
>;

/** The project had not landed after all: it is back in its landing plan (status assigned). */
export type LandingRevoked = DomainEvent<
  'LandingRevoked',
  { reason: string; previousLandedOn: string; correctedBy: { userId: string; username: string }; occurredAt: string }
>;

/** 回访: the enterprise was asked about a resolved need. */
export type NeedFollowedUp = DomainEvent<
  'NeedFollowedUp',
  {
    followUpId: string;
    needId: string;
    satisfaction: Satisfaction;
    comment?: string;
    evidenceFileIds?: string[];
    occurredAt: string;
  }
>;

/** 退回重办: the need is unresolved again (after an unsatisfied follow-up), until resolved anew. */
export type NeedReopened = DomainEvent<'NeedReopened', { needId: string; followUpId: string; occurredAt: string }>;

export type ProjectEvent =
  | ProjectSubmitted
  | ProjectReviewed
  | SubmissionRevised
  | ProjectPresented
  | LandingPlanAssigned
  | LandingPlanRevised
  | ProgressReported
  | MilestoneCompleted
  | NeedResolved
  | ProjectLanded
  | ProjectWithdrawn
  | LandingCorrected
  | LandingRevoked
  | NeedFollowedUp
  | NeedReopened
  | SupervisionEvent;

/** 催办单 (reminder) or 督办单 (supervision); see the supervision section of docs/api.md. */
export const NOTICE_LEVELS = ['reminder', 'supervision'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/**
 * A notice to the department responsible for one milestone or need. `source: 'scheduler'` ones
 * carry the ladder `step` the item entered, at most one per item and step.
 */
export type SupervisionNoticeIssued = DomainEvent<
  'SupervisionNoticeIssued',
  {
    noticeId: string;
    milestoneId?: string;
    needId?: string;
    departmentCode: string;
    level: NoticeLevel;
    message: string;
    /** Business date by which the department is to answer. */
    respondBy: string;
    source: 'manual' | 'scheduler';
    step?: 'yellow' | 'red' | 'escalated';
    occurredAt: string;
  }
>;

/** 签收: the department has received the notice. */
export type SupervisionNoticeAcknowledged = DomainEvent<
  'SupervisionNoticeAcknowledged',
  { noticeId: string; occurredAt: string }
>;

/** 反馈: the department's answer; `late` when given after respondBy. */
export type SupervisionNoticeAnswered = DomainEvent<
  'SupervisionNoticeAnswered',
  { noticeId: string; note: string; late: boolean; occurredAt: string }
>;

/** The notice went unanswered past respondBy, or was answered late: once per notice. */
export type SupervisionNoticeEscalated = DomainEvent<
  'SupervisionNoticeEscalated',
  { noticeId: string; occurredAt: string }
>;

export type SupervisionEvent =
  SupervisionNoticeIssued | SupervisionNoticeAcknowledged | SupervisionNoticeAnswered | SupervisionNoticeEscalated;
