import { FormEvent, useEffect, useRef, useState } from 'react';
import { api, NEED_KINDS, NeedKind, Tier, TIERS } from '../api';
import { wanToYuan } from '../format';
import { useI18n } from '../i18n';
import { DISTRICTS, INDUSTRY_CHAINS } from '../reference';
import { navigate } from '../router';
import { useLoad } from '../use-load';
import { Field, fieldError, Notice, ProblemBanner, useCommand } from './form';

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
  const { pending, problem, run } = useCommand();
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
        <EnterprisePicker selected={enterprise} onSelect={setEnterprise} error={fieldError(problem, 'enterpriseId')} />
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
        <Field label={t('new.projectTitle')} error={fieldError(problem, 'title')}>
          <input value={form.title} onChange={set('title')} />
        </Field>
        <Field label={t('new.summary')} error={fieldError(problem, 'summary')} hint={t('common.optional')}>
          <textarea rows={3} value={form.summary} onChange={set('summary')} />
        </Field>
        <div className="row-3">
          <Field label={t('new.industryChain')} error={fieldError(problem, 'industryChain')}>
            <input list="new-project-chains" value={form.industryChain} onChange={set('industryChain')} />
          </Field>
          <Field label={t('new.district')} error={fieldError(problem, 'district')}>
            <select value={form.district} onChange={set('district')}>
              <option value="">{t('common.choose')}</option>
              {DISTRICTS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('new.investment')} error={fieldError(problem, 'investmentYuan')}>
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
            <Field label={t('new.needKind')} error={fieldError(problem, `needs[${index}].kind`)}>
              <select value={need.kind} onChange={(e) => changeNeed(need.key, { kind: e.target.value as NeedKind })}>
                {NEED_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`need.${kind}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('new.needDescription')} error={fieldError(problem, `needs[${index}].description`)} className="grow">
              <input value={need.description} onChange={(e) => changeNeed(need.key, { description: e.target.value })} />
            </Field>
            <button type="button" className="link-button" onClick={() => setNeeds(needs.filter((n) => n.key !== need.key))}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        {fieldError(problem, 'needs') ? <p className="field-error">{fieldError(problem, 'needs')}</p> : null}
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
  error?: string;
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

function RegisterEnterprise({ onRegistered }: { onRegistered: (enterprise: { id: string; name: string }) => void }) {
  const { t } = useI18n();
  const { pending, problem, run } = useCommand();
  const [form, setForm] = useState({ name: '', creditCode: '', district: '', tier: 'none' as Tier });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      api.createEnterprise({
        name: form.name,
        creditCode: form.creditCode.trim() || undefined,
        district: form.district || undefined,
        tier: form.tier,
      }),
    );
    if (result) onRegistered({ id: result.id, name: form.name.trim() });
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate aria-label={t('new.registerEnterprise')}>
      <ProblemBanner problem={problem} shown={(f) => ['name', 'creditCode', 'district', 'tier'].includes(f)} />
      <div className="row-2">
        <Field label={t('new.enterpriseName')} error={fieldError(problem, 'name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('new.creditCode')} error={fieldError(problem, 'creditCode')} hint={t('common.optional')}>
          <input value={form.creditCode} onChange={(e) => setForm({ ...form, creditCode: e.target.value })} />
        </Field>
        <Field label={t('ent.district')} error={fieldError(problem, 'district')}>
          <select value={form.district} onChange={(e) => setForm({ ...form, district: e.target.value })}>
            <option value="">{t('common.choose')}</option>
            {DISTRICTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('new.tier')} error={fieldError(problem, 'tier')}>
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value as Tier })}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {t(`tier.${tier}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" disabled={pending}>
        {t('new.register')}
      </button>
    </form>
  );
}
