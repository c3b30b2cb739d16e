/**
 * Display formatting, free of the DOM so it is unit-tested in Node. Business dates follow China
 * Standard Time (UTC+08:00 all year), the calendar the task force works by.
 */

export type Lang = 'zh-CN' | 'en';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const WAN = 10_000;
const YI = 100_000_000;

function group(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/**
 * An amount of yuan as Chinese government reports write it: 亿元 from one hundred million up
 * (1.23亿元, 205亿元), otherwise 万元 (4,560万元, 0.5万元); in English CNY million/billion.
 * Rounding happens before the unit is chosen, so 99,999,999 yuan reads 1亿元, not 10,000万元.
 */
export function formatAmount(yuan: number | null | undefined, lang: Lang): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return '—';
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  if (lang === 'en') {
    if (Math.round(abs / 1e7) >= 100) return `${sign}CNY ${(abs / 1e9).toFixed(2)} billion`;
    if (Math.round(abs / 1e5) >= 10) return `${sign}CNY ${(abs / 1e6).toFixed(1)} million`;
    return `${sign}CNY ${group(abs, 0)}`;
  }
  const wan = Math.round((abs / WAN) * 100) / 100;
  if (wan >= YI / WAN) return `${sign}${group(Math.round((abs / YI) * 100) / 100, 2)}亿元`;
  return `${sign}${group(wan, 2)}万元`;
}

/** A share as a percentage with one decimal: 0.6552 -> 65.5%. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** An interval of shares: 45.7%–80.1%. */
export function formatPercentRange(low: number, high: number): string {
  return `${formatPercent(low)}–${formatPercent(high)}`;
}

/** A count with thousands separators. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return group(value, 1);
}

/** The business date (YYYY-MM-DD, CST) of an ISO instant; a date passes through unchanged. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) return value;
  return new Date(millis + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as YYYY-MM-DD HH:mm in CST, for the timeline. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) return value;
  return new Date(millis + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Today's business date in CST. */
export function todayInChina(now: Date = new Date()): string {
  return formatDate(now.toISOString());
}

/** A business date moved by whole days. */
export function addDays(date: string, days: number): string {
  const millis = Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000;
  return new Date(millis).toISOString().slice(0, 10);
}

/** A quarter label for a date: 2024Q3. */
export function quarterLabel(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** 万元 typed into a form, as whole yuan for the API; null when it is not a number. */
export function wanToYuan(input: string): number | null {
  const trimmed = input.replace(/,/g, '').trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * WAN);
}
