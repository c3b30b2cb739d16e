import { DomainEvent } from '../kernel/decider';
import { UserRole } from '../kernel/user-role';

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
  { progressId: string; milestoneId?: string; note: string; done: boolean; reporter: Reporter; occurredAt: string }
>;

export type MilestoneCompleted = DomainEvent<
  'MilestoneCompleted',
  { milestoneId: string; progressId: string; occurredAt: string }
>;

export type NeedResolved = DomainEvent<'NeedResolved', { needId: string; resolution: string; occurredAt: string }>;

/** `occurredAt` is derived from `landedOn`: the end of that business day, or now if earlier. */
export type ProjectLanded = DomainEvent<
  'ProjectLanded',
  { landedOn: string; actualInvestmentYuan?: number; evidence?: string; occurredAt: string }
>;

export type ProjectWithdrawn = DomainEvent<'ProjectWithdrawn', { reason: string; occurredAt: string }>;

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
