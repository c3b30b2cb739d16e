import { Injectable } from '@nestjs/common';
import { LANDING_RATE_GROUPS, LandingRateGroup } from '@luodi/read-models';
import { Response } from 'express';
import { ReportsService } from '../reports/reports.service';
import { LedgerSheet, wanYuan, xlsxDownload } from './xlsx-sheet';

const GROUP_LABELS: Record<LandingRateGroup, string> = {
  conference: '按创意会',
  industryChain: '按产业链',
  department: '按牵头部门',
  district: '按区(市)',
};
const KIND_LABELS = { monthly: '月度', quarterly: '季度' } as const;

/** An instant as Beijing time, to the second: when the report's figures were known. */
export const beijingTime = (instant: string): string =>
  `${new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} (北京时间)`;

/**
 * `GET /api/reports/:id/export.xlsx`: the published report's frozen figures, one sheet per part,
 * each title naming the period, its as-of date and the record-time cut (knownAt).
 */
@Injectable()
export class PublishedReportExport {
  constructor(private readonly reports: ReportsService) {}

  async write(id: string, res: Response): Promise<void> {
    const report = await this.reports.get(id);
    const { summary, scorecards, overdue, forecast, landingRates } = report.figures;
    const name = `${report.period} ${KIND_LABELS[report.kind]}通报`;
    const stamp = `截至 ${report.asOf} · 数据记录截至 ${beijingTime(report.knownAt)}`;
    const workbook = xlsxDownload(res, `通报-${report.period}.xlsx`);

    const head = new LedgerSheet(workbook, '汇总', `${name} 汇总（${stamp}）`, [
      { header: '指标', width: 28 },
      { header: '数值', width: 30 },
    ]);
    head.add(['通报期', report.period]);
    head.add(['统计期', `${report.periodStart} 至 ${report.periodEnd}`]);
    head.add(['截至日期 asOf', report.asOf]);
    head.add(['数据记录截至 knownAt', report.knownAt]);
    head.add(['发布人', report.publishedBy]);
    head.add(['入库项目（个）', summary.inLibrary]);
    head.add(['已落地（个）', summary.landed]);
    head.add(['已退出（个）', summary.withdrawn]);
    head.add(['落地率', summary.landingRate]);
    head.add(['入库计划投资(万元)', wanYuan(summary.investmentYuan)]);
    head.add(['落地投资(万元)', wanYuan(summary.landedInvestmentYuan)]);
    head.add(['逾期节点（个）', overdue.length]);
    head.commit();

    const weights = scorecards.weights;
    const ranking = new LedgerSheet(
      workbook,
      '部门排名',
      `${name} 部门排名（${stamp}；权重：按时${weights.onTime}% 诉求${weights.needs}% 落地${weights.landing}% 签收${weights.acknowledgement}% 满意度${weights.satisfaction}%）`,
      [
        { header: '排名', width: 7, kind: 'integer' },
        { header: '部门', width: 24 },
        { header: '综合得分', width: 10 },
        { header: '期内到期节点', width: 12, kind: 'integer' },
        { header: '按时完成', width: 10, kind: 'integer' },
        { header: '逾期完成', width: 10, kind: 'integer' },
        { header: '逾期未完成', width: 10, kind: 'integer' },
        { header: '未到期', width: 8, kind: 'integer' },
        { header: '按时率', width: 9, kind: 'percent' },
        { header: '按时率95%下限', width: 12, kind: 'percent' },
        { header: '按时率95%上限', width: 12, kind: 'percent' },
        { header: '逾期天数中位数', width: 12 },
        { header: '解决诉求', width: 10, kind: 'integer' },
        { header: '未解决诉求', width: 10, kind: 'integer' },
        { header: '解决天数中位数', width: 12 },
        { header: '牵头项目', width: 10, kind: 'integer' },
        { header: '已落地', width: 8, kind: 'integer' },
      ],
    );
    for (const d of scorecards.departments) {
      const m = d.milestones;
      ranking.add([
        d.rank,
        d.name,
        d.score === null ? null : Math.round(d.score * 10) / 10,
        m.due,
        m.completedOnTime,
        m.completedLate,
        m.overdue,
        m.open,
        m.onTimeRate?.value,
        m.onTimeRate?.low95,
        m.onTimeRate?.high95,
        m.medianDaysLate,
        d.needs.resolved,
        d.needs.open,
        d.needs.medianDaysToResolve,
        d.projects.led,
        d.projects.landed,
      ]);
    }
    ranking.commit();

    const late = new LedgerSheet(workbook, '逾期事项', `${name} 逾期节点（${stamp}）`, [
      { header: '序号', width: 7, kind: 'integer' },
      { header: '责任部门', width: 22 },
      { header: '项目', width: 32 },
      { header: '节点', width: 30 },
      { header: '完成时限', width: 12, kind: 'date' },
      { header: '逾期天数', width: 10, kind: 'integer' },
    ]);
    const departmentName = new Map(scorecards.departments.map((d) => [d.department, d.name]));
    overdue.forEach((item, i) =>
      late.add([
        i + 1,
        departmentName.get(item.department) ?? item.department,
        item.projectTitle,
        item.title,
        item.dueOn,
        item.daysLate,
      ]),
    );
    late.commit();

    for (const group of LANDING_RATE_GROUPS) {
      const sheet = new LedgerSheet(workbook, GROUP_LABELS[group], `${name} 落地率${GROUP_LABELS[group]}（${stamp}）`, [
        { header: '分组', width: 30 },
        { header: '入库（个）', width: 12, kind: 'integer' },
        { header: '已落地（个）', width: 12, kind: 'integer' },
        { header: '落地率', width: 10, kind: 'percent' },
      ]);
      for (const row of landingRates[group]) sheet.add([row.label, row.inLibrary, row.landed, row.landingRate]);
      sheet.commit();
    }

    const p = forecast.projection;
    const outlook = new LedgerSheet(workbook, '落地预测', `${name} 落地预测（${stamp}）`, [
      { header: '指标', width: 34 },
      { header: '数值', width: 16 },
    ]);
    outlook.add(['入库项目（个）', forecast.inLibrary]);
    outlook.add(['已落地（个）', forecast.landed]);
    outlook.add(['在推进（个）', forecast.open]);
    outlook.add(['落地率', forecast.landingRate.value]);
    outlook.add(['落地率95%区间下限', forecast.landingRate.low95]);
    outlook.add(['落地率95%区间上限', forecast.landingRate.high95]);
    outlook.add([`预测期（天）`, p.horizonDays]);
    outlook.add(['预计累计落地（个）', Math.round(p.expectedLanded * 10) / 10]);
    outlook.add(['80%区间', `${p.low80}–${p.high80}`]);
    outlook.add(['95%区间', `${p.low95}–${p.high95}`]);
    for (const w of forecast.warnings) outlook.add([`提示 ${w.code}`, w.message]);
    outlook.commit();

    await workbook.commit();
  }
}
