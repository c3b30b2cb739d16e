import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import {
  DashboardSummary,
  DepartmentAssignment,
  EnterpriseDossier,
  LANDING_RATE_GROUPS,
  LandingRateGroup,
  LandingRateRow,
  Page,
  PROJECT_STATUSES,
} from '@luodi/read-models';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { DashboardQueryDto, LandingRateQueryDto } from '../dashboard/dashboard-query.dto';
import { DashboardSummaryQuery, LandingRatesQuery } from '../dashboard/dashboard.handlers';
import { DepartmentAssignmentsQueryDto } from '../departments/queries/department-assignments.dto';
import { DepartmentAssignmentsQuery } from '../departments/queries/department-assignments.handler';
import { EnterpriseDossierQuery } from '../enterprises/queries/enterprise-queries.handler';
import { departmentNames, STATUS_LABELS } from './ledger-labels';
import { latestProgressOf } from './project-ledger.export';
import { LedgerSheet, wanYuan, xlsxDownload } from './xlsx-sheet';

const GROUP_LABELS: Record<LandingRateGroup, string> = {
  conference: '按创意会',
  industryChain: '按产业链',
  department: '按牵头部门',
  district: '按区(市)',
};
const ROLE_LABELS = { lead: '牵头', supporting: '配合' } as const;
const yesNo = (value: boolean): string => (value ? '是' : '否');
const dateOf = (instant: string | null | undefined): string => (instant ? businessDate(instant) : '');

/**
 * The smaller exports: the department inbox, the dashboard and the dossier. Each reads through
 * the same query handler as its JSON route, so the access rules and figures are the route's.
 */
@Injectable()
export class ReportExports {
  constructor(
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  /** `GET /api/departments/:code/assignments/export.xlsx`: every page of the inbox with the route's filters. */
  async assignments(code: string, query: DepartmentAssignmentsQueryDto, res: Response): Promise<void> {
    const name = await departmentNames(this.dataSource);
    const today = businessDate(new Date().toISOString());
    const items: DepartmentAssignment[] = [];
    for (let page = 1; ; page++) {
      const result: Page<DepartmentAssignment> = await this.queries.execute(
        new DepartmentAssignmentsQuery(
          code,
          Object.assign(new DepartmentAssignmentsQueryDto(), { ...query, page, pageSize: 100 }),
        ),
      );
      items.push(...result.items);
      if (page * result.pageSize >= result.total) break;
    }
    const workbook = xlsxDownload(res, `${name(code)}-任务清单-${today}.xlsx`);
    const sheet = new LedgerSheet(workbook, '任务清单', `${name(code)} 任务清单（截至 ${today}）`, [
      { header: '序号', width: 7, kind: 'integer' },
      { header: '项目名称', width: 32 },
      { header: '申报企业', width: 28 },
      { header: '角色', width: 8 },
      { header: '节点', width: 30 },
      { header: '责任部门', width: 22 },
      { header: '责任人', width: 12 },
      { header: '完成时限', width: 12, kind: 'date' },
      { header: '已完成', width: 8 },
      { header: '完成日期', width: 12, kind: 'date' },
      { header: '逾期', width: 8 },
      { header: '临期', width: 8 },
    ]);
    items.forEach((a, i) =>
      sheet.add([
        i + 1,
        a.projectTitle,
        a.enterpriseName,
        ROLE_LABELS[a.role],
        a.title,
        name(a.departmentCode),
        a.owner,
        a.dueOn,
        yesNo(a.done),
        dateOf(a.doneAt),
        yesNo(a.overdue),
        yesNo(a.dueSoon),
      ]),
    );
    sheet.commit();
    await workbook.commit();
  }

  /** `GET /api/dashboard/export.xlsx`: the summary, then one sheet per grouping, each saying its asOf. */
  async dashboard(query: DashboardQueryDto, actor: Actor, res: Response): Promise<void> {
    const summary: DashboardSummary = await this.queries.execute(new DashboardSummaryQuery(query, actor));
    const groups: Array<[LandingRateGroup, LandingRateRow[]]> = [];
    for (const groupBy of LANDING_RATE_GROUPS) {
      groups.push([
        groupBy,
        await this.queries.execute(
          new LandingRatesQuery(Object.assign(new LandingRateQueryDto(), { ...query, groupBy }), actor),
        ),
      ]);
    }
    const asOf = summary.asOf;
    const workbook = xlsxDownload(res, `落地看板-${asOf}.xlsx`);
    const head = new LedgerSheet(workbook, '汇总', `落地看板汇总（截至 ${asOf}）`, [
      { header: '指标', width: 24 },
      { header: '数值', width: 16 },
    ]);
    head.add(['截至日期 asOf', asOf]);
    head.add(['申报项目（个）', summary.projects]);
    head.add(['入库项目（个）', summary.inLibrary]);
    head.add(['已落地（个）', summary.landed]);
    head.add(['已退出（个）', summary.withdrawn]);
    head.add(['落地率', summary.landingRate]);
    head.add(['入库计划投资(万元)', wanYuan(summary.investmentYuan)]);
    head.add(['落地投资(万元)', wanYuan(summary.landedInvestmentYuan)]);
    for (const status of PROJECT_STATUSES) head.add([`状态：${STATUS_LABELS[status]}（个）`, summary.byStatus[status]]);
    head.commit();
    for (const [groupBy, rows] of groups) {
      const sheet = new LedgerSheet(workbook, GROUP_LABELS[groupBy], `落地率${GROUP_LABELS[groupBy]}（截至 ${asOf}）`, [
        { header: '分组', width: 30 },
        { header: '入库（个）', width: 12, kind: 'integer' },
        { header: '已落地（个）', width: 12, kind: 'integer' },
        { header: '落地率', width: 10, kind: 'percent' },
        { header: '截至日期', width: 12, kind: 'date' },
      ]);
      for (const row of rows) sheet.add([row.label, row.inLibrary, row.landed, row.landingRate, asOf]);
      sheet.commit();
    }
    await workbook.commit();
  }

  /** `GET /api/enterprises/:id/dossier/export.xlsx`: 一企一策, the projects, their milestones and needs. */
  async dossier(enterpriseId: string, actor: Actor, res: Response): Promise<void> {
    const dossier: EnterpriseDossier = await this.queries.execute(new EnterpriseDossierQuery(enterpriseId, actor));
    const name = await departmentNames(this.dataSource);
    const today = businessDate(new Date().toISOString());
    const { enterprise, totals } = dossier;
    const workbook = xlsxDownload(res, `一企一策-${enterprise.name}-${today}.xlsx`);
    const title = (what: string) => `${enterprise.name} 一企一策 · ${what}（截至 ${today}）`;

    const head = new LedgerSheet(workbook, '企业', title('企业'), [
      { header: '项目', width: 24 },
      { header: '内容', width: 40 },
    ]);
    head.add(['企业名称', enterprise.name]);
    head.add(['统一社会信用代码', enterprise.creditCode ?? '']);
    head.add(['区(市)', enterprise.district ?? '']);
    head.add(['项目（个）', totals.projects]);
    head.add(['入库（个）', totals.inLibrary]);
    head.add(['已落地（个）', totals.landed]);
    head.add(['已退出（个）', totals.withdrawn]);
    head.add(['计划投资(万元)', wanYuan(totals.investmentYuan)]);
    head.add(['落地投资(万元)', wanYuan(totals.landedInvestmentYuan)]);
    head.add(['诉求已解决/总数', `${totals.needsResolved}/${totals.needs}`]);
    head.add(['节点完成/总数', `${totals.milestonesDone}/${totals.milestones}`]);
    head.commit();

    const projects = new LedgerSheet(workbook, '项目', title('项目'), [
      { header: '序号', width: 7, kind: 'integer' },
      { header: '项目编号', width: 38 },
      { header: '项目名称', width: 32 },
      { header: '产业链', width: 14 },
      { header: '区(市)', width: 10 },
      { header: '计划投资(万元)', width: 14, kind: 'wanYuan' },
      { header: '状态', width: 8 },
      { header: '申报日期', width: 12, kind: 'date' },
      { header: '入库日期', width: 12, kind: 'date' },
      { header: '发布创意会', width: 24 },
      { header: '牵头部门', width: 22 },
      { header: '配合部门', width: 30 },
      { header: '落地日期', width: 12, kind: 'date' },
      { header: '实际投资(万元)', width: 14, kind: 'wanYuan' },
      { header: '最近进展', width: 40 },
    ]);
    dossier.projects.forEach((p, i) =>
      projects.add([
        i + 1,
        p.id,
        p.title,
        p.industryChain,
        p.district ?? '',
        wanYuan(p.investmentYuan),
        STATUS_LABELS[p.status],
        dateOf(p.submittedAt),
        dateOf(p.enteredLibraryAt),
        p.conference?.title ?? '',
        name(p.plan?.leadDepartment),
        (p.plan?.supportingDepartments ?? []).map(name).join('、'),
        p.landing?.landedOn ?? '',
        wanYuan(p.landing?.actualInvestmentYuan),
        latestProgressOf(p, name),
      ]),
    );
    projects.commit();

    const milestones = new LedgerSheet(workbook, '节点', title('节点'), [
      { header: '项目名称', width: 32 },
      { header: '节点', width: 30 },
      { header: '责任部门', width: 22 },
      { header: '责任人', width: 12 },
      { header: '完成时限', width: 12, kind: 'date' },
      { header: '已完成', width: 8 },
      { header: '完成日期', width: 12, kind: 'date' },
    ]);
    for (const p of dossier.projects) {
      for (const m of p.plan?.milestones ?? [])
        milestones.add([p.title, m.title, name(m.departmentCode), m.owner, m.dueOn, yesNo(m.done), dateOf(m.doneAt)]);
    }
    milestones.commit();

    const needs = new LedgerSheet(workbook, '诉求', title('诉求'), [
      { header: '项目名称', width: 32 },
      { header: '类别', width: 10 },
      { header: '诉求', width: 40 },
      { header: '已解决', width: 8 },
      { header: '解决情况', width: 40 },
      { header: '解决日期', width: 12, kind: 'date' },
    ]);
    for (const p of dossier.projects) {
      for (const need of p.needs)
        needs.add([
          p.title,
          NEED_LABELS[need.kind],
          need.description,
          yesNo(need.resolved),
          need.resolution ?? '',
          dateOf(need.resolvedAt),
        ]);
    }
    needs.commit();
    await workbook.commit();
  }
}

const NEED_LABELS = {
  land: '用地',
  talent: '人才',
  financing: '融资',
  orders: '订单',
  policy: '政策',
  other: '其他',
} as const;
