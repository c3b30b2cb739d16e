import { FormEvent, useState } from 'react';
import { api, toPage, User } from '../api';
import { formatCount, formatDate, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { clearReferenceData } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, Pager, ProblemBanner, useCommand } from './form';

const PAGE_SIZE = 20;
const ORGANISERS = ['admin', 'taskforce'];

/** The creativity conferences (民营经济创意会), latest first, with how many of their projects landed. */
export function ConferencesPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const page = Math.max(1, Number(route.params.get('page')) || 1);
  const list = useLoad(() => api.conferences(), []);
  const shown = toPage(list.data ?? [], page, PAGE_SIZE);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('conf.title')}</h1>
        {list.data ? <p className="muted">{t('conf.count', { total: formatCount(list.data.length) })}</p> : null}
      </div>
      {ORGANISERS.includes(user.role) ? <ScheduleConference onScheduled={list.reload} /> : null}
      <ProblemBanner problem={list.problem} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('conf.name')}</th>
              <th scope="col">{t('conf.theme')}</th>
              <th scope="col">{t('conf.heldOn')}</th>
              <th scope="col" className="num">
                {t('conf.projects')}
              </th>
              <th scope="col" className="num">
                {t('conf.landed')}
              </th>
              <th scope="col" className="num">
                {t('conf.rate')}
              </th>
            </tr>
          </thead>
          <tbody aria-busy={list.loading}>
            {shown.items.map((conference) => (
              <tr key={conference.id}>
                <td>
                  <a href={href('/projects', { conferenceId: conference.id })}>{conference.title}</a>
                </td>
                <td>{conference.theme ?? '—'}</td>
                <td>{formatDate(conference.heldOn)}</td>
                <td className="num">{conference.projects ?? '—'}</td>
                <td className="num">{conference.landed ?? '—'}</td>
                <td className="num">{conference.projects ? formatPercent((conference.landed ?? 0) / conference.projects) : '—'}</td>
              </tr>
            ))}
            {list.data && shown.items.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted center">
                  {t('common.empty')}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={shown.total} onPage={(next) => navigate('/conferences', { page: next })} /> : null}
    </div>
  );
}

function ScheduleConference({ onScheduled }: { onScheduled: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = { title: '', theme: '', heldOn: '' };
  const [form, setForm] = useState(empty);
  const [scheduled, setScheduled] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setScheduled(null);
    const result = await run(() => api.createConference({ title: form.title, theme: form.theme.trim() || undefined, heldOn: form.heldOn }));
    if (result) {
      // The present-at-conference form offers the conferences from a per-session cache.
      clearReferenceData();
      setScheduled(form.title.trim());
      setForm(empty);
      onScheduled();
    }
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('conf.create')}>
      <h2>{t('conf.create')}</h2>
      {scheduled ? <Notice>{t('conf.created', { title: scheduled })}</Notice> : null}
      <ProblemBanner problem={problem} shown={(f) => ['title', 'theme', 'heldOn'].includes(f)} />
      <div className="row-3">
        <Field label={t('conf.name')} error={errorAt('title')}>
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </Field>
        <Field label={t('conf.theme')} error={errorAt('theme')} hint={t('common.optional')}>
          <input value={form.theme} onChange={(e) => setForm({ ...form, theme: e.target.value })} />
        </Field>
        <Field label={t('conf.heldOn')} error={errorAt('heldOn')}>
          <input type="date" value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('common.create')}
      </button>
    </form>
  );
}
