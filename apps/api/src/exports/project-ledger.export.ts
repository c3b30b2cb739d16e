import { Injectable } from '@nestjs/common';
import { businessDate } from '@luodi/domain';
import { ProjectLedgerRow, projectLedgerQuery, projectLedgerRowOf } from '@luodi/read-models';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { ListProjectsQueryDto } from '../projects/queries/list-projects.dto';
import { departmentNames, STATUS_LABELS } from './ledger-labels';
import { LedgerSheet, SheetColumn, wanYuan, xlsxDownload } from './xlsx-sheet';

export const LEDGER_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7, kind: 'integer' },
  { header: '项目编号', width: 38 },
  { header: '项目名称', width: 32 },
  { header: '申报企业', width: 28 },
  { header: '统一社会信用代码', width: 22 },
  { header: '产业链', width: 14 },
  { header: '区(市)', width: 10 },
  { header: '计划投资(万元)', width: 14, kind: 'wanYuan' },
  { header: '状态', width: 8 },
  { header: '入库日期', width: 12, kind: 'date' },
  { header: '发布创意会', width: 24 },
  { header: '牵头部门', width: 22 },
  { header: '配合部门', width: 30 },
  { header: '节点完成/总数', width: 12 },
  { header: '逾期节点', width: 9, kind: 'integer' },
  { header: '诉求已解决/总数', width: 14 },
  { header: '落地日期', width: 12, kind: 'date' },
  { header: '实际投资(万元)', width: 14, kind: 'wanYuan' },
  { header: '最近进展', width: 40 },
];

/**
 * 最近进展 from what the read models keep: how the project ended, else its latest completed
 * milestone, else its landing plan. Progress notes themselves live only in the project's stream.
 */
export function latestProgressOf(
  row: Pick<ProjectLedgerRow, 'landing' | 'withdrawal' | 'plan'>,
  departmentName: (code: string) => string,
): string {
  if (row.landing) return `${row.landing.landedOn} 落地`;
  if (row.withdrawal) return `${businessDate(row.withdrawal.occurredAt)} 退出：${row.withdrawal.reason}`;
  const done = (row.plan?.milestones ?? [])
    .filter((m) => m.done && m.doneAt)
    .sort((a, b) => (a.doneAt! < b.doneAt! ? 1 : -1));
  if (done.length > 0) return `${businessDate(done[0].doneAt!)} 完成：${done[0].title}`;
  if (row.plan) return `${businessDate(row.plan.assignedAt)} 交办${departmentName(row.plan.leadDepartment)}`;
  return '';
}

/** `GET /api/projects/export.xlsx`: the 台账 of the projects `GET /api/projects` lists with the same query. */
@Injectable()
export class ProjectLedgerExport {
  /** Rows fetched from the cursor at a time: the export holds one batch, whatever the list's length. */
  batchSize = 500;

  constructor(private readonly dataSource: DataSource) {}

  async write(query: ListProjectsQueryDto, actor: Actor, res: Response): Promise<void> {
    // Department users see the projects their department is part of, as in GET /api/projects.
    const department = actor.role === 'department' ? actor.departmentCode : query.department;
    const { status, industryChain, conferenceId, enterpriseId, district, q, sort } = query;
    const today = businessDate(new Date().toISOString());
    const overdueOn = query.overdue ? today : undefined;
    const { sql, params } = projectLedgerQuery(
      this.dataSource,
      { status, industryChain, conferenceId, enterpriseId, district, q, department, overdueOn },
      sort,
    );
    const name = await departmentNames(this.dataSource);

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // A cursor in one read-only snapshot: every batch comes from the same state of the list.
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE ledger NO SCROLL CURSOR FOR ${sql}`, params);
      const workbook = xlsxDownload(res, `项目台账-${today}.xlsx`);
      const sheet = new LedgerSheet(
        workbook,
        '项目台账',
        `项目台账（截至 ${today}，导出于 ${new Date().toISOString()}）`,
        LEDGER_COLUMNS,
      );
      let n = 0;
      for (;;) {
        const raws: Record<string, unknown>[] = await runner.query(`FETCH ${this.batchSize} FROM ledger`);
        for (const raw of raws) sheet.add(ledgerValues(projectLedgerRowOf(raw), ++n, today, name));
        if (raws.length < this.batchSize) break;
        // Let deflate and a slow client take what is written before reading more rows.
        await sheet.drained(res);
      }
      await runner.query('COMMIT');
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      // Back to the pool without the cursor's transaction.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

export function ledgerValues(
  row: ProjectLedgerRow,
  n: number,
  today: string,
  name: (code: string | null | undefined) => string,
): (string | number | null)[] {
  const milestones = row.plan?.milestones ?? [];
  const overdue = row.status === 'assigned' ? milestones.filter((m) => !m.done && m.dueOn < today).length : 0;
  return [
    n,
    row.id,
    row.title,
    row.enterpriseName,
    row.creditCode ?? '',
    row.industryChain,
    row.district ?? '',
    wanYuan(row.investmentYuan),
    STATUS_LABELS[row.status],
    row.enteredLibraryAt ? businessDate(row.enteredLibraryAt) : '',
    row.conferenceTitle ?? '',
    name(row.leadDepartment),
    row.supportingDepartments.map(name).join('、'),
    `${milestones.filter((m) => m.done).length}/${milestones.length}`,
    overdue,
    `${row.needs.filter((need) => need.resolved).length}/${row.needs.length}`,
    row.landedOn ?? '',
    wanYuan(row.landing?.actualInvestmentYuan),
    latestProgressOf(row, name),
  ];
}
