import { FormEvent, useEffect, useRef, useState } from 'react';
import { api, NEED_KINDS, NeedKind } from '../api';
import { wanToYuan } from '../format';
import { useI18n } from '../i18n';
import { DISTRICTS, INDUSTRY_CHAINS } from '../reference';
import { navigate } from '../router';
import { useLoad } from '../use-load';
import { RegisterEnterprise } from './enterprises-page';
import { Field, FieldError, Notice, ProblemBanner, useCommand } from './form';
import type { ProblemText } from '../problem-text';

const NEED_FIELDS = /^needs\[\d+\]\.(kind|description)$/;
const PROJECT_FIELDS = ['enterpriseId', 'title', 'summary', 'industryChain', 'district', 'investmentYuan', 'needs'];

interface NeedRow {
  key: number;
  kind: NeedKind;
  description: string;
}

/** Submitting a project (征集/申报): choose or register the enterprise, then the project and its needs. */
export function NewProjectPage() {
  const { t } = useI18n();
  const [enterprise, setEnterprise] = useState<{ id: string; name: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const { pending, problem, errorAt, run } = useCommand();
  const nextKey = useRef(0);
  const [form, setForm] = useState({ title: '', summary: '', industryChain: '', district: '', investment: '' });
  const [needs, setNeeds] = useState<NeedRow[]>([]);

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });
  const changeNeed = (key: number, patch: Partial<NeedRow>) => setNeeds(needs.map((n) => (n.key === key ? { ...n, ...patch } : n)));

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
        needs: needs.map(({ kind, description }) => ({ kind, description })),
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
        <button type="button" className="link-button" aria-expanded={registering} onClick={() => setRegistering(!registering)}>
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
        <Field label={t('new.projectTitle')} error={errorAt('title')}>
          <input value={form.title} onChange={set('title')} />
        </Field>
        <Field label={t('new.summary')} error={errorAt('summary')} hint={t('common.optional')}>
          <textarea rows={3} value={form.summary} onChange={set('summary')} />
        </Field>
        <div className="row-3">
          <Field label={t('new.industryChain')} error={errorAt('industryChain')}>
            <input list="new-project-chains" value={form.industryChain} onChange={set('industryChain')} />
          </Field>
          <Field label={t('new.district')} error={errorAt('district')}>
            <select value={form.district} onChange={set('district')}>
              <option value="">{t('common.choose')}</option>
              {DISTRICTS.map((name) => (
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
        <datalist id="new-project-chains">
          {INDUSTRY_CHAINS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <h3>{t('new.needs')}</h3>
        {needs.map((need, index) => (
          <fieldset key={need.key} className="need-row">
            <legend>
              {t('new.needs')} {index + 1}
            </legend>
            <Field label={t('new.needKind')} error={errorAt(`needs[${index}].kind`)}>
              <select value={need.kind} onChange={(e) => changeNeed(need.key, { kind: e.target.value as NeedKind })}>
                {NEED_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`need.${kind}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('new.needDescription')} error={errorAt(`needs[${index}].description`)} className="grow">
              <input value={need.description} onChange={(e) => changeNeed(need.key, { description: e.target.value })} />
            </Field>
            <button type="button" className="link-button" onClick={() => setNeeds(needs.filter((n) => n.key !== need.key))}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        <FieldError error={errorAt('needs')} />
        <div className="button-row">
          <button type="button" onClick={() => setNeeds([...needs, { key: nextKey.current++, kind: 'land', description: '' }])}>
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
