import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { wanToYuan } from '../format';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useLoad } from '../use-load';
import { RegisterEnterprise } from './enterprises-page';
import { Field, Notice, ProblemBanner, useCommand } from './form';
import { NeedFields, SubmissionFields, SubmissionForm, useNeedRows } from './submission-fields';
import type { ProblemText } from '../problem-text';

const NEED_FIELDS = /^needs\[\d+\]\.(kind|description)$/;
const PROJECT_FIELDS = ['enterpriseId', 'title', 'summary', 'industryChain', 'district', 'investmentYuan', 'needs'];

/** Submitting a project (征集/申报): choose or register the enterprise, then the project and its needs. */
export function NewProjectPage() {
  const { t } = useI18n();
  const [enterprise, setEnterprise] = useState<{ id: string; name: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState<SubmissionForm>({
    title: '',
    summary: '',
    industryChain: '',
    district: '',
    investment: '',
  });
  const needs = useNeedRows();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      api.submitProject({
        enterpriseId: enterprise?.id ?? '',
        title: form.title,
        summary: form.summary.trim() || undefined,
        industryChain: form.industryChain.trim(),
        district: form.district || undefined,
        investmentYuan: wanToYuan(form.investment),
        needs: needs.needs.map(({ kind, description }) => ({ kind, description })),
      }),
    );
    if (result) navigate(`/projects/${result.id}`);
  };

  return (
    <div className="page narrow">
      <h1>{t('new.title')}</h1>
      <section className="panel">
        <h2>{t('new.enterprise')}</h2>
        {registered ? <Notice>{t('new.registered', { name: registered })}</Notice> : null}
        <EnterprisePicker selected={enterprise} onSelect={setEnterprise} error={errorAt('enterpriseId')} />
        <button
          type="button"
          className="link-button"
          aria-expanded={registering}
          onClick={() => setRegistering(!registering)}
        >
          {t('new.registerEnterprise')}
        </button>
        {registering ? (
          <RegisterEnterprise
            onRegistered={(created) => {
              setEnterprise(created);
              setRegistered(created.name);
              setRegistering(false);
            }}
          />
        ) : null}
      </section>

      <form className="panel form" onSubmit={submit} noValidate aria-label={t('new.title')}>
        <ProblemBanner problem={problem} shown={(f) => PROJECT_FIELDS.includes(f) || NEED_FIELDS.test(f)} />
        <SubmissionFields form={form} onChange={setForm} errorAt={errorAt} />
        <h3>{t('new.needs')}</h3>
        <NeedFields rows={needs} errorAt={errorAt} />
        <div className="button-row">
          <button type="button" onClick={needs.add}>
            {t('new.addNeed')}
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {t('new.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search by name; the first 20 matches are offered, never the whole register. */
function EnterprisePicker({
  selected,
  onSelect,
  error,
}: {
  selected: { id: string; name: string } | null;
  onSelect: (enterprise: { id: string; name: string } | null) => void;
  error?: ProblemText;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const found = useLoad(() => api.enterprises({ q: query, page: 1, pageSize: 20 }), [query]);
  const options = found.data?.items ?? [];
  const listed = selected && !options.some((e) => e.id === selected.id) ? [selected, ...options] : options;
  return (
    <div className="row-2">
      <Field label={t('new.findEnterprise')}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </Field>
      <Field label={t('new.enterprise')} error={error}>
        <select
          value={selected?.id ?? ''}
          onChange={(e) => onSelect(listed.find((enterprise) => enterprise.id === e.target.value) ?? null)}
        >
          <option value="">{t('common.choose')}</option>
          {listed.map((enterprise) => (
            <option key={enterprise.id} value={enterprise.id}>
              {enterprise.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
