import type { EnterpriseTier, ProjectStatus } from '@luodi/domain';
import { DataSource } from 'typeorm';
import { containing, offsetOf, Page, PageRequest } from '../paging';
import { DossierLanding, DossierNeed, DossierPlan, DossierWithdrawal } from '../project-dossier/project-dossier.entity';
import { EnterpriseListRow } from './enterprise-list.entity';

export interface EnterpriseListItem {
  id: string;
  name: string;
  creditCode: string | null;
  district: string | null;
  tier: EnterpriseTier;
  registeredAt: string;
  projects: number;
  landed: number;
}

/**
 * A project `p` the department `$n` may act on (project_list.departments holds those the domain's
 * departmentsActingOn names), or any project when `$n` is null: what department users may see of
 * projects in lists and dossiers.
 */
export const involvesDepartment = (n: number): string => `($${n}::text IS NULL OR p.departments @> ARRAY[$${n}::text])`;

/**
 * `GET /api/enterprises`: by name, `q` matching any part of the name or credit code. With
 * `department`, the counts cover only that department's projects (as its dossier does).
 */
export async function listEnterprises(
  dataSource: DataSource,
  q: string | undefined,
  page: PageRequest,
  department?: string,
): Promise<Page<EnterpriseListItem>> {
  const where = q?.trim() ? `WHERE e.name ILIKE $1 OR e.credit_code ILIKE $1` : `WHERE $1::text IS NULL`;
  const params = [q?.trim() ? containing(q.trim()) : null];
  const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM enterprise_list e ${where}`, params);
  const rows = await dataSource.query(
    `SELECT e.id, e.name, e.credit_code, e.district, e.tier, e.registered_at,
            count(p.id)::int AS projects, count(p.id) FILTER (WHERE p.status = 'landed')::int AS landed
       FROM enterprise_list e LEFT JOIN project_list p ON p.enterprise_id = e.id AND ${involvesDepartment(4)}
       ${where}
      GROUP BY e.id ORDER BY e.name, e.id LIMIT $2 OFFSET $3`,
    [...params, page.pageSize, offsetOf(page), department ?? null],
  );
  const items = rows.map((r: Record<string, never>) => ({
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    district: r.district,
    tier: r.tier,
    registeredAt: new Date(r.registered_at).toISOString(),
    projects: r.projects,
    landed: r.landed,
  }));
  return { items, total, ...page };
}

export interface DossierProject {
  id: string;
  title: string;
  summary: string | null;
  status: ProjectStatus;
  industryChain: string;
  district: string | null;
  investmentYuan: number;
  submittedAt: string;
  enteredLibraryAt: string | null;
  conference: { id: string; title: string; heldOn: string | null } | null;
  needs: DossierNeed[];
  plan: DossierPlan | null;
  landing: DossierLanding | null;
  withdrawal: DossierWithdrawal | null;
  version: number;
}

export interface EnterpriseDossier {
  enterprise: Omit<EnterpriseListRow, 'version' | 'position'>;
  projects: DossierProject[];
  totals: {
    projects: number;
    inLibrary: number;
    landed: number;
    withdrawn: number;
    /** Planned investment of all its projects. */
    investmentYuan: number;
    /** Actual (or else planned) investment of its landed projects. */
    landedInvestmentYuan: number;
    needs: number;
    needsResolved: number;
    milestones: number;
    milestonesDone: number;
  };
}

/**
 * `GET /api/enterprises/:id/dossier` (一企一策); null when no such enterprise. With `department`,
 * only the projects that department is part of (lead, supporting, or a milestone's owner).
 */
export async function enterpriseDossier(
  dataSource: DataSource,
  enterpriseId: string,
  department?: string,
): Promise<EnterpriseDossier | null> {
  const enterprise = await dataSource.getRepository(EnterpriseListRow).findOneBy({ id: enterpriseId });
  if (!enterprise) return null;
  const rows = await dataSource.query(
    `SELECT p.id, p.title, p.summary, p.status, p.industry_chain, p.district, p.investment_yuan, p.submitted_at,
            p.entered_library_at, p.conference_id, p.conference_title, c.held_on::text AS held_on, p.version,
            d.needs, d.plan, d.landing, d.withdrawal
       FROM project_list p
       JOIN project_dossiers d ON d.project_id = p.id
       LEFT JOIN conference_list c ON c.id = p.conference_id
      WHERE p.enterprise_id = $1 AND ${involvesDepartment(2)}
      ORDER BY p.submitted_at, p.id`,
    [enterpriseId, department ?? null],
  );
  const projects: DossierProject[] = rows.map((r: Record<string, never>) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    status: r.status,
    industryChain: r.industry_chain,
    district: r.district,
    investmentYuan: Number(r.investment_yuan),
    submittedAt: new Date(r.submitted_at).toISOString(),
    enteredLibraryAt: r.entered_library_at ? new Date(r.entered_library_at).toISOString() : null,
    conference: r.conference_id ? { id: r.conference_id, title: r.conference_title, heldOn: r.held_on } : null,
    needs: r.needs,
    plan: r.plan,
    landing: r.landing,
    withdrawal: r.withdrawal,
    version: r.version,
  }));
  const { version: _version, position: _position, ...head } = enterprise;
  return { enterprise: head, projects, totals: totalsOf(projects) };
}

function totalsOf(projects: DossierProject[]): EnterpriseDossier['totals'] {
  const landed = projects.filter((p) => p.status === 'landed');
  const needs = projects.flatMap((p) => p.needs);
  const milestones = projects.flatMap((p) => p.plan?.milestones ?? []);
  return {
    projects: projects.length,
    inLibrary: projects.filter((p) => p.enteredLibraryAt !== null).length,
    landed: landed.length,
    withdrawn: projects.filter((p) => p.status === 'withdrawn').length,
    investmentYuan: sum(projects.map((p) => p.investmentYuan)),
    landedInvestmentYuan: sum(landed.map((p) => p.landing?.actualInvestmentYuan ?? p.investmentYuan)),
    needs: needs.length,
    needsResolved: needs.filter((n) => n.resolved).length,
    milestones: milestones.length,
    milestonesDone: milestones.filter((m) => m.done).length,
  };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
