import { DataSource } from 'typeorm';
import { offsetOf, Page, PageRequest } from '../paging';
import { DepartmentAssignmentRow } from './department-assignment.entity';

export const DUE_SOON_DAYS = 14;

/**
 * The one rule of an overdue milestone (inbox, project list): a row of department_assignments
 * (alias `alias`) not done and due before `:today`, of a project being worked.
 */
export const overdueMilestoneSql = (alias: string): string =>
  `(${alias}.project_status = 'assigned' AND NOT ${alias}.done AND ${alias}.due_on < CAST(:today AS date))`;

export interface DepartmentAssignment extends DepartmentAssignmentRow {
  /** Not done and due before today. */
  overdue: boolean;
  /** Not done and due today or within the next 14 days. */
  dueSoon: boolean;
}

export interface AssignmentFilters {
  done?: boolean;
  overdue?: boolean;
}

/**
 * `GET /api/departments/:code/assignments`: the milestones the department is responsible for on
 * projects being worked (assigned; landed and withdrawn ones are history, in the dossier), the
 * earliest due first. `today` is a business date (CST).
 */
export async function listDepartmentAssignments(
  dataSource: DataSource,
  departmentCode: string,
  filters: AssignmentFilters,
  page: PageRequest,
  today: string,
): Promise<Page<DepartmentAssignment>> {
  const overdue = overdueMilestoneSql('a');
  const dueSoon = `(NOT a.done AND a.due_on >= CAST(:today AS date) AND a.due_on <= CAST(:today AS date) + ${DUE_SOON_DAYS})`;
  const qb = dataSource
    .getRepository(DepartmentAssignmentRow)
    .createQueryBuilder('a')
    .addSelect(overdue, 'overdue')
    .addSelect(dueSoon, 'due_soon')
    .where('a.departmentCode = :departmentCode', { departmentCode })
    .andWhere(`a.projectStatus = 'assigned'`)
    .setParameter('today', today);
  if (filters.done !== undefined) qb.andWhere('a.done = :done', { done: filters.done });
  if (filters.overdue !== undefined) qb.andWhere(filters.overdue ? overdue : `NOT ${overdue}`);

  // count(*): one row per milestone, so the DISTINCT of getCount() only costs time.
  const { total } = (await qb.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>())!;
  // The order of department_assignments_inbox_idx: a page is a walk along it.
  const { entities, raw } = await qb
    .orderBy('a.done', 'ASC')
    .addOrderBy('a.dueOn', 'ASC')
    .addOrderBy('a.projectTitle', 'ASC')
    .addOrderBy('a.milestoneId', 'ASC')
    .offset(offsetOf(page))
    .limit(page.pageSize)
    .getRawAndEntities();
  const items = entities.map((row, i) => ({
    ...row,
    overdue: raw[i].overdue as boolean,
    dueSoon: raw[i].due_soon as boolean,
  }));
  return { items, total, ...page };
}

export interface OverdueMilestone {
  projectId: string;
  projectTitle: string;
  milestoneId: string;
  title: string;
  departmentCode: string;
  owner: string;
  dueOn: string;
  /** Days from the due date to `today`; at least 1. */
  daysOverdue: number;
}

/**
 * `GET /api/supervision/overdue`: every overdue milestone across departments (or of one), the
 * longest overdue first. `today` is a business date (CST).
 */
export async function listOverdueMilestones(
  dataSource: DataSource,
  department: string | undefined,
  page: PageRequest,
  today: string,
): Promise<Page<OverdueMilestone>> {
  const qb = dataSource
    .getRepository(DepartmentAssignmentRow)
    .createQueryBuilder('a')
    .where(overdueMilestoneSql('a'))
    .setParameter('today', today);
  if (department !== undefined) qb.andWhere('a.departmentCode = :department', { department });

  const { total } = (await qb.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>())!;
  const rows = await qb
    .select(
      [
        'a.project_id AS "projectId"',
        'a.project_title AS "projectTitle"',
        'a.milestone_id AS "milestoneId"',
        'a.title AS "title"',
        'a.department_code AS "departmentCode"',
        'a.owner AS "owner"',
        `to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn"`,
        '(CAST(:today AS date) - a.due_on)::int AS "daysOverdue"',
      ].join(', '),
    )
    // Days overdue descending is due date ascending; the rest makes the order total (stable pages).
    .orderBy('a.due_on', 'ASC')
    .addOrderBy('a.project_title', 'ASC')
    .addOrderBy('a.milestone_id', 'ASC')
    .addOrderBy('a.project_id', 'ASC')
    .offset(offsetOf(page))
    .limit(page.pageSize)
    .getRawMany<OverdueMilestone>();
  return { items: rows, total, ...page };
}
