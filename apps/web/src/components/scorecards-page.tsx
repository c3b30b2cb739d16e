import { FormEvent, useEffect, useState } from 'react';
import { api, Scorecard, ScorecardItems, User, Weights } from '../api';
import { addDays, formatCount, formatDate, formatPercent, formatPercentRange, todayInChina } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { departmentName, localName, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, ProblemBanner, useCommand } from './form';

export const WEIGHT_KEYS = ['onTime', 'needs', 'landing', 'acknowledgement', 'satisfaction'] as const;

/** The last full calendar month before today (CST): the period a scorecard opens on. */
export function lastMonth(today = todayInChina()): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** "As reported then": only what was recorded by the end of the period (when it has ended). */
const knownAtFor = (to: string, known: string | null): string | undefined =>
  known === 'then' && to < todayInChina() ? `${to}T23:59:59.999+08:00` : undefined;

interface Period {
  from: string;
  to: string;
  known?: string;
}

const periodOf = (route: Route): Period => {
  const fallback = lastMonth();
  return {
    from: route.params.get('from') || fallback.from,
    to: route.params.get('to') || fallback.to,
    known: route.params.get('known') === 'then' ? 'then' : undefined,
  };
};

/** The weights as a sentence: 按时完成 50% · 诉求解决 30% · …, those without data marked. */
export function WeightsLine({ weights }: { weights: Weights }) {
  const { t } = useI18n();
  return (
    <p className="muted small" data-testid="weights">
      {t('score.weights')}：
      {WEIGHT_KEYS.map((key) => (
        <span key={key}>
          {' '}
          {t(`score.component.${key}` as MessageKey)} {weights[key]}%{key !== 'satisfaction' ? ' ·' : ''}
        </span>
      ))}
    </p>
  );
}

/** 部门考核: every department ranked for a period, the weights published, each figure opening the items behind it. */
export function ScorecardsPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const period = periodOf(route);
  const query = { from: period.from, to: period.to, knownAt: knownAtFor(period.to, period.known ?? null) };
  const cards = useLoad(() => api.scorecards(query), [JSON.stringify(query)]);
  const departments = useDepartments();
  const go = (changes: Partial<Period>) => navigate('/scorecards', { ...period, ...changes });
  const mayOpen = (code: string) => user.role !== 'department' || user.departmentCode === code;
  const drill = (code: string, show: string, value: number) =>
    mayOpen(code) && value > 0 ? (
      <a href={href(`/scorecards/${encodeURIComponent(code)}`, { ...period, show })}>{formatCount(value)}</a>
    ) : (
      formatCount(value)
    );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('score.title')}</h1>
        <p className="muted">
          {t('score.periodNote', { from: period.from, to: period.to })} ·{' '}
          {t(period.known ? 'dash.knownThenNote' : 'dash.knownNowNote')}
        </p>
      </div>
      <PeriodForm period={period} onChange={go} />
      <ProblemBanner problem={cards.problem} />
      {cards.data ? <WeightsLine weights={cards.data.weights} /> : null}
      {user.role === 'admin' && cards.data ? <WeightsForm weights={cards.data.weights} onSaved={cards.reload} /> : null}
      <div className="table-wrap">
        <table className="table" aria-label={t('score.ranking')}>
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
                {t('score.onTime')}
              </th>
              <th scope="col" className="num">
                {t('score.late')}
              </th>
              <th scope="col" className="num">
                {t('score.overdue')}
              </th>
              <th scope="col" className="num">
                {t('score.open')}
              </th>
              <th scope="col" className="num">
                {t('score.onTimeRate')}
              </th>
              <th scope="col" className="num">
                {t('score.medianDaysLate')}
              </th>
              <th scope="col" className="num">
                {t('score.needsResolved')}
              </th>
              <th scope="col" className="num">
                {t('score.needsOpen')}
              </th>
              <th scope="col" className="num">
                {t('score.medianDaysToResolve')}
              </th>
              <th scope="col" className="num">
                {t('score.notices')}
              </th>
              <th scope="col" className="num">
                {t('score.satisfaction')}
              </th>
              <th scope="col" className="num">
                {t('score.led')}
              </th>
            </tr>
          </thead>
          <tbody aria-busy={cards.loading}>
            {cards.data?.departments.map((d) => (
              <tr key={d.department}>
                <td className="num">{d.rank ?? '—'}</td>
                <td>{localName(d.name, departments.find((known) => known.code === d.department)?.nameEn)}</td>
                <td className="num">{formatScore(d.score)}</td>
                <td className="num">{drill(d.department, 'all', d.milestones.due)}</td>
                <td className="num">{drill(d.department, 'onTime', d.milestones.completedOnTime)}</td>
                <td className="num">{drill(d.department, 'late', d.milestones.completedLate)}</td>
                <td className="num">{drill(d.department, 'overdue', d.milestones.overdue)}</td>
                <td className="num">{drill(d.department, 'open', d.milestones.open)}</td>
                <td className="num">
                  <OnTimeRate card={d} />
                </td>
                <td className="num">{formatDays(d.milestones.medianDaysLate)}</td>
                <td className="num">{drill(d.department, 'resolved', d.needs.resolved)}</td>
                <td className="num">{drill(d.department, 'openNeeds', d.needs.open)}</td>
                <td className="num">{formatDays(d.needs.medianDaysToResolve)}</td>
                <td className="num">
                  {formatCount(d.notices.acknowledged)} / {formatCount(d.notices.received)}
                  {d.notices.medianHoursToAcknowledge === null
                    ? ''
                    : ` · ${t('score.hours', { h: d.notices.medianHoursToAcknowledge.toFixed(1) })}`}
                </td>
                <td className="num">
                  {d.satisfaction === null ? '—' : `${formatPercent(d.satisfaction)} (${formatCount(d.followUps)})`}
                </td>
                <td className="num">
                  {formatCount(d.projects.landed)} / {formatCount(d.projects.led)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('score.note')}</p>
    </div>
  );
}

export const formatScore = (score: number | null): string => (score === null ? '—' : score.toFixed(1));
const formatDays = (days: number | null): string => (days === null ? '—' : String(days));

/** The on-time rate with its Wilson 95% interval; a small sample is marked, its reason in the tooltip. */
export function OnTimeRate({ card }: { card: Scorecard }) {
  const { t } = useI18n();
  const rate = card.milestones.onTimeRate;
  if (!rate) return <>—</>;
  const small = card.warnings.some((w) => w.code === 'SMALL_SAMPLE');
  return (
    <span title={t('score.interval', { range: formatPercentRange(rate.low95, rate.high95), n: rate.n })}>
      {formatPercent(rate.value)}
      {small ? <sup title={t('score.smallSample', { n: rate.n })}>*</sup> : null}
      <span className="muted small"> ({formatPercentRange(rate.low95, rate.high95)})</span>
    </span>
  );
}

function PeriodForm({ period, onChange }: { period: Period; onChange: (changes: Partial<Period>) => void }) {
  const { t } = useI18n();
  return (
    <form className="filters" aria-label={t('score.period')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t('score.from')}</span>
        <input type="date" value={period.from} onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
      </label>
      <label>
        <span>{t('score.to')}</span>
        <input type="date" value={period.to} onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
      </label>
      <label>
        <span>{t('dash.known')}</span>
        <select value={period.known ?? ''} onChange={(e) => onChange({ known: e.target.value || undefined })}>
          <option value="">{t('dash.knownNow')}</option>
          <option value="then">{t('dash.knownThen')}</option>
        </select>
      </label>
    </form>
  );
}

/** The admin's form for the weights: whole percent, together 100 (the API checks and names the field). */
function WeightsForm({ weights, onSaved }: { weights: Weights; onSaved: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState(() => Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(weights[k])])));
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(weights[k])]))), [weights]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = Object.fromEntries(
      WEIGHT_KEYS.map((k) => [k, /^\d+$/.test(form[k].trim()) ? Number(form[k]) : null]),
    ) as Record<(typeof WEIGHT_KEYS)[number], number | null>;
    if (await run(() => api.setWeights(body))) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <details className="panel no-print">
      <summary>{t('score.editWeights')}</summary>
      <form className="form" onSubmit={submit} noValidate aria-label={t('score.editWeights')}>
        {saved ? <Notice>{t('score.weightsSaved')}</Notice> : null}
        <ProblemBanner problem={problem} shown={(f) => f.startsWith('weights.')} />
        <div className="row-3">
          {WEIGHT_KEYS.map((key) => (
            <Field
              key={key}
              label={`${t(`score.component.${key}` as MessageKey)} (%)`}
              error={errorAt(`weights.${key}`)}
            >
              <input
                inputMode="numeric"
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
              />
            </Field>
          ))}
        </div>
        <button type="submit" className="primary" disabled={pending}>
          {t('score.saveWeights')}
        </button>
      </form>
    </details>
  );
}

const SHOWS = ['all', 'onTime', 'late', 'overdue', 'open', 'resolved', 'openNeeds'] as const;
type Show = (typeof SHOWS)[number];

/** The items behind one department's figures: its milestones by outcome, its needs resolved and open. */
export function ScorecardItemsPage({ code, route }: { code: string; route: Route }) {
  const { t, code: label } = useI18n();
  const period = periodOf(route);
  const show = (SHOWS as readonly string[]).includes(route.params.get('show') ?? '')
    ? (route.params.get('show') as Show)
    : 'all';
  const query = { from: period.from, to: period.to, knownAt: knownAtFor(period.to, period.known ?? null) };
  const items = useLoad(() => api.scorecardItems(code, query), [code, JSON.stringify(query)]);
  const name = departmentName(useDepartments(), code);
  const milestones = (items.data?.milestones ?? []).filter((m) => show === 'all' || m.outcome === show);
  const needs: ScorecardItems['resolvedNeeds'] =
    show === 'resolved' ? (items.data?.resolvedNeeds ?? []) : show === 'openNeeds' ? (items.data?.openNeeds ?? []) : [];
  const showsNeeds = show === 'resolved' || show === 'openNeeds';

  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t('score.itemsTitle')} · {name}
        </h1>
        <p className="muted">{t('score.periodNote', { from: period.from, to: period.to })}</p>
        <a href={href('/scorecards', { ...period })}>{t('score.back')}</a>
      </div>
      <nav className="filters" aria-label={t('score.show')}>
        {SHOWS.map((s) => (
          <a
            key={s}
            href={href(`/scorecards/${encodeURIComponent(code)}`, { ...period, show: s })}
            aria-current={s === show ? 'page' : undefined}
          >
            {t(`score.show.${s}` as MessageKey)}
          </a>
        ))}
      </nav>
      <ProblemBanner problem={items.problem} />
      <div className="table-wrap">
        {showsNeeds ? (
          <table className="table" aria-label={t(`score.show.${show}` as MessageKey)}>
            <thead>
              <tr>
                <th scope="col">{t('score.project')}</th>
                <th scope="col">{t('score.need')}</th>
                <th scope="col">{t('score.since')}</th>
                <th scope="col">{t('score.resolvedOn')}</th>
                <th scope="col" className="num">
                  {t('score.daysToResolve')}
                </th>
              </tr>
            </thead>
            <tbody aria-busy={items.loading}>
              {needs.map((n) => (
                <tr key={n.needId}>
                  <td>
                    <a href={href(`/projects/${n.projectId}`)}>{n.projectTitle}</a>
                  </td>
                  <td>
                    {label('need', n.kind)}：{n.description}
                  </td>
                  <td>{formatDate(n.since)}</td>
                  <td>{formatDate(n.resolvedOn)}</td>
                  <td className="num">{n.daysToResolve ?? '—'}</td>
                </tr>
              ))}
              {items.data && needs.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted center">
                    {t('common.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        ) : (
          <table className="table" aria-label={t(`score.show.${show}` as MessageKey)}>
            <thead>
              <tr>
                <th scope="col">{t('score.project')}</th>
                <th scope="col">{t('milestone.title')}</th>
                <th scope="col">{t('milestone.dueOn')}</th>
                <th scope="col">{t('score.completedOn')}</th>
                <th scope="col">{t('score.outcome')}</th>
                <th scope="col" className="num">
                  {t('score.daysLate')}
                </th>
              </tr>
            </thead>
            <tbody aria-busy={items.loading}>
              {milestones.map((m) => (
                <tr key={m.milestoneId} className={m.outcome === 'overdue' ? 'row-overdue' : undefined}>
                  <td>
                    <a href={href(`/projects/${m.projectId}`)}>{m.projectTitle}</a>
                  </td>
                  <td>{m.title}</td>
                  <td>{formatDate(m.dueOn)}</td>
                  <td>{formatDate(m.completedOn)}</td>
                  <td>{t(`score.outcome.${m.outcome}` as MessageKey)}</td>
                  <td className="num">{m.daysLate || '—'}</td>
                </tr>
              ))}
              {items.data && milestones.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted center">
                    {t('common.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
