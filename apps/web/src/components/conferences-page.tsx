import { FormEvent, useState } from 'react';
import { api, Conference, User } from '../api';
import { formatCount, formatDate, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { clearReferenceData, conferenceTheme } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, ProblemBanner, useCommand } from './form';
import { ListPage, pageOf, pageParam } from './list-page';

const ORGANISERS = ['admin', 'taskforce'];

/** The creativity conferences (民营经济创意会), latest first, with how many of their projects landed. */
export function ConferencesPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const list = useLoad(() => api.conferences(), []);
  const organiser = ORGANISERS.includes(user.role);
  const [saved, setSaved] = useState(false);
  const changed = () => {
    // The dashboard's filters and the present-at-conference form read a per-session cache.
    clearReferenceData();
    list.reload();
  };
  return (
    <ListPage
      title={t('conf.title')}
      count={list.data && t('conf.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[
        { label: t('conf.name') },
        { label: t('conf.theme') },
        ...(organiser ? [{ label: t('conf.themeEn') }] : []),
        { label: t('conf.heldOn') },
        { label: t('conf.projects'), num: true },
        { label: t('conf.landed'), num: true },
        { label: t('conf.rate'), num: true },
      ]}
      list={pageOf(list.data, pageParam(route))}
      loading={list.loading}
      rowKey={(conference) => `${conference.id}:${conference.themeEn ?? ''}`}
      row={(conference) => (
        <tr>
          <td>
            <a href={href('/projects', { conferenceId: conference.id })}>{conference.title}</a>
          </td>
          <td>{conferenceTheme(conference) ?? '—'}</td>
          {organiser ? (
            <td>
              <ConferenceEnglishTheme
                conference={conference}
                onSaved={() => {
                  setSaved(true);
                  changed();
                }}
              />
            </td>
          ) : null}
          <td>{formatDate(conference.heldOn)}</td>
          <td className="num">{conference.projects}</td>
          <td className="num">{conference.landed}</td>
          <td className="num">{conference.projects ? formatPercent(conference.landed / conference.projects) : '—'}</td>
        </tr>
      )}
      onPage={(next) => navigate('/conferences', { page: next })}
    >
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
      {organiser ? <ScheduleConference onScheduled={list.reload} /> : null}
    </ListPage>
  );
}

/** One conference's English theme, saved on its own (blank clears it). */
function ConferenceEnglishTheme({ conference, onSaved }: { conference: Conference; onSaved: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [themeEn, setThemeEn] = useState(conference.themeEn ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.nameConferenceThemeInEnglish(conference.id, themeEn.trim() || null))) onSaved();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('common.labelled', { label: t('conf.themeEn'), value: conference.title })}
    >
      <ProblemBanner problem={problem} shown={(f) => f === 'themeEn'} />
      <Field label={t('conf.themeEn')} error={errorAt('themeEn')}>
        <input value={themeEn} onChange={(e) => setThemeEn(e.target.value)} />
      </Field>
      <button type="submit" disabled={pending}>
        {t('conf.saveEn')}
      </button>
    </form>
  );
}

function ScheduleConference({ onScheduled }: { onScheduled: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = { title: '', theme: '', themeEn: '', heldOn: '' };
  const [form, setForm] = useState(empty);
  const [scheduled, setScheduled] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setScheduled(null);
    const result = await run(() =>
      api.createConference({
        title: form.title,
        theme: form.theme.trim() || undefined,
        themeEn: form.themeEn.trim() || undefined,
        heldOn: form.heldOn,
      }),
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
      <ProblemBanner problem={problem} shown={(f) => ['title', 'theme', 'themeEn', 'heldOn'].includes(f)} />
      <div className="row-2">
        <Field label={t('conf.name')} error={errorAt('title')}>
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </Field>
        <Field label={t('conf.theme')} error={errorAt('theme')} hint={t('common.optional')}>
          <input value={form.theme} onChange={(e) => setForm({ ...form, theme: e.target.value })} />
        </Field>
        <Field label={t('conf.themeEn')} error={errorAt('themeEn')} hint={t('conf.themeEnHint')}>
          <input value={form.themeEn} onChange={(e) => setForm({ ...form, themeEn: e.target.value })} />
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
