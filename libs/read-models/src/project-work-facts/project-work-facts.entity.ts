import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn, textColumn } from '../column-types';

/**
 * A milestone's due date and department from one plan on: a revision that keeps the milestone
 * starts a new spell (its due date may move), one that drops it starts a spell with
 * `dueOn: null`. `since` is the plan's business time, `recordedAt` its record time.
 */
export interface MilestoneSpell {
  since: string;
  recordedAt: string;
  title: string;
  dueOn: string | null;
  departmentCode: string | null;
}

export interface MilestoneFact {
  milestoneId: string;
  spells: MilestoneSpell[];
  /** Completion (business and record time); a kept milestone keeps it across revisions. */
  completedAt: string | null;
  completedRecordedAt: string | null;
}

export interface NeedFact {
  needId: string;
  kind: string;
  description: string;
  raisedAt: string;
  raisedRecordedAt: string;
  /** Dropped by a revised submission (only possible before library entry). */
  removedAt: string | null;
  removedRecordedAt: string | null;
  resolvedAt: string | null;
  resolvedRecordedAt: string | null;
}

/** A supervision notice to a department, and when that department signed for it (签收). */
export interface NoticeFact {
  noticeId: string;
  departmentCode: string;
  issuedAt: string;
  issuedRecordedAt: string;
  acknowledgedAt: string | null;
  acknowledgedRecordedAt: string | null;
}

/** An enterprise follow-up (回访) of a resolved need. */
export interface FollowUpFact {
  needId: string;
  satisfaction: 'satisfied' | 'basically' | 'unsatisfied';
  at: string;
  recordedAt: string;
}

export interface LeadSpell {
  department: string;
  since: string;
  recordedAt: string;
}

/**
 * The work of one project as the department scorecards need it: every milestone with its due
 * dates over time and its completion, every need with when it was raised and resolved, the lead
 * department over time, and when the project closed (landed or withdrawn). Each fact carries its
 * business and its record time, so a scorecard can be computed for any period as known at any
 * instant (see libs/forecast/src/scorecard.ts).
 */
@Entity({ name: 'project_work_facts' })
export class ProjectWorkFactsRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  /** The current title, for the drill-down lists. */
  @Column(textColumn('title'))
  title: string;

  @Column({ name: 'milestones', type: 'jsonb' })
  milestones: MilestoneFact[];

  @Column({ name: 'needs', type: 'jsonb' })
  needs: NeedFact[];

  @Column({ name: 'leads', type: 'jsonb' })
  leads: LeadSpell[];

  @Column({ name: 'notices', type: 'jsonb' })
  notices: NoticeFact[];

  @Column({ name: 'follow_ups', type: 'jsonb' })
  followUps: FollowUpFact[];

  /** Landing or withdrawal: open items of a closed project are no longer anyone's due. */
  @Column(instantColumn('closed_at'))
  closedAt: string | null;

  @Column(instantColumn('closed_recorded_at'))
  closedRecordedAt: string | null;
}
