import { Need, NoticeLevel, PlannedMilestone, Reviewer, ReviewScores, ReviewVerdict } from './project.events';

/** The project as its events leave it: what the decisions need, plus what `GET /api/projects/:id` shows. */

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
  /** Business time of the last event before the landing: a corrected landedOn may not precede it. */
  landedAfter: string | null;
  actualInvestmentYuan: number | null;
  withdrawnReason: string | null;
  /** Set only on a project made from a matchmaking cooperation. */
  cooperationId?: string;
  /** Business time of the latest event: no later event may claim an earlier time. */
  lastOccurredAt: string;
  /** Business time of the first landing plan: a need's response deadline counts from it. */
  firstPlannedAt?: string;
  /** Supervision notices (催办单, 督办单) on the project's items, in the order issued. */
  notices?: SupervisionNotice[];
}

export interface SupervisionNotice {
  noticeId: string;
  milestoneId: string | null;
  needId: string | null;
  departmentCode: string;
  level: NoticeLevel;
  message: string;
  respondBy: string;
  source: 'manual' | 'scheduler';
  step: 'yellow' | 'red' | 'escalated' | null;
  issuedAt: string;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  note: string | null;
  late: boolean;
  escalatedAt: string | null;
}

/** null: nothing has been submitted on this stream. */
export type ProjectState = Project | null;

export const initialProjectState = (): ProjectState => null;

export type ClosedStatus = 'rejected' | 'landed' | 'withdrawn';
export const isClosed = (status: ProjectStatus): status is ClosedStatus =>
  status === 'rejected' || status === 'landed' || status === 'withdrawn';
