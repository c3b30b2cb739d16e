import { useMemo } from 'react';
import { api, DashboardFilters, Forecast, GroupBy, RateRow, Summary } from '../api';
import { formatAmount, formatCount, formatPercent, formatPercentRange, quarterLabel, todayInChina } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { conferenceTheme, districtName, DISTRICTS, localName, useConferences, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import {
  backtestOption,
  Chart,
  curveOption,
  fanNumbers,
  fanOption,
  rateBarsOption,
  TrendPoint,
  trendOption,
} from './charts';
import { ChainSelect } from './chain-select';
import { ExportButton, PrintButton, usePrintStamp } from './file-actions';
import { ProblemBanner } from './form';
import { LadderCounts } from './supervision';

const FILTERS = ['industryChain', 'district', 'conferenceId', 'department'] as const;
const GROUPS: { groupBy: GroupBy; title: MessageKey; none: MessageKey }[] = [
  { groupBy: 'conference', title: 'dash.byConference', none: 'dash.noConference' },
  { groupBy: 'industryChain', title: 'dash.byIndustryChain', none: 'dash.noIndustryChain' },
  { groupBy: 'department', title: 'dash.byDepartment', none: 'dash.noDepartment' },
  { groupBy: 'district', title: 'dash.byDistrict', none: 'dash.noDistrict' },
];
const TREND_QUARTERS = 8;

type Drill = (which: { outcome?: string; groupBy?: GroupBy; key?: string }) => string;
const HORIZON_DAYS = 365;

/**
 * "As reported then": count only what had been recorded by the end of that day (CST), i.e. the
 * figures a leader saw on it. For today that is everything recorded so far (no knownAt: the
 * end of today is still ahead, and the API refuses a knownAt in the future).
 */
const knownAtFor = (asOf: string, known: Known): string | undefined =>
  known === 'then' && asOf < todayInChina() ? `${asOf}T23:59:59.999+08:00` : undefined;
type Known = 'now' | 'then';

/** The landing dashboard: everything re-queried for the filters, the "as of" date and "as known" in the URL. */
export function DashboardPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const known: Known = route.params.get('known') === 'then' ? 'then' : 'now';
  const asOf = route.params.get('asOf') || todayInChina();
  const filters: DashboardFilters = {
    asOf,
    knownAt: knownAtFor(asOf, known),
    industryChain: route.params.get('industryChain') ?? undefined,
    district: route.params.get('district') ?? undefined,
    conferenceId: route.params.get('conferenceId') ?? undefined,
    department: route.params.get('department') ?? undefined,
  };
  const filtered = [filters.industryChain, filters.district, filters.conferenceId, filters.department].some(Boolean);
  const key = JSON.stringify(filters);
  const summary = useLoad(() => api.summary(filters), [key]);
  const forecast = useLoad(() => api.forecast({ ...filters, horizonDays: HORIZON_DAYS }), [key]);
  // The trend is counted on the server in one request; "as reported then" cuts each point at its own day.
  const trend = useLoad(
    () => api.trend({ ...filters, knownAt: undefined, quarters: TREND_QUARTERS, known }).then(({ points }) => points),
    [key],
  );

  const observed = useMemo(
    () => trend.data?.map(({ asOf, summary }) => ({ date: asOf, landed: summary.landed })) ?? [],
    [trend.data],
  );
  const trendPoints = useMemo(
    () =>
      trend.data?.map(({ asOf, summary }) => ({
        label: quarterLabel(asOf),
        inLibrary: summary.inLibrary,
        landed: summary.landed,
        landingRate: summary.landingRate,
      })),
    [trend.data],
  );
  const params = { ...filters, knownAt: undefined, known: known === 'then' ? known : undefined };
  const setFilter = (name: string, value: string) => navigate('/dashboard', { ...params, [name]: value || undefined });
  // The projects behind a figure: the same cohort (asOf, known, filters), one outcome or bar of it.
  const drill: Drill = (which) => href('/dashboard/projects', { ...params, ...which });
  usePrintStamp(t('print.dashboard'), asOf);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('dash.title')}</h1>
        <p className="muted">
          {t('dash.asOfNote', { date: asOf })} · {t(known === 'then' ? 'dash.knownThenNote' : 'dash.knownNowNote')}
        </p>
        <ExportButton path="/api/dashboard/export.xlsx" query={{ ...filters }} fileName={t('export.dashboardFile')} />
        <PrintButton />
      </div>
      <FilterBar filters={filters} known={known} onChange={setFilter} />
      <ProblemBanner problem={summary.problem ?? forecast.problem} />
      {filtered && summary.data?.projects === 0 && (
        // Said outright: zeroed figures alone read like a fault or like no landings.
        <p className="panel muted" role="status" data-testid="no-match">
          {t('dash.noMatch')}
        </p>
      )}
      <Kpis summary={summary.data} forecast={forecast.data} drill={drill} />
      <ForecastPanel forecast={forecast.data} observed={observed} />
      <BacktestPanel known={known} />
      <LadderCounts asOf={asOf} department={filters.department} />
      <section className="panel">
        <h2>{t('dash.trend')}</h2>
        <ProblemBanner problem={trend.problem} />
        {trendPoints ? <TrendChart points={trendPoints} /> : <p className="muted">{t('common.loading')}</p>}
      </section>
      <div className="grid-2">
        {GROUPS.map((group) => (
          <RatePanel
            key={group.groupBy}
            groupBy={group.groupBy}
            title={t(group.title)}
            none={t(group.none)}
            filters={filters}
            filtersKey={key}
            drill={drill}
          />
        ))}
      </div>
    </div>
  );
}

// Inline, so the filter bar's column layout for labelled fields leaves the radio pair on one line.
const KNOWN_STYLE = {
  group: { display: 'flex', gap: '12px', border: 0, margin: 0, padding: '0 0 6px' },
  option: { flexDirection: 'row', alignItems: 'center', gap: '4px', color: 'inherit' },
  radio: { width: 'auto', margin: 0 },
} as const;

function FilterBar({
  filters,
  known,
  onChange,
}: {
  filters: DashboardFilters;
  known: Known;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useI18n();
  const departments = useDepartments();
  const conferences = useConferences();
  return (
    <form className="filters" aria-label={t('dash.filters')} onSubmit={(event) => event.preventDefault()}>
      <label>
        <span>{t('dash.asOf')}</span>
        <input
          type="date"
          value={filters.asOf}
          max={todayInChina()}
          onChange={(e) => e.target.value && onChange('asOf', e.target.value)}
        />
      </label>
      <fieldset aria-label={t('dash.known')} style={KNOWN_STYLE.group}>
        {(['then', 'now'] as const).map((option) => (
          <label key={option} style={KNOWN_STYLE.option}>
            <input
              type="radio"
              name="known"
              style={KNOWN_STYLE.radio}
              checked={known === option}
              onChange={() => onChange('known', option === 'then' ? option : '')}
            />
            <span>{t(option === 'then' ? 'dash.knownThen' : 'dash.knownNow')}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t('filter.industryChain')}</span>
        <ChainSelect
          value={filters.industryChain ?? ''}
          onChange={(value) => onChange('industryChain', value)}
          empty={t('common.all')}
        />
      </label>
      <label>
        <span>{t('filter.district')}</span>
        <select value={filters.district ?? ''} onChange={(e) => onChange('district', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {DISTRICTS.map((name) => (
            <option key={name} value={name}>
              {districtName(name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filter.conference')}</span>
        <select value={filters.conferenceId ?? ''} onChange={(e) => onChange('conferenceId', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {conferences.map((conference) => (
            <option key={conference.id} value={conference.id}>
              {conference.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filter.department')}</span>
        <select value={filters.department ?? ''} onChange={(e) => onChange('department', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {departments.map((department) => (
            <option key={department.code} value={department.code}>
              {localName(department.name, department.nameEn)}
            </option>
          ))}
        </select>
      </label>
      {FILTERS.some((name) => filters[name]) ? (
        <button
          type="button"
          className="link-button"
          onClick={() => navigate('/dashboard', { asOf: filters.asOf, known: known === 'then' ? known : undefined })}
        >
          {t('common.reset')}
        </button>
      ) : null}
    </form>
  );
}

function Kpis({ summary, forecast, drill }: { summary?: Summary; forecast?: Forecast; drill: Drill }) {
  const { t, lang } = useI18n();
  const rate = forecast?.landingRate;
  const cards: { label: string; value: string; note: string; href?: string }[] = [
    {
      label: t('kpi.inLibrary'),
      value: formatCount(summary?.inLibrary),
      note: t('kpi.projects', { n: formatCount(summary?.projects) }),
      href: drill({ outcome: 'library' }),
    },
    {
      label: t('kpi.landed'),
      value: formatCount(summary?.landed),
      note: t('kpi.withdrawn', { n: formatCount(summary?.withdrawn) }),
      href: drill({ outcome: 'landed' }),
    },
    {
      label: t('kpi.landingRate'),
      value: formatPercent(summary?.landingRate),
      note: rate ? t('kpi.interval95', { range: formatPercentRange(rate.low95, rate.high95) }) : '—',
    },
    { label: t('kpi.investment'), value: formatAmount(summary?.investmentYuan, lang), note: t('kpi.ofLibrary') },
    {
      label: t('kpi.landedInvestment'),
      value: formatAmount(summary?.landedInvestmentYuan, lang),
      note: t('kpi.ofLanded'),
    },
  ];
  return (
    <div className="kpis">
      {cards.map((card) => (
        <section className="kpi" key={card.label} aria-label={card.label}>
          <h2>{card.label}</h2>
          <p className="kpi-value">
            {card.href && summary ? (
              <a href={card.href} title={t('drill.open')}>
                {card.value}
              </a>
            ) : (
              card.value
            )}
          </p>
          <p className="kpi-note">{card.note}</p>
        </section>
      ))}
    </div>
  );
}

function ForecastPanel({ forecast, observed }: { forecast?: Forecast; observed: { date: string; landed: number }[] }) {
  const i18n = useI18n();
  const { t, code } = i18n;
  const curve = useMemo(() => (forecast ? curveOption(forecast, i18n) : null), [forecast, i18n]);
  const fan = useMemo(() => (forecast ? fanOption(forecast, observed, i18n) : null), [forecast, observed, i18n]);
  if (!forecast || !curve || !fan) {
    return (
      <section className="panel">
        <h2>{t('dash.forecast')}</h2>
        <p className="muted">{t('common.loading')}</p>
      </section>
    );
  }
  // Without a landing there is no pace to project: no curve, no "0 个，80%区间 0–0".
  const estimable = forecast.n > 0 && !forecast.warnings.some((warning) => warning.code === 'NO_LANDINGS');
  // Known warning codes are worded in the reader's language; others keep the API's message.
  const warnings = forecast.warnings.map((warning) => {
    const text = code('warning', warning.code);
    return text === warning.code ? warning.message : text;
  });
  return (
    <section className="panel" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('dash.forecast')}</h2>
      <p className="forecast-sample">
        {t('forecast.sample', {
          n: forecast.n,
          inLibrary: forecast.inLibrary,
          landed: forecast.landed,
          withdrawn: forecast.withdrawn,
          open: forecast.open,
        })}
      </p>
      {warnings.length > 0 ? (
        <div className="banner banner-warn" role="note">
          <strong>{t('forecast.warnings')}</strong>
          <ul>
            {warnings.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {estimable ? (
        <>
          <div className="grid-2">
            <div>
              <h3>{t('forecast.curve')}</h3>
              <Chart option={curve} height={280} label={t('forecast.curve')} />
            </div>
            <div>
              <h3>{t('forecast.projection', { days: forecast.projection.horizonDays })}</h3>
              <Chart
                option={fan}
                height={280}
                label={t('forecast.projection', { days: forecast.projection.horizonDays })}
              />
            </div>
          </div>
          <p className="forecast-text">{t('forecast.text', fanNumbers(forecast))}</p>
          <p className="forecast-text">{t('forecast.bands', fanNumbers(forecast))}</p>
          <p className="muted small">{t('forecast.fanNote')}</p>
        </>
      ) : (
        <p className="forecast-text">{t('forecast.none')}</p>
      )}
    </section>
  );
}

/** Two years of monthly forecasts, half a year ahead each: what is known now of how they did. */
const BACKTEST = { months: 24, horizonDays: 180 };

/**
 * 过去的预测表现如何: the city-wide forecast of each past month against what came, and how often
 * its ranges held. "As reported then" judges the forecasts each month really showed; "as known
 * now" the method on today's knowledge of each month (what a ledger imported later needs: it was
 * known on none of those days).
 */
function BacktestPanel({ known }: { known: Known }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = todayInChina();
  const [year, month] = today.split('-').map(Number);
  const from = new Date(Date.UTC(year, month - 1 - BACKTEST.months, 1)).toISOString().slice(0, 10);
  const backtest = useLoad(
    () => api.backtest({ from, to: today, every: 'month', known, horizonDays: BACKTEST.horizonDays }),
    [from, today, known],
  );
  const option = useMemo(
    () => (backtest.data ? backtestOption(backtest.data.points, i18n) : null),
    [backtest.data, i18n],
  );
  const coverage = backtest.data?.coverage;
  return (
    <section className="panel" aria-labelledby="backtest-title">
      <h2 id="backtest-title">{t('backtest.title')}</h2>
      <ProblemBanner problem={backtest.problem} />
      {!option || !coverage ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <Chart option={option} height={280} label={t('backtest.title')} />
          <p className="forecast-text" data-testid="backtest-coverage">
            {coverage.evaluated === 0
              ? t('backtest.noneYet')
              : t('backtest.coverage', {
                  n: coverage.evaluated,
                  within80: coverage.within80,
                  rate80: formatPercent(coverage.rate80),
                  within95: coverage.within95,
                  rate95: formatPercent(coverage.rate95),
                })}
          </p>
          <p className="muted small">
            {t(known === 'then' ? 'backtest.noteThen' : 'backtest.noteNow', { days: BACKTEST.horizonDays })}
          </p>
        </>
      )}
    </section>
  );
}

function TrendChart({ points }: { points: TrendPoint[] }) {
  const i18n = useI18n();
  const option = useMemo(() => trendOption(points, i18n), [points, i18n]);
  return <Chart option={option} height={280} label={i18n.t('dash.trend')} />;
}

function RatePanel({
  groupBy,
  title,
  none,
  filters,
  filtersKey,
  drill,
}: {
  groupBy: GroupBy;
  title: string;
  none: string;
  filters: DashboardFilters;
  filtersKey: string;
  drill: Drill;
}) {
  const i18n = useI18n();
  const rows = useLoad(() => api.landingRate(groupBy, filters), [groupBy, filtersKey]);
  const barHref = (row: RateRow) => drill({ groupBy, key: row.key ?? undefined });
  const option = useMemo(() => (rows.data ? rateBarsOption(rows.data, none, i18n) : null), [rows.data, none, i18n]);
  return (
    <section className="panel">
      <h2>{title}</h2>
      <ProblemBanner problem={rows.problem} />
      {!rows.data ? (
        <p className="muted">{i18n.t('common.loading')}</p>
      ) : rows.data.length === 0 ? (
        <p className="muted">{i18n.t('chart.noData')}</p>
      ) : (
        <>
          <Chart
            option={option!}
            height={Math.max(160, rows.data.length * 30 + 24)}
            label={title}
            onClick={(i) => (window.location.hash = barHref(rows.data![i]))}
          />
          {/* The bars as links too: for the keyboard, screen readers and exact clicks. */}
          <details className="drill-links">
            <summary>{i18n.t('drill.byBar')}</summary>
            <ul>
              {rows.data.map((row) => (
                <li key={row.key ?? ''}>
                  <a href={barHref(row)}>{row.key === null ? none : conferenceTheme(row) || row.label}</a>{' '}
                  <span className="muted">
                    {formatCount(row.landed)} / {formatCount(row.inLibrary)}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
