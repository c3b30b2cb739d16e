import { ChangeEvent, useState } from 'react';
import { api, ApiError, EvidenceFile, Problem } from '../api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { ProblemBanner } from './form';

/** A file size as people read it (KB below a megabyte). */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Evidence for a command's form: each chosen file is uploaded at once (the API checks its type
 * by its bytes and its size), then listed with name, size and type until the form is sent.
 */
export function EvidenceUpload({
  files,
  onChange,
}: {
  files: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
}) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    setProblem(null);
    setUploading(true);
    let next = files;
    try {
      for (const file of chosen) {
        const uploaded = await api.uploadEvidence(file);
        if (!next.some((f) => f.fileId === uploaded.fileId)) next = [...next, uploaded];
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, detail: String(error) });
    } finally {
      setUploading(false);
      onChange(next);
    }
  };
  return (
    <div className="field">
      <label>
        <span>{t('evidence.files')}</span>
        <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" onChange={choose} disabled={uploading} />
      </label>
      <small className="muted">{uploading ? t('evidence.uploading') : t('evidence.hint')}</small>
      <ProblemBanner problem={problem} />
      {files.length > 0 ? (
        <ul className="evidence-files" aria-label={t('evidence.files')}>
          {files.map((file) => (
            <li key={file.fileId}>
              {file.name} · {formatSize(file.size)} · {file.mediaType}{' '}
              <button
                type="button"
                className="link-button small"
                onClick={() => onChange(files.filter((f) => f.fileId !== file.fileId))}
              >
                {t('evidence.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The evidence the project's events name, each with a download (the token goes with it, so no plain link). */
export function EvidenceList({ projectId, version }: { projectId: string; version: number }) {
  const { t, code } = useI18n();
  const evidence = useLoad(() => api.evidence(projectId), [projectId, version]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const files = evidence.data ?? [];
  return (
    <section className="panel" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      <ProblemBanner problem={evidence.problem ?? problem} />
      {files.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-files">
          {files.map((file) => (
            <li key={`${file.fileId}-${file.attachedTo.version}`}>
              <button
                type="button"
                className="link-button"
                title={t('evidence.download')}
                onClick={() =>
                  api
                    .downloadEvidence(file)
                    .catch((error) => setProblem(error instanceof ApiError ? error.problem : { status: 0 }))
                }
              >
                {file.name}
              </button>{' '}
              <span className="muted">
                {formatSize(file.size)} · {file.mediaType} ·{' '}
                {t('evidence.attachedTo', {
                  event: code('event', file.attachedTo.type),
                  date: formatDate(file.attachedTo.occurredAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
