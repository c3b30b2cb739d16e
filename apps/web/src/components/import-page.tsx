import { useState } from 'react';
import { api, ApiError, downloadFile, ImportReport, Problem } from '../api';
import { formatCount } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { Notice, ProblemBanner } from './form';

/**
 * 导入台账: upload a historical ledger, see every problem at its row and column (a dry run,
 * nothing written), fix the file, upload it again, and import it as a whole.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPending(true);
    setProblem(null);
    try {
      setReport(await api.importProjects(file, dryRun));
    } catch (error) {
      const p = error instanceof ApiError ? error.problem : { status: 0, detail: String(error) };
      setProblem(p);
      // A refused commit lists the problems like a dry run.
      const rows = p as Problem & Partial<ImportReport>;
      setReport(
        p.code === 'IMPORT_HAS_ERRORS' && rows.rows !== undefined
          ? {
              dryRun: false,
              rows: rows.rows,
              valid: rows.valid ?? 0,
              invalid: rows.invalid ?? 0,
              alreadyImported: 0,
              errors: (rows.errors ?? []) as unknown as ImportReport['errors'],
            }
          : null,
      );
    } finally {
      setPending(false);
    }
  };
  const template = () =>
    downloadFile('/api/imports/projects/template.xlsx', {}, t('import.templateFile')).catch((error) =>
      setProblem(error instanceof ApiError ? error.problem : { status: 0, detail: String(error) }),
    );
  const checked = report !== null && report.dryRun && report.invalid === 0;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('import.title')}</h1>
        <p className="muted">{t('import.intro')}</p>
        <button type="button" onClick={template}>
          {t('import.template')}
        </button>
      </div>
      <section className="panel">
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setProblem(null);
            }}
          />
        </label>
        <div className="button-row">
          <button type="button" disabled={!file || pending} onClick={() => send(true)}>
            {t('import.check')}
          </button>
          <button type="button" className="primary" disabled={!checked || pending} onClick={() => send(false)}>
            {t('import.commit')}
          </button>
        </div>
      </section>
      <ProblemBanner problem={problem} />
      {report ? (
        <section className="panel" aria-live="polite">
          <p>
            {t('import.counts', {
              rows: formatCount(report.rows),
              valid: formatCount(report.valid),
              invalid: formatCount(report.invalid),
              already: formatCount(report.alreadyImported),
            })}
          </p>
          {report.imported ? (
            <Notice>
              {t('import.done', {
                projects: formatCount(report.imported.projects),
                events: formatCount(report.imported.events),
              })}{' '}
              <a href={href('/projects')}>{t('nav.projects')}</a>
            </Notice>
          ) : null}
          {report.errors.length > 0 ? (
            <table className="table import-errors">
              <thead>
                <tr>
                  <th>{t('import.row')}</th>
                  <th>{t('import.column')}</th>
                  <th>{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}>
                    <td>{e.row}</td>
                    <td>{e.column}</td>
                    <td>
                      <code>{e.code}</code> {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : checked ? (
            <p>{t('import.ready')}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
