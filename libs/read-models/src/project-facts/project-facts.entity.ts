import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, instantArrayColumn, instantColumn, textColumn } from '../column-types';

/**
 * The dashboard facts of a project: the business time of every status change, so a dashboard as
 * it stood on any date is one query over this table with conditions on these times (see
 * dashboard.query.ts). Never the current status: that too follows from the times.
 *
 * Each fact also holds its record time (`…RecordedAt`: when the event that set it was stored),
 * so `knownAt` can leave out what was not yet known then. Each fact is set once (a revised plan
 * adds a lead period, a landing correction a landing version), so one record time per fact
 * answers "known at" exactly.
 */
@Entity({ name: 'project_facts' })
export class ProjectFactsRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @Column(textColumn('enterprise_id'))
  enterpriseId: string;

  /** Submission attributes can change only while the project is under review (before it enters the library). */
  @Column(textColumn('industry_chain'))
  industryChain: string;

  @Column(textColumn('district', true))
  district: string | null;

  @Column(bigintColumn('investment_yuan'))
  investmentYuan: number;

  @Column(bigintColumn('actual_investment_yuan', true))
  actualInvestmentYuan: number | null;

  @Column(instantColumn('submitted_at', false))
  submittedAt: string;

  @Column(instantColumn('submitted_recorded_at', false))
  submittedRecordedAt: string;

  /** The approving review: library entry. */
  @Column(instantColumn('entered_library_at'))
  enteredLibraryAt: string | null;

  @Column(instantColumn('entered_library_recorded_at'))
  enteredLibraryRecordedAt: string | null;

  @Column(instantColumn('rejected_at'))
  rejectedAt: string | null;

  @Column(instantColumn('rejected_recorded_at'))
  rejectedRecordedAt: string | null;

  @Column(instantColumn('presented_at'))
  presentedAt: string | null;

  @Column(textColumn('conference_id', true))
  conferenceId: string | null;

  /** Record time of the presentation (and so of conferenceId). */
  @Column(instantColumn('presented_recorded_at'))
  presentedRecordedAt: string | null;

  /** The first landing plan. */
  @Column(instantColumn('assigned_at'))
  assignedAt: string | null;

  @Column(instantColumn('assigned_recorded_at'))
  assignedRecordedAt: string | null;

  /** Lead department of every plan, with the time it came into force and was recorded (parallel arrays). */
  @Column({ name: 'lead_departments', type: 'text', array: true })
  leadDepartments: string[];

  @Column(instantArrayColumn('lead_since'))
  leadSince: string[];

  @Column(instantArrayColumn('lead_recorded_at'))
  leadRecordedAt: string[];

  @Column(dateColumn('landed_on'))
  landedOn: string | null;

  /** Business time of the landing event (the end of `landedOn`, CST, when recorded later). */
  @Column(instantColumn('landed_at'))
  landedAt: string | null;

  /** Record time of the landing (and so of landedOn and actualInvestmentYuan). */
  @Column(instantColumn('landed_recorded_at'))
  landedRecordedAt: string | null;

  /**
   * Every version of a corrected landing, in record order (parallel arrays): the date, null when
   * revoked, and when it was recorded. Empty until the first correction.
   */
  @Column({ name: 'landing_on', type: 'date', array: true })
  landingOn: (string | null)[];

  @Column(instantArrayColumn('landing_recorded_at'))
  landingRecordedAt: string[];

  @Column(instantColumn('withdrawn_at'))
  withdrawnAt: string | null;

  @Column(instantColumn('withdrawn_recorded_at'))
  withdrawnRecordedAt: string | null;
}
