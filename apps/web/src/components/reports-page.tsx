import { FormEvent, useState } from 'react';
import { api, RateRow, User } from '../api';
import { formatAmount, formatCount, formatDate, formatDateTime, formatPercent, formatPercentRange } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { ExportButton, PrintButton, usePrintStamp } from './file-actions';
import { Field, ProblemBanner, useCommand } from './form';
import { ListPage, PAGE_SIZE, pageParam } from './list-page';
import { formatScore, lastMonth, OnTimeRate, WeightsLine } from './scorecards-page';

const PUBLISHERS = ['admin', 'taskforce'];

/** 通报: the published reports, newest first, and (task force, admin) publishing one for an ended period. */
export function ReportsPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const page = pageParam(route);
  const list = useLoad(() => api.reports({ page, pageSize: PAGE_SIZE }), [page]);
  return (
    <ListPage
      title={t('report.listTitle')}
      count={list.data && t('report.count', { total: formatCount(list.data.total) })}
      problem={list.problem}
      columns={[
        { label: t('report.period') },
        { label: t('report.kind') },
        { label: t('report.asOf') },
        { label: t('report.knownAt') },
        { label: t('report.publishedBy') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(r) => r.id}
      row={(r) => (
        <tr>
          <td>
            <a href={href(`/reports/${r.id}`)}>
              {t('report.heading', { period: r.period, kind: t(`report.kind.${r.kind}` as MessageKey) })}
            </a>
          </td>
          <td>{t(`report.kind.${r.kind}` as MessageKey)}</td>
          <td>{formatDate(r.asOf)}</td>
          <td>{formatDateTime(r.knownAt)}</td>
          <td>{r.publishedBy}</td>
        </tr>
      )}
      onPage={(next) => navigate('/reports', { page: next })}
    >
      {PUBLISHERS.includes(user.role) ? <PublishReport /> : null}
    </ListPage>
  );
}

function PublishReport() {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [kind, setKind] = useState<'monthly' | 'quarterly'>('monthly');
  const [period, setPeriod] = useState(lastMonth().to.slice(0, 7));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const report = await run(() => api.publishReport({ kind, period: period.trim() }));
    if (report) navigate(`/reports/${report.id}`);
  };
  return (
    <form className="panel form no-print" onSubmit={submit} noValidate aria-label={t('report.publish')}>
      <h2>{t('report.publish')}</h2>
      <p className="muted small">{t('report.publishNote')}</p>
      <ProblemBanner problem={problem} shown={(f) => f === 'kind' || f === 'period'} />
      <div className="row-3">
        <Field label={t('report.kind')} error={errorAt('kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'monthly' | 'quarterly')}>
            <option value="monthly">{t('report.kind.monthly')}</option>
            <option value="quarterly">{t('report.kind.quarterly')}</option>
          </select>
        </Field>
        <Field label={t('report.period')} error={errorAt('period')} hint={t('report.periodHint')}>
          <input value={period} onChange={(e) => setPeriod(e.target.value)} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('report.publishButton')}
      </button>
    </form>
  );
}

/** One report (通报), read like the task force's: the overall picture, the ranking, what is overdue, the outlook. */
export function ReportPage({ id }: { id: string }) {
  const { t, lang, code } = useI18n();
  const loaded = useLoad(() => api.report(id), [id]);
  const report = loaded.data;
  const heading = report
    ? t('report.heading', { period: report.period, kind: t(`report.kind.${report.kind}` as MessageKey) })
    : t('report.listTitle');
  usePrintStamp(report ? heading : undefined, report?.asOf ?? '');
  if (!report) {
    return (
      <div className="page">
        <h1>{heading}</h1>
        <ProblemBanner problem={loaded.problem} />
        {loaded.problem ? null : <p className="muted">{t('common.loading')}</p>}
      </div>
    );
  }
  const { summary, scorecards, overdue, forecast, landingRates } = report.figures;
  const p = forecast.projection;
  const departments = new Map(scorecards.departments.map((d) => [d.department, d.name]));
  return (
    <article className="page report">
      <div className="page-head">
        <h1>{heading}</h1>
        <p className="muted">
          {t('report.stamp', {
            from: report.periodStart,
            to: report.periodEnd,
            knownAt: formatDateTime(report.knownAt),
            by: report.publishedBy,
          })}
        </p>
        <ExportButton path={`/api/reports/${encodeURIComponent(report.id)}/export.xlsx`} fileName={`${heading}.xlsx`} />
        <PrintButton />
      </div>
      <p className="muted small">{t('report.frozen')}</p>

      <section className="panel" aria-labelledby="report-overall">
        <h2 id="report-overall">{t('report.overall')}</h2>
        <p data-testid="report-summary">
          {t('report.summaryText', {
            asOf: report.asOf,
            inLibrary: formatCount(summary.inLibrary),
            landed: formatCount(summary.landed),
            rate: formatPercent(summary.landingRate),
            range: formatPercentRange(forecast.landingRate.low95, forecast.landingRate.high95),
            withdrawn: formatCount(summary.withdrawn),
            investment: formatAmount(summary.investmentYuan, lang),
            landedInvestment: formatAmount(summary.landedInvestmentYuan, lang),
          })}
        </p>
      </section>

      <section className="panel" aria-labelledby="report-ranking">
        <h2 id="report-ranking">{t('report.ranking')}</h2>
        <WeightsLine weights={scorecards.weights} />
        <div className="table-wrap">
          <table className="table" aria-label={t('report.ranking')}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('score.rank')}
                </th>
                <th scope="col">{t('score.department')}</th>
                <th scope="col" className="num">
                  {t('score.score')}
                </th>
                <th scope="col" className="num">
                  {t('score.due')}
                </th>
                <th scope="col" className="num">
                  {t('score.onTimeRate')}
                </th>
                <th scope="col" className="num">
                  {t('score.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('score.needsResolved')}
                </th>
                <th scope="col" className="num">
                  {t('score.led')}
                </th>
              </tr>
            </thead>
            <tbody>
              {scorecards.departments.map((d) => (
                <tr key={d.department}>
                  <td className="num">{d.rank ?? '—'}</td>
                  <td>{d.name}</td>
                  <td className="num">{formatScore(d.score)}</td>
                  <td className="num">{formatCount(d.milestones.due)}</td>
                  <td className="num">
                    <OnTimeRate card={d} />
                  </td>
                  <td className="num">{formatCount(d.milestones.overdue)}</td>
                  <td className="num">{formatCount(d.needs.resolved)}</td>
                  <td className="num">
                    {formatCount(d.projects.landed)} / {formatCount(d.projects.led)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="report-overdue">
        <h2 id="report-overdue">{t('report.overdue', { n: formatCount(overdue.length) })}</h2>
        {overdue.length === 0 ? (
          <p className="muted">{t('report.noOverdue')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label={t('report.overdueTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('score.department')}</th>
                  <th scope="col">{t('score.project')}</th>
                  <th scope="col">{t('milestone.title')}</th>
                  <th scope="col">{t('milestone.dueOn')}</th>
                  <th scope="col" className="num">
                    {t('report.daysOverdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((item) => (
                  <tr key={item.milestoneId} className="row-overdue">
                    <td>{departments.get(item.department) ?? item.department}</td>
                    <td>
                      <a href={href(`/projects/${item.projectId}`)}>{item.projectTitle}</a>
                    </td>
                    <td>{item.title}</td>
                    <td>{formatDate(item.dueOn)}</td>
                    <td className="num">{item.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="report-forecast">
        <h2 id="report-forecast">{t('report.forecast')}</h2>
        <p>
          {t('report.forecastText', {
            days: p.horizonDays,
            expected: (Math.round(p.expectedLanded * 10) / 10).toString(),
            low80: p.low80,
            high80: p.high80,
            low95: p.low95,
            high95: p.high95,
            rate: formatPercent(p.expectedLandingRate),
          })}
        </p>
        {forecast.warnings.length > 0 ? (
          <ul className="muted small">
            {forecast.warnings.map((w) => (
              // Known warning codes in the reader's language, as on the dashboard; others as the API wrote them.
              <li key={w.code}>{code('warning', w.code) === w.code ? w.message : code('warning', w.code)}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <div className="grid-2">
        <RateTable title={t('dash.byDepartment')} rows={landingRates.department} />
        <RateTable title={t('dash.byIndustryChain')} rows={landingRates.industryChain} />
      </div>
    </article>
  );
}

function RateTable({ title, rows }: { title: string; rows: RateRow[] }) {
  const { t } = useI18n();
  return (
    <section className="panel">
      <h2>{title}</h2>
      <table className="table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t('report.group')}</th>
            <th scope="col" className="num">
              {t('kpi.inLibrary')}
            </th>
            <th scope="col" className="num">
              {t('kpi.landed')}
            </th>
            <th scope="col" className="num">
              {t('kpi.landingRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key ?? '—'}>
              <td>{row.label}</td>
              <td className="num">{formatCount(row.inLibrary)}</td>
              <td className="num">{formatCount(row.landed)}</td>
              <td className="num">{formatPercent(row.landingRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
