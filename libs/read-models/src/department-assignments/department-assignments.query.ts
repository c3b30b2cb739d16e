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
