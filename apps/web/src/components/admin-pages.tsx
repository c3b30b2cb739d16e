import { FormEvent, useState } from 'react';
import {
  Account,
  api,
  AuditAction,
  AUDIT_ACTIONS,
  AuditRecord,
  DisplayTokenView,
  IndustryChain,
  Role,
  ROLES,
  User,
} from '../api';
import { formatCount, formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { clearReferenceData, departmentName, localName, useDepartments } from '../reference';
import { navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, ProblemBanner, useCommand } from './form';
import { ListPage, PAGE_SIZE, pageOf, pageParam, SearchForm } from './list-page';

/**
 * User accounts (admin): create one with its role (and department, for department users),
 * disable or enable it, set a new password. The API lists every account; the page shows 20.
 */
export function UsersPage({ route, user }: { route: Route; user: User }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const q = route.params.get('q') ?? '';
  const page = pageParam(route);
  const accounts = useLoad(() => api.users(), []);
  const action = useCommand();
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [text, setText] = useState(q);

  const needle = q.toLowerCase();
  const matching = (accounts.data ?? []).filter(
    (a) =>
      !needle ||
      a.username.toLowerCase().includes(needle) ||
      departmentName(departments, a.departmentCode).toLowerCase().includes(needle),
  );

  const changed = (message: string) => {
    setNotice(message);
    setResetting(null);
    accounts.reload();
  };
  const toggle = async (account: Account) => {
    setNotice(null);
    const result = await action.run(() =>
      account.disabled ? api.enableUser(account.id) : api.disableUser(account.id),
    );
    if (result)
      changed(t(account.disabled ? 'users.enabledNotice' : 'users.disabledNotice', { username: account.username }));
  };
  return (
    <ListPage
      title={t('users.title')}
      count={accounts.data && t('users.count', { total: formatCount(accounts.data.length) })}
      problem={accounts.problem ?? action.problem}
      columns={[
        { label: t('users.username') },
        { label: t('users.role') },
        { label: t('users.department') },
        { label: t('users.state') },
        { label: t('users.createdAt') },
        { label: t('common.actions') },
      ]}
      list={pageOf(accounts.data && matching, page)}
      loading={accounts.loading}
      rowKey={(account) => account.id}
      row={(account) => (
        <>
          <tr>
            <td>{account.username}</td>
            <td>{code('role', account.role)}</td>
            <td>{account.departmentCode ? departmentName(departments, account.departmentCode) : '—'}</td>
            <td>
              <span className={`badge ${account.disabled ? 'status-withdrawn' : 'status-landed'}`}>
                {t(account.disabled ? 'users.disabled' : 'users.active')}
              </span>
            </td>
            <td>{formatDate(account.createdAt)}</td>
            <td>
              {account.username === user.username ? (
                <span className="muted">{t('users.self')}</span>
              ) : (
                <div className="button-row">
                  <button
                    type="button"
                    className="small"
                    disabled={action.pending}
                    onClick={() => toggle(account)}
                    aria-label={t('common.labelled', {
                      label: t(account.disabled ? 'users.enable' : 'users.disable'),
                      value: account.username,
                    })}
                  >
                    {t(account.disabled ? 'users.enable' : 'users.disable')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-expanded={resetting === account.id}
                    aria-label={t('common.labelled', { label: t('users.resetPassword'), value: account.username })}
                    onClick={() => {
                      setNotice(null);
                      setResetting(resetting === account.id ? null : account.id);
                    }}
                  >
                    {t('users.resetPassword')}
                  </button>
                </div>
              )}
            </td>
          </tr>
          {resetting === account.id ? (
            <tr className="form-row">
              <td colSpan={6}>
                <ResetPassword
                  account={account}
                  onDone={() => changed(t('users.passwordNotice', { username: account.username }))}
                  onCancel={() => setResetting(null)}
                />
              </td>
            </tr>
          ) : null}
        </>
      )}
      onPage={(next) => navigate('/admin/users', { q, page: next })}
    >
      <CreateUser onCreated={(account) => changed(t('users.created', { username: account.username }))} />
      <SearchForm onSearch={() => navigate('/admin/users', { q: text.trim() })}>
        <label>
          <span>{t('users.q')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </SearchForm>
      {notice ? <Notice>{notice}</Notice> : null}
    </ListPage>
  );
}

function CreateUser({ onCreated }: { onCreated: (account: Account) => void }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = { username: '', password: '', role: 'taskforce' as Role, departmentCode: '', email: '' };
  const [form, setForm] = useState(empty);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await run(() =>
      api.createUser({
        username: form.username.trim(),
        password: form.password,
        role: form.role,
        departmentCode: form.role === 'department' ? form.departmentCode : undefined,
        email: form.email.trim() || undefined,
      }),
    );
    if (created) {
      setForm(empty);
      onCreated(created);
    }
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('users.create')}>
      <h2>{t('users.create')}</h2>
      <ProblemBanner
        problem={problem}
        shown={(f) => ['username', 'password', 'role', 'departmentCode', 'email'].includes(f)}
      />
      <div className="row-4">
        <Field label={t('users.username')} error={errorAt('username')}>
          <input
            autoComplete="off"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
        </Field>
        <Field label={t('users.password')} error={errorAt('password')} hint={t('users.passwordHint')}>
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </Field>
        <Field label={t('users.role')} error={errorAt('role')}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {code('role', role)}
              </option>
            ))}
          </select>
        </Field>
        {form.role === 'department' ? (
          <Field label={t('users.department')} error={errorAt('departmentCode')}>
            <select value={form.departmentCode} onChange={(e) => setForm({ ...form, departmentCode: e.target.value })}>
              <option value="">{t('common.choose')}</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {localName(d.name, d.nameEn)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t('users.email')} error={errorAt('email')} hint={t('users.emailHint')}>
          <input
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('common.create')}
      </button>
    </form>
  );
}

function ResetPassword({ account, onDone, onCancel }: { account: Account; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.resetPassword(account.id, password))) onDone();
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={t('common.labelled', { label: t('users.resetPassword'), value: account.username })}
    >
      <ProblemBanner problem={problem} shown={(f) => f === 'password'} />
      <Field label={t('users.newPassword')} error={errorAt('password')} hint={t('users.passwordHint')}>
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending}>
          {t('common.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Departments (admin): their codes are what plans, milestones and department users refer to. */
export function DepartmentsPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const page = pageParam(route);
  const list = useLoad(() => api.departments(), []);
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState({ code: '', name: '' });
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const department = await run(() => api.createDepartment({ code: form.code.trim(), name: form.name }));
    if (department) {
      // Forms and filters elsewhere offer the departments from a per-session cache.
      clearReferenceData();
      setCreated(department.name);
      setForm({ code: '', name: '' });
      list.reload();
    }
  };

  return (
    <ListPage
      title={t('depts.title')}
      count={list.data && t('depts.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[{ label: t('depts.code') }, { label: t('depts.name') }]}
      list={pageOf(list.data, page)}
      loading={list.loading}
      rowKey={(department) => department.code}
      row={(department) => (
        <tr>
          <td>
            <code>{department.code}</code>
          </td>
          <td>{department.name}</td>
        </tr>
      )}
      onPage={(next) => navigate('/admin/departments', { page: next })}
    >
      <form className="panel form" onSubmit={submit} noValidate aria-label={t('depts.create')}>
        <h2>{t('depts.create')}</h2>
        {created ? <Notice>{t('depts.created', { name: created })}</Notice> : null}
        <ProblemBanner problem={problem} shown={(f) => f === 'code' || f === 'name'} />
        <div className="row-2">
          <Field label={t('depts.code')} error={errorAt('code')} hint={t('depts.codeHint')}>
            <input autoComplete="off" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
          </Field>
          <Field label={t('depts.name')} error={errorAt('name')}>
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
        </div>
        <button type="submit" className="primary" disabled={pending}>
          {t('common.create')}
        </button>
      </form>
    </ListPage>
  );
}

/** One chain's English name, saved on its own (blank clears it). */
function ChainEnglishName({ chain, onSaved }: { chain: IndustryChain; onSaved: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [nameEn, setNameEn] = useState(chain.nameEn ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.nameIndustryChainInEnglish(chain.name, nameEn.trim() || null))) onSaved();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('common.labelled', { label: t('chains.nameEn'), value: chain.name })}
    >
      <ProblemBanner problem={problem} shown={(f) => f === 'nameEn'} />
      <Field label={t('chains.nameEn')} error={errorAt('nameEn')}>
        <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </Field>
      <button type="submit" disabled={pending}>
        {t('chains.saveEn')}
      </button>
    </form>
  );
}

/** A city has a few dozen chains: one page shows them all, the one just added (last) included. */
const CHAINS_PAGE_SIZE = 100;

/** Industry chains (admin): the names projects are filed under, with their English names. */
export function IndustryChainsPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const page = pageParam(route);
  const list = useLoad(() => api.industryChains(), []);
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState({ name: '', nameEn: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const changed = () => {
    // Forms and filters elsewhere offer the chains from a per-session cache.
    clearReferenceData();
    list.reload();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const chain = await run(() =>
      api.addIndustryChain({ name: form.name.trim(), nameEn: form.nameEn.trim() || undefined }),
    );
    if (chain) {
      setCreated(chain.name);
      setForm({ name: '', nameEn: '' });
      changed();
    }
  };

  return (
    <ListPage
      title={t('chains.title')}
      count={list.data && t('chains.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[{ label: t('chains.name') }, { label: t('chains.nameEn') }]}
      list={pageOf(list.data, page, CHAINS_PAGE_SIZE)}
      loading={list.loading}
      rowKey={(chain) => `${chain.name}:${chain.nameEn ?? ''}`}
      row={(chain) => (
        <tr>
          <td>{chain.name}</td>
          <td>
            <ChainEnglishName
              chain={chain}
              onSaved={() => {
                setSaved(true);
                changed();
              }}
            />
          </td>
        </tr>
      )}
      onPage={(next) => navigate('/admin/industry-chains', { page: next })}
    >
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
      <form className="panel form" onSubmit={submit} noValidate aria-label={t('chains.create')}>
        <h2>{t('chains.create')}</h2>
        {created ? <Notice>{t('chains.created', { name: created })}</Notice> : null}
        <ProblemBanner problem={problem} shown={(f) => f === 'name' || f === 'nameEn'} />
        <div className="row-2">
          <Field label={t('chains.name')} error={errorAt('name')}>
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field label={t('chains.nameEn')} error={errorAt('nameEn')} hint={t('chains.nameEnHint')}>
            <input value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
          </Field>
        </div>
        <button type="submit" className="primary" disabled={pending}>
          {t('common.create')}
        </button>
      </form>
    </ListPage>
  );
}

/** The audit log (admin): security-relevant actions, newest first, filtered by action and actor. */
export function AuditLogPage({ route }: { route: Route }) {
  const { t, code } = useI18n();
  const action = route.params.get('action') ?? '';
  const actor = route.params.get('actor') ?? '';
  const page = pageParam(route);
  const list = useLoad(
    () =>
      api.auditLog({
        action: (action || undefined) as AuditAction | undefined,
        actor: actor || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [action, actor, page],
  );
  const [form, setForm] = useState({ action, actor });
  return (
    <ListPage
      title={t('audit.title')}
      count={list.data && t('audit.count', { total: formatCount(list.data.total) })}
      problem={list.problem}
      columns={[
        { label: t('audit.occurredAt') },
        { label: t('audit.action') },
        { label: t('audit.actor') },
        { label: t('audit.target') },
        { label: t('audit.address') },
        { label: t('audit.details') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(entry) => entry.id}
      row={(entry) => (
        <tr>
          <td>{formatDateTime(entry.occurredAt)}</td>
          <td>{code('audit.action', entry.action)}</td>
          <td>{entry.actorUsername ? `${entry.actorUsername} (${code('role', entry.actorRole ?? '')})` : '—'}</td>
          <td>{entry.target ?? '—'}</td>
          <td>{entry.clientAddress ?? '—'}</td>
          <td>{auditDetails(entry, code)}</td>
        </tr>
      )}
      onPage={(next) => navigate('/admin/audit-log', { action, actor, page: next })}
    >
      <SearchForm onSearch={() => navigate('/admin/audit-log', { action: form.action, actor: form.actor.trim() })}>
        <label>
          <span>{t('audit.action')}</span>
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {code('audit.action', a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.actor')}</span>
          <input type="search" value={form.actor} onChange={(e) => setForm({ ...form, actor: e.target.value })} />
        </label>
      </SearchForm>
    </ListPage>
  );
}

// The common details in words; anything else as its JSON, so nothing recorded is hidden.
function auditDetails(entry: AuditRecord, code: (prefix: string, value: string) => string): string {
  const { reason, from, to, role } = entry.details as {
    reason?: string;
    from?: { role: string };
    to?: { role: string };
    role?: string;
  };
  if (reason) return code('audit.reason', reason);
  if (from && to) return `${code('role', from.role)} → ${code('role', to.role)}`;
  if (role) return code('role', role);
  return Object.keys(entry.details).length ? JSON.stringify(entry.details) : '—';
}

/**
 * Wall screens (admin): issue a display token for a screen — its address is shown once, to be
 * opened on the screen — and revoke it, which blanks that screen at its next refresh.
 */
export function DisplayTokensPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const page = pageParam(route);
  const list = useLoad(() => api.displayTokens(), []);
  const { pending, problem, errorAt, run } = useCommand();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; url: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIssued(null);
    const token = await run(() => api.createDisplayToken({ name }));
    if (token) {
      setIssued({ name: token.name, url: `${location.origin}${location.pathname}#/wall?token=${token.token}` });
      setName('');
      list.reload();
    }
  };
  const revoke = async (token: DisplayTokenView) => {
    if (!window.confirm(t('displays.confirmRevoke', { name: token.name }))) return;
    if (await run(() => api.revokeDisplayToken(token.id))) list.reload();
  };

  return (
    <ListPage
      title={t('displays.title')}
      count={list.data && t('displays.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[
        { label: t('displays.name') },
        { label: t('displays.createdAt') },
        { label: t('displays.lastUsedAt') },
        { label: t('displays.state') },
        { label: '' },
      ]}
      list={pageOf(list.data, page)}
      loading={list.loading}
      rowKey={(token) => token.id}
      row={(token) => (
        <tr>
          <td>{token.name}</td>
          <td>{formatDateTime(token.createdAt)}</td>
          <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : '—'}</td>
          <td>
            {token.revokedAt ? t('displays.revokedAt', { at: formatDateTime(token.revokedAt) }) : t('displays.active')}
          </td>
          <td>
            {token.revokedAt ? null : (
              <button type="button" className="link-button" disabled={pending} onClick={() => void revoke(token)}>
                {t('displays.revoke')}
              </button>
            )}
          </td>
        </tr>
      )}
      onPage={(next) => navigate('/admin/displays', { page: next })}
    >
      <form className="panel form" onSubmit={submit} noValidate aria-label={t('displays.create')}>
        <h2>{t('displays.create')}</h2>
        <p className="muted">{t('displays.explain')}</p>
        {issued ? (
          <Notice>
            {t('displays.issued', { name: issued.name })} <code className="wall-url">{issued.url}</code>
          </Notice>
        ) : null}
        <ProblemBanner problem={problem} shown={(f) => f === 'name'} />
        <Field label={t('displays.name')} error={errorAt('name')} hint={t('displays.nameHint')}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={pending}>
          {t('displays.issue')}
        </button>
      </form>
    </ListPage>
  );
}
