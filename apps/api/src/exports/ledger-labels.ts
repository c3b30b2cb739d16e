import type { ProjectStatus } from '@luodi/domain';
import { DepartmentEntity } from '@luodi/platform';
import { DataSource } from 'typeorm';

/** As the web UI words them (apps/web/src/i18n.ts). */
export const STATUS_LABELS: Record<ProjectStatus, string> = {
  submitted: '已申报',
  approved: '已入库',
  rejected: '未通过',
  presented: '已发布',
  assigned: '推进中',
  landed: '已落地',
  withdrawn: '已退出',
};

/** Department names by code; a code without a department (never expected) stays a code. */
export async function departmentNames(dataSource: DataSource): Promise<(code: string | null | undefined) => string> {
  const names = new Map((await dataSource.getRepository(DepartmentEntity).find()).map((d) => [d.code, d.name]));
  return (code) => (code ? (names.get(code) ?? code) : '');
}
