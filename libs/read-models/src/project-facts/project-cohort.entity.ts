import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, instantArrayColumn, instantColumn, textColumn } from '../column-types';

/** A business date `YYYY-MM-DD`, or `infinity`: not (yet). */
const dayColumn = (name: string) => dateColumn(name, false);
/** When the fact was recorded, or `infinity`: not (yet). */
const recordedColumn = (name: string) => ({ ...instantColumn(name, false), transformer: undefined });

/**
 * A project's dashboard facts in a narrow row: the business date (CST) of each status change and
 * when it was recorded, `infinity` when it has not happened. The dashboards' aggregates (summary,
 * landing rates, the forecast's follow-ups) read every library row, so the row is built to be read
 * fast: fixed-width columns first and never null, so PostgreSQL finds each at a fixed offset; the
 * variable ones after, the arrays null unless needed. Derived from project_facts
 * (project-cohort.projection.ts), which the lists behind the figures read.
 */
@Entity({ name: 'project_cohort' })
export class ProjectCohortRow {
  @Column(dayColumn('submitted_on'))
  submittedOn: string;

  @Column(recordedColumn('submitted_recorded_at'))
  submittedRecordedAt: string;

  @Column(dayColumn('entered_on'))
  enteredOn: string;

  @Column(recordedColumn('entered_recorded_at'))
  enteredRecordedAt: string;

  @Column(dayColumn('rejected_on'))
  rejectedOn: string;

  @Column(recordedColumn('rejected_recorded_at'))
  rejectedRecordedAt: string;

  @Column(dayColumn('presented_on'))
  presentedOn: string;

  /** Also of conferenceId. */
  @Column(recordedColumn('presented_recorded_at'))
  presentedRecordedAt: string;

  @Column(dayColumn('assigned_on'))
  assignedOn: string;

  @Column(recordedColumn('assigned_recorded_at'))
  assignedRecordedAt: string;

  /** The business date of the landing event (its status change), as project_facts.landed_at. */
  @Column(dayColumn('landed_at_on'))
  landedAtOn: string;

  /** The landing date the enterprise reported (project_facts.landed_on). */
  @Column(dayColumn('landed_on'))
  landedOn: string;

  @Column(recordedColumn('landed_recorded_at'))
  landedRecordedAt: string;

  @Column(dayColumn('withdrawn_on'))
  withdrawnOn: string;

  @Column(recordedColumn('withdrawn_recorded_at'))
  withdrawnRecordedAt: string;

  /** The lead department's start, when there was one lead period at most (see severalLeads). */
  @Column(dayColumn('lead_on'))
  leadOn: string;

  @Column(recordedColumn('lead_recorded_at'))
  leadRecordedAt: string;

  /** More than one lead period: the one in force is looked up in the lead arrays. */
  @Column({ name: 'several_leads', type: 'boolean' })
  severalLeads: boolean;

  /** A corrected or revoked landing: the version known is looked up in the landing arrays. */
  @Column({ name: 'several_landings', type: 'boolean' })
  severalLandings: boolean;

  @Column(bigintColumn('investment_yuan'))
  investmentYuan: number;

  /** Actual investment, or else the planned one: what a landed project counts. */
  @Column(bigintColumn('landed_investment_yuan'))
  landedInvestmentYuan: number;

  @Column(textColumn('industry_chain'))
  industryChain: string;

  @Column(textColumn('district', true))
  district: string | null;

  @Column(textColumn('conference_id', true))
  conferenceId: string | null;

  /** The only lead department (null: none, or several periods). */
  @Column(textColumn('lead_department', true))
  leadDepartment: string | null;

  /** With several lead periods, project_facts' lead_departments, lead_since and lead_recorded_at. */
  @Column({ name: 'lead_departments', type: 'text', array: true, nullable: true })
  leadDepartments: string[] | null;

  @Column({ ...instantArrayColumn('lead_since'), nullable: true })
  leadSince: string[] | null;

  @Column({ ...instantArrayColumn('lead_periods_recorded_at'), nullable: true })
  leadPeriodsRecordedAt: string[] | null;

  /** With several landings, project_facts' landing_on and landing_recorded_at. */
  @Column({ name: 'landing_on', type: 'date', array: true, nullable: true })
  landingOn: (string | null)[] | null;

  @Column({ ...instantArrayColumn('landing_recorded_at'), nullable: true })
  landingRecordedAt: string[] | null;

  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;
}
