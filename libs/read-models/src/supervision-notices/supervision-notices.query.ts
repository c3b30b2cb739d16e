import { DataSource } from 'typeorm';
import { offsetOf, Page, PageRequest } from '../paging';
import { SupervisionNoticeRow } from './supervision-notice.entity';

export const NOTICE_STATUSES = ['open', 'acknowledged', 'answered', 'late'] as const;
/** open: neither signed for nor answered; late: unanswered past respondBy (whether signed or not). */
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface SupervisionNoticeItem extends SupervisionNoticeRow {
  status: NoticeStatus;
  /** Unanswered and past respondBy on `today`: days since respondBy; else 0. */
  daysOverdue: number;
  projectTitle: string;
  enterpriseName: string;
}

export interface NoticeFilters {
  department?: string;
  status?: NoticeStatus;
}

const STATUS_SQL = `CASE
  WHEN n.answered_at IS NOT NULL THEN 'answered'
  WHEN n.respond_by < CAST(:today AS date) THEN 'late'
  WHEN n.acknowledged_at IS NOT NULL THEN 'acknowledged'
  ELSE 'open' END`;

/**
 * `GET /api/supervision-notices`: overdue (unanswered past respondBy) first, the longest overdue
 * first, then the earliest respondBy. `today` is a business date (CST).
 */
export async function listSupervisionNotices(
  dataSource: DataSource,
  filters: NoticeFilters,
  page: PageRequest,
  today: string,
): Promise<Page<SupervisionNoticeItem>> {
  const overdue = `GREATEST(0, CAST(:today AS date) - n.respond_by) * (CASE WHEN n.answered_at IS NULL THEN 1 ELSE 0 END)`;
  const qb = dataSource
    .getRepository(SupervisionNoticeRow)
    .createQueryBuilder('n')
    .leftJoin('project_list', 'p', 'p.id = n.project_id')
    .addSelect(STATUS_SQL, 'status')
    .addSelect(overdue, 'days_overdue')
    .addSelect('p.title', 'project_title')
    .addSelect('p.enterprise_name', 'enterprise_name')
    .setParameter('today', today);
  if (filters.department !== undefined)
    qb.andWhere('n.departmentCode = :department', { department: filters.department });
  if (filters.status !== undefined) qb.andWhere(`${STATUS_SQL} = :status`, { status: filters.status });
  const total = await qb.getCount();
  const { entities, raw } = await qb
    .orderBy(overdue, 'DESC')
    .addOrderBy('n.respondBy', 'ASC')
    .addOrderBy('n.issuedAt', 'ASC')
    .addOrderBy('n.noticeId', 'ASC')
    .offset(offsetOf(page))
    .limit(page.pageSize)
    .getRawAndEntities();
  const items = entities.map((row, i) => ({
    ...row,
    status: raw[i].status as NoticeStatus,
    daysOverdue: Number(raw[i].days_overdue),
    projectTitle: (raw[i].project_title as string | null) ?? '',
    enterpriseName: (raw[i].enterprise_name as string | null) ?? '',
  }));
  return { items, total, ...page };
}

/** The project a notice is on (the sign and answer routes' lookup); null: no such notice. */
export async function projectOfNotice(dataSource: DataSource, noticeId: string): Promise<string | null> {
  const row = await dataSource
    .getRepository(SupervisionNoticeRow)
    .findOne({ where: { noticeId }, select: { projectId: true } });
  return row?.projectId ?? null;
}

/** Every notice on these projects, for the ladder of their items. */
export async function noticesOfProjects(
  dataSource: DataSource,
  projectIds: readonly string[],
): Promise<SupervisionNoticeRow[]> {
  if (projectIds.length === 0) return [];
  return dataSource
    .getRepository(SupervisionNoticeRow)
    .createQueryBuilder('n')
    .where('n.projectId IN (:...projectIds)', { projectIds: [...new Set(projectIds)] })
    .getMany();
}
