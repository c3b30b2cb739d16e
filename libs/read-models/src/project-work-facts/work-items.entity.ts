import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { dateColumn, instantColumn, textColumn } from '../column-types';

/*
 * The facts of project_work_facts one row each, in typed columns, for the scorecard counts
 * (departmentTallies): a period's query reads through indexes only the rows due, resolved, issued
 * or open in it instead of unnesting every project's jsonb. Derived from the project's
 * project_work_facts row (see work-items.projection.ts); the project's closing is copied onto the
 * milestone and need rows, since it decides whether their open items still count.
 */

/** One spell of a milestone (see MilestoneSpell): `spell` is its place in the milestone's list. */
@Entity({ name: 'work_milestone_spells' })
@Index('work_milestone_spells_due_on_idx', ['dueOn'])
export class WorkMilestoneSpellRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'milestone_id', type: 'text' })
  milestoneId: string;

  @PrimaryColumn({ name: 'spell', type: 'integer' })
  spell: number;

  /** The milestone's last spell: no later one can supersede it. */
  @Column({ name: 'last', type: 'boolean' })
  last: boolean;

  @Column(instantColumn('since', false))
  since: string;

  @Column(instantColumn('recorded_at', false))
  recordedAt: string;

  @Column(dateColumn('due_on'))
  dueOn: string | null;

  @Column(textColumn('department_code', true))
  departmentCode: string | null;

  @Column(instantColumn('completed_at'))
  completedAt: string | null;

  @Column(instantColumn('completed_recorded_at'))
  completedRecordedAt: string | null;

  @Column(instantColumn('closed_at'))
  closedAt: string | null;

  @Column(instantColumn('closed_recorded_at'))
  closedRecordedAt: string | null;
}

/**
 * One need (see NeedFact) under one of its project's lead spells (`lead`, its place in the list):
 * the department answerable for a need is the lead in force, so an open need counts from the one
 * row whose spell is in force at the cut, read without a look-up. `endedAt` is the first of the
 * ends of that answerability (resolution, removal, closing, a later spell's start) in business
 * time and `endedRecordedAt` its record time (see migration 1765200000000). A project without a
 * lead has no rows: its needs are nobody's yet.
 */
@Entity({ name: 'work_needs' })
@Index('work_needs_resolved_at_idx', ['resolvedAt'])
export class WorkNeedRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'need_id', type: 'text' })
  needId: string;

  @PrimaryColumn({ name: 'lead', type: 'integer' })
  lead: number;

  /** The project's last lead spell: no later one can supersede it. */
  @Column({ name: 'last', type: 'boolean' })
  last: boolean;

  @Column(textColumn('department'))
  department: string;

  @Column(instantColumn('lead_since', false))
  leadSince: string;

  @Column(instantColumn('lead_recorded_at', false))
  leadRecordedAt: string;

  @Column(instantColumn('ended_at'))
  endedAt: string | null;

  @Column(instantColumn('ended_recorded_at'))
  endedRecordedAt: string | null;

  @Column(instantColumn('raised_at', false))
  raisedAt: string;

  @Column(instantColumn('raised_recorded_at', false))
  raisedRecordedAt: string;

  @Column(instantColumn('removed_at'))
  removedAt: string | null;

  @Column(instantColumn('removed_recorded_at'))
  removedRecordedAt: string | null;

  @Column(instantColumn('resolved_at'))
  resolvedAt: string | null;

  @Column(instantColumn('resolved_recorded_at'))
  resolvedRecordedAt: string | null;

  @Column(instantColumn('closed_at'))
  closedAt: string | null;

  @Column(instantColumn('closed_recorded_at'))
  closedRecordedAt: string | null;
}

/** One lead spell (see LeadSpell): `lead` is its place in the project's list. For the 回访. */
@Entity({ name: 'work_leads' })
export class WorkLeadRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'lead', type: 'integer' })
  lead: number;

  @Column(textColumn('department'))
  department: string;

  @Column(instantColumn('since', false))
  since: string;

  @Column(instantColumn('recorded_at', false))
  recordedAt: string;
}

/** One supervision notice (see NoticeFact). */
@Entity({ name: 'work_notices' })
@Index('work_notices_issued_at_idx', ['issuedAt'])
export class WorkNoticeRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'notice_id', type: 'text' })
  noticeId: string;

  @Column(textColumn('department_code'))
  departmentCode: string;

  @Column(instantColumn('issued_at', false))
  issuedAt: string;

  @Column(instantColumn('issued_recorded_at', false))
  issuedRecordedAt: string;

  @Column(instantColumn('acknowledged_at'))
  acknowledgedAt: string | null;

  @Column(instantColumn('acknowledged_recorded_at'))
  acknowledgedRecordedAt: string | null;
}

/** One 回访 (see FollowUpFact): `follow_up` is its place in the project's list. */
@Entity({ name: 'work_follow_ups' })
@Index('work_follow_ups_at_idx', ['at'])
export class WorkFollowUpRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @PrimaryColumn({ name: 'follow_up', type: 'integer' })
  followUp: number;

  @Column(textColumn('satisfaction'))
  satisfaction: 'satisfied' | 'basically' | 'unsatisfied';

  @Column(instantColumn('at', false))
  at: string;

  @Column(instantColumn('recorded_at', false))
  recordedAt: string;
}
