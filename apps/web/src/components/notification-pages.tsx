import { FormEvent, useEffect, useRef, useState } from 'react';
import {
  api,
  NOTIFICATION_KINDS,
  NotificationItem,
  NotificationKind,
  Webhook,
  WEBHOOK_KINDS,
  WebhookKind,
} from '../api';
import { formatCount, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { departmentName, localName, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, FieldError, Notice, ProblemBanner, useCommand } from './form';
import { ListPage, PAGE_SIZE, pageParam, SearchForm } from './list-page';

/** Told when a notification is marked read anywhere on the page, so the bell's count follows at once. */
const READ_EVENT = 'luodi:notification-read';
const REFRESH_MS = 30_000;

async function markRead(id: number): Promise<void> {
  await api.readNotification(id);
  window.dispatchEvent(new Event(READ_EVENT));
}

/**
 * The bell in the header: the unread count (from /api/auth/me, looked at again every 30 s and
 * whenever one is read) and, on a click, the latest notifications with a link to all of them.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [latest, setLatest] = useState<NotificationItem[] | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      api.me().then(
        (me) => live && setUnread(me.unreadNotifications),
        () => undefined, // the next look tries again; a 401 is handled by the client
      );
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener(READ_EVENT, refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(READ_EVENT, refresh);
    };
  }, []);

  useEffect(() => {
    if (!open) return;
    void api.notifications({ pageSize: 8 }).then(
      (page) => setLatest(page.items),
      () => setLatest([]),
    );
    const close = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const read = async (item: NotificationItem) => {
    await markRead(item.id);
    setLatest(
      (items) => items?.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n)) ?? null,
    );
  };

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="link-button bell-button"
        aria-label={unread > 0 ? t('bell.unread', { count: unread }) : t('bell.label')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span className="bell-count" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="bell-menu" role="dialog" aria-label={t('bell.label')}>
          {latest === null ? <p className="muted">{t('common.loading')}</p> : null}
          {latest?.length === 0 ? <p className="muted">{t('bell.empty')}</p> : null}
          <ul>
            {latest?.map((item) => (
              <li key={item.id} className={item.readAt ? 'read' : 'unread'}>
                <NotificationText item={item} onOpen={() => setOpen(false)} />
                {item.readAt ? null : (
                  <button
                    type="button"
                    className="small"
                    onClick={() => read(item)}
                    aria-label={t('common.labelled', { label: t('notifications.markRead'), value: item.title })}
                  >
                    {t('notifications.markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <a href={href('/notifications')} onClick={() => setOpen(false)}>
            {t('bell.all')}
          </a>
        </div>
      ) : null}
    </div>
  );
}

function NotificationText({ item, onOpen }: { item: NotificationItem; onOpen?: () => void }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  // A plan's departments by name, in the reader's language; the stored text has their codes.
  const [lead, ...supporting] = item.departments.map((d) => departmentName(departments, d));
  const body =
    item.kind === 'assignment'
      ? t(supporting.length ? 'notifications.planWith' : 'notifications.plan', {
          lead,
          supporting: supporting.join('、'),
        })
      : item.body;
  return (
    <div className="notification-text">
      <strong>{item.title}</strong> <span className="badge">{code('nkind', item.kind)}</span>
      <div>
        <a href={href(`/projects/${item.projectId}`)} onClick={onOpen}>
          {item.projectTitle ?? item.projectId}
        </a>
        {body ? ` · ${body}` : ''}
      </div>
      <div className="muted">{formatDateTime(item.createdAt)}</div>
    </div>
  );
}

/** All of one's notifications, newest first, unread or read only if asked. */
export function NotificationsPage({ route }: { route: Route }) {
  const { t, code } = useI18n();
  const unread = route.params.get('unread') ?? '';
  const page = pageParam(route);
  const list = useLoad(
    () => api.notifications({ unread: unread === '' ? undefined : unread === 'true', page, pageSize: PAGE_SIZE }),
    [unread, page],
  );
  const action = useCommand();
  const [filter, setFilter] = useState(unread);
  return (
    <ListPage
      title={t('notifications.title')}
      count={list.data && t('notifications.count', { total: formatCount(list.data.total) })}
      problem={list.problem ?? action.problem}
      columns={[
        { label: t('notifications.what') },
        { label: t('notifications.kind') },
        { label: t('notifications.at') },
        { label: t('common.actions') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(item) => String(item.id)}
      row={(item) => (
        <tr className={item.readAt ? 'read' : 'unread'}>
          <td>
            <NotificationText item={item} />
          </td>
          <td>{code('nkind', item.kind)}</td>
          <td>{formatDateTime(item.createdAt)}</td>
          <td>
            {item.readAt ? (
              <span className="muted">{t('notifications.read')}</span>
            ) : (
              <button
                type="button"
                className="small"
                disabled={action.pending}
                onClick={async () => {
                  await action.run(() => markRead(item.id));
                  list.reload();
                }}
                aria-label={t('common.labelled', { label: t('notifications.markRead'), value: item.title })}
              >
                {t('notifications.markRead')}
              </button>
            )}
          </td>
        </tr>
      )}
      onPage={(next) => navigate('/notifications', { unread, page: next })}
    >
      <SearchForm onSearch={() => navigate('/notifications', { unread: filter })}>
        <label>
          <span>{t('notifications.unread')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('notifications.onlyUnread')}</option>
            <option value="false">{t('notifications.onlyRead')}</option>
          </select>
        </label>
      </SearchForm>
    </ListPage>
  );
}

/** The channels (admin): register a robot or a generic receiver, and see each one's deliveries. */
export function WebhooksPage() {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const list = useLoad(() => api.webhooks(), []);
  const [registered, setRegistered] = useState<string | null>(null);
  return (
    <ListPage
      title={t('webhooks.title')}
      count={list.data && t('webhooks.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[
        { label: t('webhooks.name') },
        { label: t('webhooks.kind') },
        { label: t('webhooks.url') },
        { label: t('webhooks.department') },
        { label: t('webhooks.events') },
        { label: t('common.actions') },
      ]}
      list={list.data && { items: list.data, total: list.data.length, page: 1, pageSize: list.data.length || 1 }}
      loading={list.loading}
      rowKey={(webhook) => webhook.id}
      row={(webhook) => (
        <tr>
          <td>{webhook.name}</td>
          <td>
            {code('wkind', webhook.kind)}
            {webhook.signed ? <span className="badge">{t('webhooks.signed')}</span> : null}
          </td>
          <td>
            <code>{webhook.url}</code>
          </td>
          <td>{webhook.departmentCode ? departmentName(departments, webhook.departmentCode) : t('common.all')}</td>
          <td>{webhook.events.map((kind) => code('nkind', kind)).join('、')}</td>
          <td>
            <a href={href(`/admin/webhooks/${webhook.id}`)}>{t('webhooks.deliveries')}</a>
          </td>
        </tr>
      )}
      onPage={() => undefined}
    >
      <RegisterWebhook
        onRegistered={(webhook) => {
          setRegistered(webhook.name);
          list.reload();
        }}
      />
      {registered ? <Notice>{t('webhooks.registered', { name: registered })}</Notice> : null}
    </ListPage>
  );
}

function RegisterWebhook({ onRegistered }: { onRegistered: (webhook: Webhook) => void }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = {
    name: '',
    kind: 'wecom' as WebhookKind,
    url: '',
    secret: '',
    departmentCode: '',
    events: [...NOTIFICATION_KINDS] as NotificationKind[],
  };
  const [form, setForm] = useState(empty);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const webhook = await run(() =>
      api.registerWebhook({
        name: form.name,
        kind: form.kind,
        url: form.url.trim(),
        secret: form.secret || undefined,
        departmentCode: form.departmentCode || undefined,
        events: form.events,
      }),
    );
    if (webhook) {
      setForm(empty);
      onRegistered(webhook);
    }
  };
  const fields = ['name', 'kind', 'url', 'secret', 'departmentCode', 'events'];
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('webhooks.register')}>
      <h2>{t('webhooks.register')}</h2>
      <ProblemBanner problem={problem} shown={(f) => fields.includes(f)} />
      <div className="row-4">
        <Field label={t('webhooks.name')} error={errorAt('name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('webhooks.kind')} error={errorAt('kind')}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as WebhookKind })}>
            {WEBHOOK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {code('wkind', kind)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('webhooks.url')} error={errorAt('url')}>
          <input type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
        </Field>
        <Field label={t('webhooks.secret')} error={errorAt('secret')} hint={t('webhooks.secretHint')}>
          <input
            type="password"
            autoComplete="off"
            value={form.secret}
            onChange={(e) => setForm({ ...form, secret: e.target.value })}
          />
        </Field>
        <Field label={t('webhooks.department')} error={errorAt('departmentCode')}>
          <select value={form.departmentCode} onChange={(e) => setForm({ ...form, departmentCode: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {localName(d.name, d.nameEn)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="checkbox-row">
        <legend>{t('webhooks.events')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={form.events.includes(kind)}
              onChange={(e) =>
                setForm({
                  ...form,
                  events: e.target.checked ? [...form.events, kind] : form.events.filter((k) => k !== kind),
                })
              }
            />{' '}
            {code('nkind', kind)}
          </label>
        ))}
      </fieldset>
      <FieldError error={errorAt('events')} />
      <button type="submit" className="primary" disabled={pending}>
        {t('common.create')}
      </button>
    </form>
  );
}

/** One channel's deliveries (admin): status, attempts, the last error and every attempt. */
export function DeliveriesPage({ id, route }: { id: string; route: Route }) {
  const { t, code } = useI18n();
  const page = pageParam(route);
  const webhooks = useLoad(() => api.webhooks(), []);
  const list = useLoad(() => api.deliveries(id, { page, pageSize: PAGE_SIZE }), [id, page]);
  const name = webhooks.data?.find((w) => w.id === id)?.name ?? id;
  return (
    <ListPage
      title={t('deliveries.title', { name })}
      problem={list.problem}
      columns={[
        { label: t('deliveries.notification') },
        { label: t('deliveries.status') },
        { label: t('deliveries.attempts'), num: true },
        { label: t('deliveries.lastError') },
        { label: t('deliveries.at') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(delivery) => String(delivery.id)}
      row={(delivery) => (
        <tr>
          <td>
            #{delivery.notificationId} {code('nkind', delivery.kind)}
          </td>
          <td>
            <span className={`badge dstatus-${delivery.status}`}>{code('dstatus', delivery.status)}</span>
          </td>
          <td className="num">{delivery.attempts}</td>
          <td>{delivery.lastError ?? '—'}</td>
          <td>{formatDateTime(delivery.deliveredAt ?? delivery.updatedAt)}</td>
        </tr>
      )}
      onPage={(next) => navigate(`/admin/webhooks/${id}`, { page: next })}
    />
  );
}
