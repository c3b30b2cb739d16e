import { useEffect, useMemo, useState } from 'react';
import { api, Forecast, RateRow, setBearerOverride, Summary } from '../api';
import { formatAmount, formatCount, formatDateTime, formatPercent, quarterLabel, todayInChina } from '../format';
import { Lang, useI18n } from '../i18n';
import { Route } from '../router';
import { useLoad } from '../use-load';
import { Chart, ChartOption, fanNumbers, rateBarsOption, trendOption } from './charts';

const WALL_TOKEN_KEY = 'luodi.wallToken';
const DEFAULT_REFRESH_SECONDS = 60;

/**
 * 挂图作战: the dashboard on a wall screen — full screen, large type, fitting 1920×1080 without
 * scrolling, refreshing itself. It reads with a display token an admin issued (#/wall?token=…,
 * kept in this browser so the screen survives restarts), never with a user's session, so it does
 * not fall back to the login page when a session would end; a revoked token says so on screen.
 */
export function WallPage({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [token] = useState(() => {
    const given = route.params.get('token');
    if (given) localStorage.setItem(WALL_TOKEN_KEY, given);
    return given ?? localStorage.getItem(WALL_TOKEN_KEY);
  });
  const refreshSeconds = Math.max(5, Number(route.params.get('refresh')) || DEFAULT_REFRESH_SECONDS);
  const [tick, setTick] = useState(0);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setBearerOverride(token);
    setReady(true);
    // The token leaves the address bar (and the screen) once kept.
    if (route.params.has('token')) history.replaceState(null, '', '#/wall');
    return () => setBearerOverride(null);
  }, [token]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [refreshSeconds]);

  const asOf = todayInChina();
  const load = <T,>(fetch: () => Promise<T>) => (ready && token ? fetch() : new Promise<T>(() => {}));
  const summary = useLoad(() => load(() => api.summary({ asOf })), [ready, tick]);
  const forecast = useLoad(() => load(() => api.forecast({ asOf, horizonDays: 365 })), [ready, tick]);
  const byDepartment = useLoad(() => load(() => api.landingRate('department', { asOf })), [ready, tick]);
  const byConference = useLoad(() => load(() => api.landingRate('conference', { asOf })), [ready, tick]);
  const trend = useLoad(() => load(() => api.trend({ asOf, quarters: 8 })), [ready, tick]);
  const [shownAt, setShownAt] = useState<string>();
  useEffect(() => {
    if (summary.data) setShownAt(new Date().toISOString());
  }, [summary.data]);

  const problem = [summary, forecast, byDepartment, byConference, trend].map((l) => l.problem).find(Boolean);
  const trendChart = useMemo(
    () =>
      trend.data &&
      large(
        trendOption(
          trend.data.points.map(({ asOf: end, summary: s }) => ({
            label: quarterLabel(end),
            inLibrary: s.inLibrary,
            landed: s.landed,
            landingRate: s.landingRate,
          })),
          i18n,
        ),
      ),
    [trend.data, i18n],
  );

  if (!token || problem?.status === 401) {
    return (
      <div className="wall wall-message" role="alert">
        <h1>{t('wall.title')}</h1>
        <p>{t(token ? 'wall.revoked' : 'wall.noToken')}</p>
      </div>
    );
  }
  return (
    <div className="wall">
      <header className="wall-head">
        <h1>{t('wall.title')}</h1>
        <p>
          {t('wall.asOf', { date: asOf })}
          {shownAt ? ` · ${t('wall.refreshed', { at: formatDateTime(shownAt) })}` : ''}
        </p>
        <button
          type="button"
          className="wall-fullscreen"
          onClick={() => void document.documentElement.requestFullscreen?.()}
        >
          {t('wall.fullscreen')}
        </button>
      </header>
      <WallKpis summary={summary.data} lang={lang} />
      <div className="wall-grid">
        <WallBars title={t('dash.byDepartment')} rows={byDepartment.data} none={t('dash.noDepartment')} />
        <WallBars title={t('dash.byConference')} rows={byConference.data} none={t('dash.noConference')} />
        <section className="wall-panel">
          <h2>{t('dash.trend')}</h2>
          {trendChart ? <Chart option={trendChart} height={WALL_CHART_HEIGHT} label={t('dash.trend')} /> : null}
          <WallForecast forecast={forecast.data} />
        </section>
      </div>
      {problem ? <p className="wall-problem">{problem.detail ?? problem.title}</p> : null}
    </div>
  );
}

const WALL_CHART_HEIGHT = 520;

/** Wall type: axis labels, legends and bar labels readable from across a room; bars as wide as names. */
function large(option: ChartOption): ChartOption {
  const bigger = (axis: unknown) =>
    [axis].flat().map((a) => {
      const label = (a as { axisLabel?: { width?: number } }).axisLabel;
      return { ...(a as object), axisLabel: { ...label, fontSize: 20, ...(label?.width ? { width: 260 } : {}) } };
    });
  const series = [option.series ?? []]
    .flat()
    .map((s) => (s.type === 'bar' ? { ...s, barMaxWidth: 40, label: { ...(s.label as object), fontSize: 18 } } : s));
  return {
    ...option,
    legend: option.legend ? { ...(option.legend as object), textStyle: { fontSize: 20 } } : undefined,
    xAxis: option.xAxis ? bigger(option.xAxis) : undefined,
    yAxis: option.yAxis ? bigger(option.yAxis) : undefined,
    series,
  } as ChartOption;
}

function WallKpis({ summary, lang }: { summary?: Summary; lang: Lang }) {
  const { t } = useI18n();
  const cards = [
    { label: t('kpi.inLibrary'), value: formatCount(summary?.inLibrary) },
    { label: t('kpi.landed'), value: formatCount(summary?.landed) },
    { label: t('kpi.landingRate'), value: formatPercent(summary?.landingRate) },
    { label: t('kpi.investment'), value: formatAmount(summary?.investmentYuan, lang) },
    { label: t('kpi.landedInvestment'), value: formatAmount(summary?.landedInvestmentYuan, lang) },
  ];
  return (
    <div className="wall-kpis">
      {cards.map((card) => (
        <section className="wall-kpi" key={card.label} aria-label={card.label}>
          <h2>{card.label}</h2>
          <p className="wall-kpi-value">{card.value}</p>
        </section>
      ))}
    </div>
  );
}

function WallBars({ title, rows, none }: { title: string; rows?: RateRow[]; none: string }) {
  const i18n = useI18n();
  // The largest groups fill a wall panel; the full list is on the dashboard.
  const option = useMemo(() => rows && large(rateBarsOption(rows.slice(0, 10), none, i18n)), [rows, none, i18n]);
  return (
    <section className="wall-panel">
      <h2>{title}</h2>
      {option ? <Chart option={option} height={WALL_CHART_HEIGHT + 110} label={title} /> : null}
    </section>
  );
}

function WallForecast({ forecast }: { forecast?: Forecast }) {
  const { t } = useI18n();
  if (!forecast) return null;
  const estimable = forecast.n > 0 && !forecast.warnings.some((warning) => warning.code === 'NO_LANDINGS');
  return <p className="wall-forecast">{estimable ? t('forecast.text', fanNumbers(forecast)) : t('forecast.none')}</p>;
}
