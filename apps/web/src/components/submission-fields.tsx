import { useRef, useState } from 'react';
import { NEED_KINDS, NeedKind } from '../api';
import { useI18n } from '../i18n';
import type { ProblemText } from '../problem-text';
import { DISTRICTS } from '../reference';
import { ChainSelect } from './chain-select';
import { Field, FieldError } from './form';

type ErrorAt = (field: string) => ProblemText | undefined;

/** The fields of a submission as a form holds them (the investment in 万元, as typed). */
export interface SubmissionForm {
  title: string;
  summary: string;
  industryChain: string;
  district: string;
  investment: string;
}

/**
 * Title, summary, chain, district and investment of a project's submission: submitting one and
 * revising it under review ask the same. `district` is offered besides the usual ones (a revised
 * project may have one the list no longer has).
 */
export function SubmissionFields({
  form,
  onChange,
  errorAt,
  district,
}: {
  form: SubmissionForm;
  onChange: (form: SubmissionForm) => void;
  errorAt: ErrorAt;
  district?: string | null;
}) {
  const { t } = useI18n();
  const set = (name: keyof SubmissionForm) => (event: { target: { value: string } }) =>
    onChange({ ...form, [name]: event.target.value });
  const districts = [...new Set([...DISTRICTS, ...(district ? [district] : [])])];
  return (
    <>
      <Field label={t('new.projectTitle')} error={errorAt('title')}>
        <input value={form.title} onChange={set('title')} />
      </Field>
      <Field label={t('new.summary')} error={errorAt('summary')} hint={t('common.optional')}>
        <textarea rows={3} value={form.summary} onChange={set('summary')} />
      </Field>
      <div className="row-3">
        <Field label={t('new.industryChain')} error={errorAt('industryChain')}>
          <ChainSelect
            value={form.industryChain}
            onChange={(industryChain) => onChange({ ...form, industryChain })}
            empty={t('common.choose')}
          />
        </Field>
        <Field label={t('new.district')} error={errorAt('district')}>
          <select value={form.district} onChange={set('district')}>
            <option value="">{t('common.choose')}</option>
            {districts.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('new.investment')} error={errorAt('investmentYuan')}>
          <input inputMode="decimal" value={form.investment} onChange={set('investment')} />
        </Field>
      </div>
    </>
  );
}

/** A need as the form edits it; `needId` for a need the project has already (kept with its resolution). */
export interface NeedRow {
  key: number;
  needId?: string;
  kind: NeedKind;
  description: string;
}

/** The editable list of a submission's needs, each row keyed so React keeps its inputs apart. */
export function useNeedRows(initial: Omit<NeedRow, 'key'>[] = []) {
  const nextKey = useRef(0);
  const [needs, setNeeds] = useState<NeedRow[]>(() => initial.map((need) => ({ ...need, key: nextKey.current++ })));
  return {
    needs,
    change: (key: number, patch: Partial<NeedRow>) =>
      setNeeds(needs.map((n) => (n.key === key ? { ...n, ...patch } : n))),
    remove: (key: number) => setNeeds(needs.filter((n) => n.key !== key)),
    add: () => setNeeds([...needs, { key: nextKey.current++, kind: 'land', description: '' }]),
  };
}

export function NeedFields({ rows, errorAt }: { rows: ReturnType<typeof useNeedRows>; errorAt: ErrorAt }) {
  const { t } = useI18n();
  return (
    <>
      {rows.needs.map((need, index) => (
        <fieldset key={need.key} className="need-row">
          <legend>
            {t('new.needs')} {index + 1}
          </legend>
          <Field label={t('new.needKind')} error={errorAt(`needs[${index}].kind`)}>
            <select value={need.kind} onChange={(e) => rows.change(need.key, { kind: e.target.value as NeedKind })}>
              {NEED_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`need.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('new.needDescription')}
            error={errorAt(`needs[${index}].description`) ?? errorAt(`needs[${index}].needId`)}
            className="grow"
          >
            <input value={need.description} onChange={(e) => rows.change(need.key, { description: e.target.value })} />
          </Field>
          <button type="button" className="link-button" onClick={() => rows.remove(need.key)}>
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <FieldError error={errorAt('needs')} />
    </>
  );
}
