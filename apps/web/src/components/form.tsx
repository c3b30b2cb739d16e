import { cloneElement, ReactElement, ReactNode, useCallback, useId, useRef, useState } from 'react';
import { ApiError, Problem } from '../api';
import { formatCount } from '../format';
import { useI18n } from '../i18n';
import { bannerText, fieldText, ProblemText } from '../problem-text';

/**
 * Runs a command and keeps its outcome for the form: the problem details on failure (field
 * errors go next to the fields, via `errorAt`, the rest into the banner) and whether it is still
 * running.
 */
export function useCommand() {
  const { lang } = useI18n();
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
  // One object per field and answer: a field tells a new answer from a re-render by it (Field).
  const texts = useRef({ problem, lang, byField: new Map<string, ProblemText | undefined>() });
  if (texts.current.problem !== problem || texts.current.lang !== lang)
    texts.current = { problem, lang, byField: new Map() };
  /** What is wrong with one input field (a JSON path such as `milestones[1].dueOn`), in the reader's language. */
  const errorAt = (field: string) => {
    const { byField } = texts.current;
    if (!byField.has(field)) byField.set(field, fieldText(problem, field, lang));
    return byField.get(field);
  };
  return { pending, problem, errorAt, run };
}

/** A message for the reader; the API's own words in the tooltip. */
export function FieldError({ error, id }: { error: ProblemText | undefined; id?: string }) {
  if (!error) return null;
  return (
    <span id={id} className="field-error" title={error.server}>
      {error.text}
    </span>
  );
}

interface FieldProps {
  label: string;
  error?: ProblemText;
  hint?: string;
  className?: string;
  children: ReactElement<Record<string, unknown>>;
}

/** One labelled form control with the API's message for it underneath. */
export function Field({ label, error: given, hint, className, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  // A field's error goes once the reader edits the field; the next answer brings errors anew
  // (useCommand's errorAt gives one object per answer).
  const [edited, setEdited] = useState({ error: given, edited: false });
  if (edited.error !== given) setEdited({ error: given, edited: false });
  const error = edited.edited && edited.error === given ? undefined : given;
  const onChange = children.props.onChange as ((...args: unknown[]) => void) | undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? messageId : undefined,
        onChange: (...args: unknown[]) => {
          if (given && !edited.edited) setEdited({ error: given, edited: true });
          onChange?.(...args);
        },
      })}
      {error ? (
        <FieldError id={messageId} error={error} />
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
 * here; the others are listed, and the API's own words are in the tooltips, so no message from
 * the API is ever lost.
 */
export function ProblemBanner({
  problem,
  shown = () => false,
}: {
  problem: Problem | null;
  shown?: (field: string) => boolean;
}) {
  const { t, lang } = useI18n();
  if (!problem) return null;
  const { message, others } = bannerText(problem, shown, lang);
  return (
    <div className="banner banner-error" role="alert">
      <strong>{t('error.title')}</strong> <span title={message.server}>{message.text}</span>
      {others.length > 0 ? (
        <ul>
          {others.map(({ field, label, error }) => (
            <li key={field} title={error.server}>
              {t('common.labelled', { label, value: error.text })}
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

export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const nav = useRef<HTMLElement>(null);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (next: number) => {
    onPage(next);
    // The next page is read from its top, which a long list has scrolled out of sight.
    const list = nav.current?.parentElement;
    if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="pager" aria-label={t('pager.label')} ref={nav}>
      <button type="button" onClick={() => go(page - 1)} disabled={page <= 1}>
        {t('pager.prev')}
      </button>
      <span>{t('pager.info', { page: formatCount(page), pages: formatCount(pages), total: formatCount(total) })}</span>
      <button type="button" onClick={() => go(page + 1)} disabled={page >= pages}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
