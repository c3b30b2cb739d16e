import { useState } from 'react';
import { ApiError, downloadFile, Problem } from '../api';
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
