import { FormEvent, useState } from 'react';
import { api, User } from '../api';
import { formatCount, formatDate, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { clearReferenceData } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, ProblemBanner, useCommand } from './form';
import { ListPage, pageOf, pageParam } from './list-page';

const ORGANISERS = ['admin', 'taskforce'];

/** The creativity conferences (民营经济创意会), latest first, with how many of their projects landed. */
export function ConferencesPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const list = useLoad(() => api.conferences(), []);
  return (
    <ListPage
      title={t('conf.title')}
      count={list.data && t('conf.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[
        { label: t('conf.name') },
        { label: t('conf.theme') },
        { label: t('conf.heldOn') },
        { label: t('conf.projects'), num: true },
        { label: t('conf.landed'), num: true },
        { label: t('conf.rate'), num: true },
      ]}
      list={pageOf(list.data, pageParam(route))}
      loading={list.loading}
      rowKey={(conference) => conference.id}
      row={(conference) => (
        <tr>
          <td>
            <a href={href('/projects', { conferenceId: conference.id })}>{conference.title}</a>
          </td>
          <td>{conference.theme ?? '—'}</td>
          <td>{formatDate(conference.heldOn)}</td>
          <td className="num">{conference.projects}</td>
          <td className="num">{conference.landed}</td>
          <td className="num">{conference.projects ? formatPercent(conference.landed / conference.projects) : '—'}</td>
        </tr>
      )}
      onPage={(next) => navigate('/conferences', { page: next })}
    >
      {ORGANISERS.includes(user.role) ? <ScheduleConference onScheduled={list.reload} /> : null}
    </ListPage>
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
    const result = await run(() =>
      api.createConference({ title: form.title, theme: form.theme.trim() || undefined, heldOn: form.heldOn }),
    );
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
