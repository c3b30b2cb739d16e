/**
 * ECharts, imported piece by piece from echarts/core so the bundle carries only bar, line and
 * funnel charts, the grid, tooltip and legend, and the canvas renderer.
 */
import {
  BarChart,
  BarSeriesOption,
  FunnelChart,
  FunnelSeriesOption,
  LineChart,
  LineSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  GridComponentOption,
  LegendComponent,
  LegendComponentOption,
  TooltipComponent,
  TooltipComponentOption,
} from 'echarts/components';
import { ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { BacktestPoint, Forecast, RateRow } from '../api';
import { addDays, formatCount, formatPercent } from '../format';
import { I18n, useI18n } from '../i18n';
import { conferenceTheme } from '../reference';

use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif';
const BLUE = '#1f5fa8';
const TEAL = '#2a9d8f';
// Grids below use ECharts 6's outer bounds: 'same' keeps the axis labels inside the given margins.
const base = { textStyle: { fontFamily: FONT, color: '#334155' }, animation: false };

export function Chart({
  option,
  height,
  label,
  onClick,
}: {
  option: ChartOption;
  height: number;
  label: string;
  /** A click on a bar or point: its index in the data. */
  onClick?: (dataIndex: number) => void;
}) {
  const { lang } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  // ECharts fixes its locale (month names on time axes) at init, so a language switch re-creates it.
  useEffect(() => {
    const node = element.current!;
    const instance = init(node, undefined, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, lang]);

  return <div ref={element} className="chart" style={{ height }} role="img" aria-label={label} />;
}

/** Landing rate per group as horizontal bars, labelled "65.5% (19/29)". */
/** `noneLabel` names the group of library projects without a key (not presented yet, no plan yet). */
export function rateBarsOption(rows: RateRow[], noneLabel: string, i18n: I18n): ChartOption {
  return {
    ...base,
    grid: { left: 8, right: 96, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatPercent(Number(value)),
    },
    // On a phone the bars are narrow: percentages that would overlap are left out.
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => formatPercent(v).replace('.0', ''), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // A conference by its theme: every title reads "第X期民营经济创意会…".
      data: rows.map((row) => (row.key === null ? noneLabel : conferenceTheme(row) || row.label || row.key)),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: i18n.t('chart.landingRate'),
        data: rows.map((row) => row.landingRate),
        itemStyle: { color: BLUE, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          formatter: (p) => {
            const row = rows[p.dataIndex];
            return `${formatPercent(row.landingRate)} (${row.landed}/${row.inLibrary})`;
          },
        },
      },
    ],
  };
}

export interface TrendPoint {
  label: string;
  inLibrary: number;
  landed: number;
  landingRate: number;
}

/** Library and landed counts at the end of each quarter, with the landing rate on its own axis. */
export function trendOption(points: TrendPoint[], i18n: I18n): ChartOption {
  return {
    ...base,
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      {
        type: 'value',
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => formatPercent(v).replace('.0', '') },
      },
    ],
    series: [
      {
        type: 'bar',
        name: i18n.t('chart.inLibrary'),
        data: points.map((p) => p.inLibrary),
        itemStyle: { color: '#9db7d8' },
        barMaxWidth: 22,
      },
      {
        type: 'bar',
        name: i18n.t('chart.landed'),
        data: points.map((p) => p.landed),
        itemStyle: { color: BLUE },
        barMaxWidth: 22,
      },
      {
        type: 'line',
        name: i18n.t('chart.landingRate'),
        yAxisIndex: 1,
        data: points.map((p) => p.landingRate),
        itemStyle: { color: TEAL },
        tooltip: { valueFormatter: (value) => formatPercent(Number(value)) },
      },
    ],
  };
}

/** The Aalen–Johansen cumulative incidence of landing: a step curve over days since entry. */
export function curveOption(forecast: Forecast, i18n: I18n): ChartOption {
  const rows = forecast.curve;
  return {
    ...base,
    grid: { left: 8, right: 24, top: 16, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const row = rows[first.dataIndex];
        return i18n.t('forecast.curveTip', { day: row.day, p: formatPercent(row.landed), atRisk: row.atRisk });
      },
    },
    xAxis: {
      type: 'value',
      name: i18n.t('forecast.curveAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      minInterval: 1,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => formatPercent(v).replace('.0', '') },
    },
    series: [
      {
        type: 'line',
        step: 'end',
        name: i18n.t('chart.landed'),
        data: rows.map((row) => [row.day, row.landed]),
        // A single row draws no line; its point must still show.
        showSymbol: rows.length < 2,
        itemStyle: { color: BLUE },
        areaStyle: { color: 'rgba(31, 95, 168, 0.08)' },
      },
    ],
  };
}

/** The projection's numbers as the texts show them. */
export function fanNumbers(forecast: Forecast): Record<string, string> {
  const p = forecast.projection;
  return {
    date: addDays(forecast.asOf, p.horizonDays),
    // Whole projects: half a project landed means nothing to a reader.
    expected: formatCount(Math.round(p.expectedLanded)),
    rate: formatPercent(p.expectedLandingRate),
    inLibrary: formatCount(forecast.inLibrary),
    landed: formatCount(forecast.landed),
    current: formatPercent(forecast.landingRate.value),
    low80: formatCount(p.low80),
    high80: formatCount(p.high80),
    low95: formatCount(p.low95),
    high95: formatCount(p.high95),
  };
}

/**
 * The projection as a fan: observed landed counts (quarter ends) up to `asOf`, then the expected
 * count and its 80% and 95% intervals at the horizon. Bands are drawn as stacked areas: an
 * invisible lower edge plus the band's width.
 */
export function fanOption(forecast: Forecast, observed: { date: string; landed: number }[], i18n: I18n): ChartOption {
  const start = forecast.asOf;
  const end = addDays(start, forecast.projection.horizonDays);
  const band80 = 'rgba(42, 157, 143, 0.32)';
  const band95 = 'rgba(42, 157, 143, 0.14)';
  const p = forecast.projection;
  const edge = (low: number, high: number, name: string, stack: string, color: string): LineSeriesOption[] => [
    {
      type: 'line',
      name,
      stack,
      data: [
        [start, forecast.landed],
        [end, low],
      ],
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      showSymbol: false,
    },
    {
      type: 'line',
      name,
      stack,
      data: [
        [start, 0],
        [end, high - low],
      ],
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      showSymbol: false,
      areaStyle: { color },
    },
  ];
  return {
    ...base,
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      selectedMode: false,
      data: [
        i18n.t('chart.landed'),
        i18n.t('forecast.expected'),
        { name: i18n.t('forecast.band80'), icon: 'rect' },
        { name: i18n.t('forecast.band95'), icon: 'rect' },
      ],
    },
    // The band series hold stacked widths, not counts, so the tooltip states the intervals itself.
    tooltip: { trigger: 'item', formatter: () => i18n.t('forecast.tooltip', fanNumbers(forecast)) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, minInterval: 1 },
    series: [
      ...edge(p.low95, p.high95, i18n.t('forecast.band95'), 'band95', band95),
      ...edge(p.low80, p.high80, i18n.t('forecast.band80'), 'band80', band80),
      {
        type: 'line',
        name: i18n.t('chart.landed'),
        data: observed.map((point) => [point.date, point.landed]),
        itemStyle: { color: BLUE },
      },
      {
        type: 'line',
        name: i18n.t('forecast.expected'),
        data: [
          [start, forecast.landed],
          [end, Math.round(p.expectedLanded * 10) / 10],
        ],
        lineStyle: { type: 'dashed', color: TEAL },
        itemStyle: { color: TEAL },
      },
    ],
  };
}

/**
 * The backtest: at each past as-of date the 80% and 95% ranges the forecast gave then (bands,
 * stacked as low edge plus width) and its expected landings, against the landings that came by
 * the horizon (dots; none while the horizon is still ahead).
 */
export function backtestOption(points: BacktestPoint[], i18n: I18n): ChartOption {
  const dates = points.map((p) => p.asOf);
  const band = (
    low: (p: BacktestPoint) => number,
    high: (p: BacktestPoint) => number,
    name: string,
    color: string,
  ): LineSeriesOption[] => [
    {
      type: 'line',
      name,
      stack: name,
      data: points.map(low),
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      showSymbol: false,
    },
    {
      type: 'line',
      name,
      stack: name,
      data: points.map((p) => high(p) - low(p)),
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      showSymbol: false,
      areaStyle: { color },
    },
  ];
  return {
    ...base,
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      selectedMode: false,
      data: [
        i18n.t('backtest.actual'),
        i18n.t('forecast.expected'),
        { name: i18n.t('forecast.band80'), icon: 'rect' },
        { name: i18n.t('forecast.band95'), icon: 'rect' },
      ],
    },
    // The band series hold stacked widths, so the tooltip states each date's figures itself.
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params).dataIndex;
        const p = points[index];
        return i18n.t('backtest.tooltip', {
          asOf: p.asOf,
          expected: (Math.round(p.forecast.expectedLanded * 10) / 10).toString(),
          low80: p.forecast.low80,
          high80: p.forecast.high80,
          low95: p.forecast.low95,
          high95: p.forecast.high95,
          actual: p.actual ? formatCount(p.actual.landed) : i18n.t('backtest.pending'),
        });
      },
    },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', min: 0, minInterval: 1 },
    series: [
      ...band(
        (p) => p.forecast.low95,
        (p) => p.forecast.high95,
        i18n.t('forecast.band95'),
        'rgba(42, 157, 143, 0.14)',
      ),
      ...band(
        (p) => p.forecast.low80,
        (p) => p.forecast.high80,
        i18n.t('forecast.band80'),
        'rgba(42, 157, 143, 0.32)',
      ),
      {
        type: 'line',
        name: i18n.t('forecast.expected'),
        data: points.map((p) => Math.round(p.forecast.expectedLanded * 10) / 10),
        lineStyle: { type: 'dashed', color: TEAL },
        itemStyle: { color: TEAL },
      },
      {
        type: 'line',
        name: i18n.t('backtest.actual'),
        data: points.map((p) => (p.actual ? p.actual.landed : null)),
        lineStyle: { opacity: 0 },
        symbolSize: 8,
        itemStyle: { color: BLUE },
      },
    ],
  };
}

/** The matchmaking funnel: proposals at or past each stage, widest first. */
export function funnelOption(stages: { label: string; value: number }[]): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '8%',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        label: { position: 'inside', formatter: '{b} {c}', color: '#fff' },
        color: [BLUE, '#2f74c0', '#4a8fd4', TEAL, '#52b69a'],
        data: stages.map((stage) => ({ name: stage.label, value: stage.value })),
      },
    ],
  };
}

/** Conversion per group as bars with their Wilson interval in the tooltip and the label "50.0% (2/4)". */
export function conversionBarsOption(
  rows: {
    label: string;
    signed: number;
    proposals: number;
    conversion: { value: number; low: number; high: number };
  }[],
): ChartOption {
  return {
    ...base,
    grid: { left: 8, right: 96, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[(Array.isArray(params) ? params[0] : params).dataIndex];
        return `${row.label}<br/>${formatPercent(row.conversion.value)} (${row.signed}/${row.proposals})<br/>95%: ${formatPercent(row.conversion.low)}–${formatPercent(row.conversion.high)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => formatPercent(v).replace('.0', ''), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => row.conversion.value),
        itemStyle: { color: TEAL },
        label: {
          show: true,
          position: 'right',
          formatter: (p) =>
            `${formatPercent(Number(p.value))} (${rows[p.dataIndex].signed}/${rows[p.dataIndex].proposals})`,
        },
      },
    ],
  };
}

/** Enterprises per tier and district, stacked. */
export function ladderOption(districts: string[], series: { name: string; values: number[] }[]): ChartOption {
  return {
    ...base,
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: districts, axisLabel: { interval: 0, rotate: districts.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', stack: 'tiers', name: s.name, data: s.values })),
  };
}
