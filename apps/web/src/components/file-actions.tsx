import { useEffect, useState } from 'react';
import { ApiError, downloadFile, Problem } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ProblemBanner } from './form';

type Query = Record<string, string | number | boolean | undefined | null>;

/** 导出Excel: the list as the page shows it (same filters), as an .xlsx download. */
export function ExportButton({ path, query = {}, fileName }: { path: string; query?: Query; fileName: string }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async () => {
    setPending(true);
    setProblem(null);
    try {
      await downloadFile(path, query, fileName);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, detail: String(error) });
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="file-actions no-print">
      <button type="button" disabled={pending} onClick={run}>
        {pending ? t('export.pending') : t('export.xlsx')}
      </button>
      <ProblemBanner problem={problem} />
    </span>
  );
}

/** 打印: the browser's print dialog (and its PDF), with the page's print layout. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {t('print.button')}
    </button>
  );
}

/** A CSS string literal of `text`. */
const cssString = (text: string): string =>
  `"${text.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * Puts what is printed, as of when and when it was printed in the top margin of every printed
 * page (an @page margin box: it repeats on each page, outside the content, so nothing is
 * covered). Removed again when the page is left.
 */
export function usePrintStamp(what: string | undefined, asOf: string) {
  const { t } = useI18n();
  useEffect(() => {
    if (!what) return;
    const style = document.createElement('style');
    style.dataset.printStamp = '';
    const printedAt = formatDateTime(new Date().toISOString());
    style.textContent = `@page { @top-left { content: ${cssString(what)}; font-size: 8pt; color: #334155; } @top-right { content: ${cssString(t('print.stamp', { asOf, printedAt }))}; font-size: 8pt; color: #334155; } }`;
    document.head.appendChild(style);
    return () => style.remove();
  }, [what, asOf, t]);
}
