import { DataSource } from 'typeorm';
import {
  DossierLanding,
  DossierNeed,
  DossierPlan,
  DossierWithdrawal,
  ProjectDossierRow,
} from '../project-dossier/project-dossier.entity';
import { EnterpriseListRow } from '../enterprise-list/enterprise-list.entity';
import { ProjectListRow } from './project-list.entity';
import { ProjectListFilters, projectListQuery, ProjectSort } from './project-list.query';

/** A project as the 台账 (ledger) has it: its list row, its enterprise's credit code and its dossier. */
export interface ProjectLedgerRow extends Omit<ProjectListRow, 'searchPinyin' | 'searchGrams'> {
  creditCode: string | null;
  needs: DossierNeed[];
  plan: DossierPlan | null;
  landing: DossierLanding | null;
  withdrawal: DossierWithdrawal | null;
}

/**
 * The SQL of the ledger export: the projects `GET /api/projects` selects with the same filters
 * and order, joined with what the ledger's columns need. Returned as text so the export can run
 * it through a server-side cursor and hold only one batch of rows at a time.
 */
export function projectLedgerQuery(
  dataSource: DataSource,
  filters: ProjectListFilters,
  sort?: ProjectSort,
): { sql: string; params: unknown[] } {
  const qb = projectListQuery(dataSource, filters, sort)
    .leftJoin(ProjectDossierRow, 'd', 'd.projectId = p.id')
    .leftJoin(EnterpriseListRow, 'e', 'e.id = p.enterpriseId')
    .addSelect(['d.needs', 'd.plan', 'd.landing', 'd.withdrawal', 'e.creditCode']);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}

/** A raw row of projectLedgerQuery (TypeORM names columns `<alias>_<column>`) as a ledger row. */
export function projectLedgerRowOf(raw: Record<string, unknown>): ProjectLedgerRow {
  const instant = (value: unknown): string | null => (value === null ? null : new Date(value as string).toISOString());
  return {
    id: raw.p_id as string,
    title: raw.p_title as string,
    summary: raw.p_summary as string | null,
    enterpriseId: raw.p_enterprise_id as string,
    enterpriseName: raw.p_enterprise_name as string,
    industryChain: raw.p_industry_chain as string,
    district: raw.p_district as string | null,
    investmentYuan: Number(raw.p_investment_yuan),
    status: raw.p_status as ProjectListRow['status'],
    leadDepartment: raw.p_lead_department as string | null,
    supportingDepartments: raw.p_supporting_departments as string[],
    departments: raw.p_departments as string[],
    conferenceId: raw.p_conference_id as string | null,
    conferenceTitle: raw.p_conference_title as string | null,
    submittedAt: instant(raw.p_submitted_at)!,
    enteredLibraryAt: instant(raw.p_entered_library_at),
    landedOn: dateOf(raw.p_landed_on),
    withdrawnAt: instant(raw.p_withdrawn_at),
    version: raw.p_version as number,
    position: Number(raw.p_position),
    updatedAt: instant(raw.p_updated_at)!,
    creditCode: raw.e_credit_code as string | null,
    needs: (raw.d_needs as DossierNeed[] | null) ?? [],
    plan: raw.d_plan as DossierPlan | null,
    landing: raw.d_landing as DossierLanding | null,
    withdrawal: raw.d_withdrawal as DossierWithdrawal | null,
  };
}

// pg reads a `date` as a Date at local midnight unless a type parser says otherwise.
function dateOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
