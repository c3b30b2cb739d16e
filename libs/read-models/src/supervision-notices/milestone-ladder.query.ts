import {
  businessDate,
  endOfBusinessDay,
  LadderNotice,
  LadderReading,
  SupervisionSettings,
  warningLadder,
  WARNING_COLOURS,
  WarningColour,
} from '@luodi/domain';
import { DataSource } from 'typeorm';
import { DepartmentAssignmentRow } from '../department-assignments/department-assignment.entity';
import { SupervisionNoticeRow } from './supervision-notice.entity';
import { noticesOfProjects } from './supervision-notices.query';

const ladderNotice = (n: SupervisionNoticeRow): LadderNotice => ({
  level: n.level,
  issuedOn: businessDate(n.issuedAt),
  respondBy: n.respondBy,
  answeredOn: n.answeredAt === null ? null : businessDate(n.answeredAt),
});

/** The ladder of an inbox milestone on `day`; null when it was done by then (or planned after it). */
export function milestoneWarning(
  row: Pick<DepartmentAssignmentRow, 'projectId' | 'milestoneId' | 'dueOn' | 'doneAt'>,
  notices: readonly SupervisionNoticeRow[],
  day: string,
  settings: SupervisionSettings,
): LadderReading | null {
  if (row.doneAt !== null && businessDate(row.doneAt) <= day) return null;
  const own = notices.filter((n) => n.projectId === row.projectId && n.milestoneId === row.milestoneId);
  return warningLadder(row.dueOn, day, settings, own.map(ladderNotice));
}

/** Rows of an inbox page with their ladder on `day`. */
export async function withWarnings<Row extends DepartmentAssignmentRow>(
  dataSource: DataSource,
  rows: readonly Row[],
  day: string,
  settings: SupervisionSettings,
): Promise<Array<Row & { warning: LadderReading | null }>> {
  const notices = await noticesOfProjects(
    dataSource,
    rows.map((r) => r.projectId),
  );
  return rows.map((row) => ({ ...row, warning: milestoneWarning(row, notices, day, settings) }));
}

export interface MilestoneWarning extends LadderReading {
  projectId: string;
  projectTitle: string;
  enterpriseName: string;
  milestoneId: string;
  title: string;
  departmentCode: string;
  dueOn: string;
}

export interface SupervisionDashboard {
  asOf: string;
  /** Open milestones of projects being worked, per colour. */
  counts: Record<WarningColour, number>;
  /** The escalated ones, the longest overdue first. */
  escalated: MilestoneWarning[];
}

/**
 * `GET /api/dashboard/supervision`: the ladder of every milestone of the plans in force of the
 * projects being worked (assigned), open on `asOf`, optionally of one department.
 */
export async function supervisionDashboard(
  dataSource: DataSource,
  asOf: string,
  settings: SupervisionSettings,
  department?: string,
): Promise<SupervisionDashboard> {
  const qb = dataSource
    .getRepository(DepartmentAssignmentRow)
    .createQueryBuilder('a')
    .where(`a.projectStatus = 'assigned'`)
    .andWhere('(a.doneAt IS NULL OR a.doneAt > :endOfDay)', { endOfDay: endOfBusinessDay(asOf) });
  if (department !== undefined) qb.andWhere('a.departmentCode = :department', { department });
  const rows = await qb.getMany();
  const withLadder = await withWarnings(dataSource, rows, asOf, settings);
  const counts = Object.fromEntries(WARNING_COLOURS.map((c) => [c, 0])) as Record<WarningColour, number>;
  const escalated: MilestoneWarning[] = [];
  for (const row of withLadder) {
    if (row.warning === null) continue;
    counts[row.warning.colour]++;
    if (row.warning.colour === 'escalated')
      escalated.push({
        projectId: row.projectId,
        projectTitle: row.projectTitle,
        enterpriseName: row.enterpriseName,
        milestoneId: row.milestoneId,
        title: row.title,
        departmentCode: row.departmentCode,
        dueOn: row.dueOn,
        ...row.warning,
      });
  }
  escalated.sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueOn.localeCompare(b.dueOn));
  return { asOf, counts, escalated };
}
