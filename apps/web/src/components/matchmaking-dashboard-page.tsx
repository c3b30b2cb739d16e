import { useMemo } from 'react';
import { api, COOPERATION_STAGES, MatchmakingGroup, TIERS } from '../api';
import { formatAmount, formatCount, formatPercent, formatPercentRange, todayInChina } from '../format';
import { useI18n } from '../i18n';
import { navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Chart, conversionBarsOption, funnelOption, ladderOption } from './charts';
import { ProblemBanner } from './form';

const GROUPS: MatchmakingGroup[] = ['event', 'category', 'publisher', 'tier'];

/** 对接看板: demands, proposals, signings and their conversion, as of any date; the tier ladder. */
export function MatchmakingDashboardPage({ route }: { route: Route }) {
  const { t, code, lang } = useI18n();
  const asOf = route.params.get('asOf') || todayInChina();
  const groupBy = (GROUPS.find((g) => g === route.params.get('groupBy')) ?? 'category') as MatchmakingGroup;
  const figures = useLoad(() => api.matchmakingDashboard({ asOf, groupBy }), [asOf, groupBy]);
  const byCategory = useLoad(() => api.matchmakingDashboard({ asOf, groupBy: 'category' }), [asOf]);
  const ladder = useLoad(() => api.tierLadder({ asOf }), [asOf]);
  const set = (changes: Record<string, string>) => navigate('/matchmaking/dashboard', { asOf, groupBy, ...changes });
  const labelOf = (key: string | null, label: string) =>
    key === null
      ? t('mmdash.none')
      : groupBy === 'category'
        ? code('category', key)
        : groupBy === 'tier'
          ? key === 'none'
            ? t('ladder.none')
            : code('tier', key)
          : label;

  const funnel = useMemo(
    () =>
      figures.data &&
      funnelOption(
        COOPERATION_STAGES.filter((s) => s !== 'dropped').map((s) => ({
          label: code('stage', s),
          value: figures.data!.funnel[s],
        })),
      ),
    [figures.data, code],
  );
  const conversion = useMemo(
    () =>
      byCategory.data &&
      conversionBarsOption(
        byCategory.data.rows
          .filter((r) => r.proposals > 0)
          .map((r) => ({ ...r, label: code('category', r.key ?? '') })),
      ),
    [byCategory.data, code],
  );
  const ladderChart = useMemo(() => {
    if (!ladder.data) return undefined;
    const districts = ladder.data.rows.map((r) => r.key ?? t('mmdash.none'));
    return ladderOption(
      districts,
      TIERS.map((tier) => ({
        name: tier === 'none' ? t('ladder.none') : code('tier', tier),
        values: ladder.data!.rows.map((r) => r.counts[tier]),
      })),
    );
  }, [ladder.data, code, t]);
  const totals = figures.data?.totals;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('mmdash.title')}</h1>
      </div>
      <form className="filters" aria-label={t('mmdash.title')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('mmdash.asOf')}</span>
          <input
            type="date"
            value={asOf}
            max={todayInChina()}
            onChange={(e) => e.target.value && set({ asOf: e.target.value })}
          />
        </label>
        <label>
          <span>{t('mmdash.groupBy')}</span>
          <select value={groupBy} onChange={(e) => set({ groupBy: e.target.value })}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`mmdash.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ProblemBanner problem={figures.problem ?? byCategory.problem ?? ladder.problem} />
      {totals ? (
        <div className="kpis">
          <div className="kpi">
            <div>{t('mmdash.demands')}</div>
            <div className="kpi-value">{formatCount(totals.demands)}</div>
          </div>
          <div className="kpi">
            <div>{t('mmdash.proposals')}</div>
            <div className="kpi-value">{formatCount(totals.proposals)}</div>
          </div>
          <div className="kpi">
            <div>{t('mmdash.signed')}</div>
            <div className="kpi-value">{formatCount(totals.signed)}</div>
            <div className="kpi-note">{formatAmount(totals.signedAmountYuan, lang)}</div>
          </div>
          <div className="kpi">
            <div>{t('mmdash.conversion')}</div>
            <div className="kpi-value">{formatPercent(totals.conversion.value)}</div>
            <div className="kpi-note">
              {t('mmdash.interval')} {formatPercentRange(totals.conversion.low, totals.conversion.high)}
            </div>
          </div>
          <div className="kpi">
            <div>{t('mmdash.response')}</div>
            <div className="kpi-value">{totals.medianResponseDays ?? '—'}</div>
          </div>
        </div>
      ) : null}
      <div className="grid-2">
        <section className="panel">
          <h2>{t('mmdash.funnel')}</h2>
          {funnel ? (
            <Chart option={funnel} height={280} label={t('mmdash.funnel')} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </section>
        <section className="panel">
          <h2>{t('mmdash.byCategory')}</h2>
          {conversion ? (
            <Chart option={conversion} height={280} label={t('mmdash.byCategory')} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </section>
      </div>
      <section className="panel">
        <h2>{t(`mmdash.group.${groupBy}`)}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(`mmdash.group.${groupBy}`)}</th>
                <th scope="col" className="num">
                  {t('mmdash.demands')}
                </th>
                <th scope="col" className="num">
                  {t('mmdash.proposals')}
                </th>
                <th scope="col" className="num">
                  {t('mmdash.signed')}
                </th>
                <th scope="col" className="num">
                  {t('mmdash.conversion')}
                </th>
                <th scope="col">{t('mmdash.interval')}</th>
                <th scope="col" className="num">
                  {t('mmdash.amount')}
                </th>
                <th scope="col" className="num">
                  {t('mmdash.response')}
                </th>
              </tr>
            </thead>
            <tbody aria-busy={figures.loading}>
              {figures.data?.rows.map((row) => (
                <tr key={row.key ?? ''}>
                  <td>{labelOf(row.key, row.label)}</td>
                  <td className="num">{row.demands}</td>
                  <td className="num">{row.proposals}</td>
                  <td className="num">{row.signed}</td>
                  <td className="num">{row.proposals ? formatPercent(row.conversion.value) : '—'}</td>
                  <td>{row.proposals ? formatPercentRange(row.conversion.low, row.conversion.high) : '—'}</td>
                  <td className="num">{formatAmount(row.signedAmountYuan, lang)}</td>
                  <td className="num">{row.medianResponseDays ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{t('mmdash.ladder')}</h2>
        {ladderChart ? (
          <Chart option={ladderChart} height={320} label={t('mmdash.ladder')} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        {ladder.data?.upgradesByYear.length ? (
          <p className="muted">
            {t('mmdash.upgrades')}: {ladder.data.upgradesByYear.map((u) => `${u.year}: ${u.upgrades}`).join(' · ')}
          </p>
        ) : null}
      </section>
    </div>
  );
}
