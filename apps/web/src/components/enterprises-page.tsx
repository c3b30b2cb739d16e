import { FormEvent, useState } from 'react';
import { api, Dossier, DossierProject as Project, ProjectStatus, Tier, TIERS, User } from '../api';
import { formatAmount, formatCount, formatDate, todayInChina } from '../format';
import { useI18n } from '../i18n';
import { departmentName, DISTRICTS, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { ExportButton, PrintButton, usePrintStamp } from './file-actions';
import { Field, Notice, Pager, ProblemBanner, useCommand } from './form';
import { MilestoneTable } from './milestone-table';
import { NeedsList } from './needs-list';
import { ListPage, PAGE_SIZE, pageParam, SearchForm } from './list-page';
import { StatusBadge } from './status-badge';
import { DossierMatchmaking } from './matchmaking-pages';

const DOSSIER_PAGE = 10;

const REGISTRARS = ['admin', 'taskforce'];
const CLOSED: ProjectStatus[] = ['landed', 'withdrawn', 'rejected'];

export function EnterprisesPage({ route, user }: { route: Route; user: User }) {
  const { t, code } = useI18n();
  const q = route.params.get('q') ?? '';
  const page = pageParam(route);
  const list = useLoad(() => api.enterprises({ q, page, pageSize: PAGE_SIZE }), [q, page]);
  const [text, setText] = useState(q);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<{ id: string; name: string } | null>(null);
  return (
    <ListPage
      title={t('ent.title')}
      count={list.data && t('ent.count', { total: formatCount(list.data.total) })}
      problem={list.problem}
      columns={[
        { label: t('ent.name') },
        { label: t('ent.creditCode') },
        { label: t('ent.district') },
        { label: t('ent.tier') },
        { label: t('ent.projects'), num: true },
        { label: t('ent.landed'), num: true },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(enterprise) => enterprise.id}
      row={(enterprise) => (
        <tr>
          <td>
            <a href={href(`/enterprises/${enterprise.id}`)}>{enterprise.name}</a>
          </td>
          <td>{enterprise.creditCode ?? '—'}</td>
          <td>{enterprise.district ?? '—'}</td>
          <td>{code('tier', enterprise.tier)}</td>
          <td className="num">{enterprise.projects}</td>
          <td className="num">{enterprise.landed}</td>
        </tr>
      )}
      onPage={(next) => navigate('/enterprises', { q, page: next })}
    >
      {REGISTRARS.includes(user.role) ? (
        <section className="panel">
          {registered ? (
            <Notice>
              {t('new.registered', { name: registered.name })} ·{' '}
              <a href={href(`/enterprises/${registered.id}`)}>{t('project.dossier')}</a>
            </Notice>
          ) : null}
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
              onRegistered={(enterprise) => {
                setRegistered(enterprise);
                setRegistering(false);
                list.reload();
              }}
            />
          ) : null}
        </section>
      ) : null}
      <SearchForm onSearch={() => navigate('/enterprises', { q: text.trim() })}>
        <label>
          <span>{t('ent.q')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </SearchForm>
    </ListPage>
  );
}

/** 一企一策: one enterprise, all its projects with their needs, plans and status, on one page. */
export function DossierPage({ id, user }: { id: string; user: User }) {
  const { t, code, lang } = useI18n();
  const dossier = useLoad(() => api.dossier(id), [id]);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const d = dossier.data;
  usePrintStamp(d ? t('print.dossier', { name: d.enterprise.name }) : undefined, todayInChina());
  if (!d) {
    return (
      <div className="page">
        <ProblemBanner problem={dossier.problem} />
        {dossier.loading ? <p className="muted">{t('common.loading')}</p> : null}
      </div>
    );
  }
  const e = d.enterprise;
  const { investmentYuan: invested, landed } = d.totals;
  const shown = d.projects.slice((page - 1) * DOSSIER_PAGE, page * DOSSIER_PAGE);
  return (
    <div className="page">
      <p>
        <a href={href('/enterprises')}>← {t('dossier.back')}</a>
      </p>
      <div className="page-head">
        <h1>
          {e.name} <span className="muted title-note">{t('dossier.title')}</span>
        </h1>
        {/* 'none' is no 专精特新 level at all: not worth a word. */}
        <p className="muted">
          {[e.creditCode, e.district, e.tier === 'none' ? null : code('tier', e.tier)].filter(Boolean).join(' · ')}
        </p>
        <p>{t('dossier.totals', { n: d.projects.length, amount: formatAmount(invested, lang), landed })}</p>
        <ExportButton
          path={`/api/enterprises/${encodeURIComponent(id)}/dossier/export.xlsx`}
          fileName={t('export.dossierFile')}
        />
        <PrintButton />
      </div>
      {REGISTRARS.includes(user.role) ? (
        <section className="panel">
          <button type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('dossier.edit')}
          </button>
          {editing ? (
            <EditEnterprise
              enterprise={e}
              onUpdated={() => {
                setEditing(false);
                dossier.reload();
              }}
            />
          ) : null}
        </section>
      ) : null}
      <DossierMatchmaking dossier={d} user={user} onChanged={dossier.reload} />
      {shown.map((project) => (
        <DossierProject key={project.id} project={project} />
      ))}
      {d.projects.length > DOSSIER_PAGE ? (
        <Pager page={page} pageSize={DOSSIER_PAGE} total={d.projects.length} onPage={setPage} />
      ) : null}
    </div>
  );
}

function DossierProject({ project }: { project: Project }) {
  const { t, lang } = useI18n();
  const departments = useDepartments();
  return (
    <section className="panel">
      <h2>
        <a href={href(`/projects/${project.id}`)}>{project.title}</a> <StatusBadge status={project.status} />
      </h2>
      <p className="muted">
        {[
          project.industryChain,
          project.district,
          formatAmount(project.investmentYuan, lang),
          project.conference?.title,
        ]
          .filter(Boolean)
          .join(' · ')}
        {project.landing ? ` · ${t('form.landedOn')} ${formatDate(project.landing.landedOn)}` : ''}
      </p>
      <div className="grid-2">
        <div>
          <h3>{t('dossier.needs')}</h3>
          <NeedsList needs={project.needs} />
        </div>
        <div>
          <h3>{t('dossier.plan')}</h3>
          {project.plan ? (
            <>
              <p>
                {t('common.labelled', {
                  label: t('project.lead'),
                  value: departmentName(departments, project.plan.leadDepartment),
                })}
                {project.plan.supportingDepartments.length
                  ? ` · ${t('common.labelled', {
                      label: t('project.supporting'),
                      value: project.plan.supportingDepartments
                        .map((c) => departmentName(departments, c))
                        .join(t('common.listSeparator')),
                    })}`
                  : ''}
              </p>
              <MilestoneTable
                milestones={project.plan.milestones}
                departments={departments}
                closed={CLOSED.includes(project.status)}
              />
            </>
          ) : (
            <p className="muted">{t('dossier.noPlan')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** Registers an enterprise (taskforce, admin); `onRegistered` gets its id and name. */
export function RegisterEnterprise({
  onRegistered,
}: {
  onRegistered: (enterprise: { id: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
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
        <Field label={t('new.enterpriseName')} error={errorAt('name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('new.creditCode')} error={errorAt('creditCode')} hint={t('common.optional')}>
          <input value={form.creditCode} onChange={(e) => setForm({ ...form, creditCode: e.target.value })} />
        </Field>
        <Field label={t('ent.district')} error={errorAt('district')}>
          <select value={form.district} onChange={(e) => setForm({ ...form, district: e.target.value })}>
            <option value="">{t('common.choose')}</option>
            {DISTRICTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('new.tier')} error={errorAt('tier')}>
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

/**
 * Renames an enterprise or changes its district or tier (taskforce, admin); only the fields
 * changed here are sent. The credit code is fixed at registration, so it is not offered.
 */
function EditEnterprise({ enterprise, onUpdated }: { enterprise: Dossier['enterprise']; onUpdated: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const initial = { name: enterprise.name, district: enterprise.district ?? '', tier: enterprise.tier };
  const [form, setForm] = useState(initial);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      api.updateEnterprise(enterprise.id, {
        name: form.name !== initial.name ? form.name : undefined,
        district: form.district !== initial.district ? form.district : undefined,
        tier: form.tier !== initial.tier ? form.tier : undefined,
      }),
    );
    if (result) onUpdated();
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate aria-label={t('dossier.edit')}>
      <ProblemBanner problem={problem} shown={(f) => ['name', 'district', 'tier'].includes(f)} />
      <div className="row-2">
        <Field label={t('new.enterpriseName')} error={errorAt('name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('ent.district')} error={errorAt('district')}>
          <select value={form.district} onChange={(e) => setForm({ ...form, district: e.target.value })}>
            <option value="">{t('common.choose')}</option>
            {[...new Set([...DISTRICTS, ...(enterprise.district ? [enterprise.district] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('new.tier')} error={errorAt('tier')}>
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value as Tier })}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {t(`tier.${tier}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('common.submit')}
      </button>
    </form>
  );
}
