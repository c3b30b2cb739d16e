import { cloneElement, ReactElement, ReactNode, useCallback, useId, useState } from 'react';
import { ApiError, Problem } from '../api';
import { useI18n } from '../i18n';

/** The message the API gave for one input field (a JSON path such as `milestones[1].dueOn`). */
export function fieldError(problem: Problem | null, field: string): string | undefined {
  return problem?.errors?.find((error) => error.field === field)?.message;
}

/**
 * Runs a command and keeps its outcome for the form: the problem details on failure (field
 * errors go next to the fields, the rest into the banner) and whether it is still running.
 */
export function useCommand() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, detail: String(error) });
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, problem, setProblem, run };
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactElement<Record<string, unknown>>;
}

/** One labelled form control with the API's message for it underneath. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? messageId : undefined,
      })}
      {error ? (
        <span id={messageId} className="field-error">
          {error}
        </span>
      ) : hint ? (
        <span id={messageId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The problem as a banner. Field errors the form shows next to its fields (`shown`) are left out
 * here; the others (and the detail) are listed, so no message from the API is ever lost.
 */
export function ProblemBanner({ problem, shown = () => false }: { problem: Problem | null; shown?: (field: string) => boolean }) {
  const { t } = useI18n();
  if (!problem) return null;
  const others = (problem.errors ?? []).filter((error) => !shown(error.field));
  const allAtFields = (problem.errors?.length ?? 0) > 0 && others.length === 0;
  let message = problem.detail ?? problem.title;
  if (problem.status === 0) message = t('error.network');
  else if (problem.status === 403 && !message) message = t('error.forbidden');
  else if (problem.status === 404 && !message) message = t('error.notFound');
  else if (problem.status === 412) message = t('error.stale');
  else if (allAtFields) message = t('error.fields');
  return (
    <div className="banner banner-error" role="alert">
      <strong>{t('error.title')}</strong>
      {message ? <span> {message}</span> : null}
      {others.length > 0 ? (
        <ul>
          {others.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <code>{error.field}</code> {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-ok" role="status">
      {children}
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('pager.prev')}
      </button>
      <span>{t('pager.info', { page, pages, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
