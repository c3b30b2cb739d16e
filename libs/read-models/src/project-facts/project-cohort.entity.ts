import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, textColumn } from '../column-types';

/** A business date `YYYY-MM-DD`, or `infinity`: never (so far). */
const dayColumn = (name: string) => dateColumn(name, false);

/**
 * A project's dashboard facts as known now, narrow: the business date (CST) of each status change,
 * 'infinity' when it has not happened. The dashboards' aggregates as known now (summary, landing
 * rates, the forecast's follow-ups) read every library row, so the row is built to be read fast:
 * fixed-width columns first and never null, so PostgreSQL finds each at a fixed offset; the
 * variable ones after. Derived from project_facts (project-cohort.projection.ts), which still
 * answers everything as known at an earlier instant (`knownAt`) and the lists behind the figures.
 */
@Entity({ name: 'project_cohort' })
export class ProjectCohortRow {
  @Column(dayColumn('submitted_on'))
  submittedOn: string;

  @Column(dayColumn('entered_on'))
  enteredOn: string;

  @Column(dayColumn('rejected_on'))
  rejectedOn: string;

  @Column(dayColumn('presented_on'))
  presentedOn: string;

  @Column(dayColumn('assigned_on'))
  assignedOn: string;

  /** The business date of the landing event (its status change), as project_facts.landed_at. */
  @Column(dayColumn('landed_at_on'))
  landedAtOn: string;

  /** The landing date the enterprise reported (project_facts.landed_on). */
  @Column(dayColumn('landed_on'))
  landedOn: string;

  @Column(dayColumn('withdrawn_on'))
  withdrawnOn: string;

  /** The first lead department's start, when it is the only one (see severalLeads). */
  @Column(dayColumn('lead_on'))
  leadOn: string;

  /** More than one lead department over time: the one in force is looked up in leadDepartments. */
  @Column({ name: 'several_leads', type: 'boolean' })
  severalLeads: boolean;

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

  /** The only lead department (null: none, or several). */
  @Column(textColumn('lead_department', true))
  leadDepartment: string | null;

  /** With several leads: the one in force at the end of each business date it changed, by date. */
  @Column({ name: 'lead_departments', type: 'text', array: true })
  leadDepartments: string[];

  @Column({ name: 'lead_departments_on', type: 'date', array: true })
  leadDepartmentsOn: string[];

  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;
}
