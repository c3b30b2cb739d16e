import { FormEvent, useId, useState } from 'react';
import {
  api,
  COOPERATION_STAGES,
  CooperationDetail,
  CooperationRow,
  CooperationStage,
  DEMAND_CATEGORIES,
  DemandCategory,
  Dossier,
  MATCHMAKING_KINDS,
  MatchmakingKind,
  Tier,
  TIERS,
  User,
} from '../api';
import { formatAmount, formatCount, formatDate, todayInChina, wanToYuan } from '../format';
import { useI18n } from '../i18n';
import { localName, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { useUrlDraft } from '../use-url-draft';
import { Field, Notice, ProblemBanner, useCommand } from './form';
import { ListPage, PAGE_SIZE, pageOf, pageParam, SearchForm } from './list-page';

/** Who records matchmaking: the task force and administrators; others read. */
const RECORDERS = ['admin', 'taskforce'];
const canRecord = (user: User) => RECORDERS.includes(user.role);
const FORWARD: CooperationStage[] = ['negotiating', 'trial', 'signed', 'delivering', 'dropped'];

/** Proposals at or past each stage (a skipped stage counts as passed), and those that ended dropped: as the dashboard counts them. */
export function funnelOf(cooperations: Pick<CooperationRow, 'steps'>[]): Record<CooperationStage, number> {
  const order: CooperationStage[] = ['intent', 'negotiating', 'trial', 'signed', 'delivering'];
  const funnel = Object.fromEntries(COOPERATION_STAGES.map((s) => [s, 0])) as Record<CooperationStage, number>;
  for (const { steps } of cooperations) {
    const reached = Math.max(...steps.filter((s) => s.stage !== 'dropped').map((s) => order.indexOf(s.stage)));
    for (let i = 0; i <= reached; i++) funnel[order[i]]++;
    if (steps[steps.length - 1]?.stage === 'dropped') funnel.dropped++;
  }
  return funnel;
}

function StageBadge({ stage }: { stage: CooperationStage }) {
  const { code } = useI18n();
  const tone =
    stage === 'signed' || stage === 'delivering'
      ? 'status-landed'
      : stage === 'dropped'
        ? 'status-withdrawn'
        : 'status-assigned';
  return <span className={`badge ${tone}`}>{code('stage', stage)}</span>;
}

/** An enterprise chosen by name from the register (searched as one types). */
function EnterprisePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const found = useLoad(() => api.enterprises({ q: text.trim() || undefined, page: 1, pageSize: 20 }), [text]);
  const listId = useId();
  return (
    <span>
      <input
        list={listId}
        value={text}
        placeholder={t('common.search')}
        onChange={(e) => {
          setText(e.target.value);
          onChange(found.data?.items.find((item) => item.name === e.target.value)?.id ?? value);
        }}
      />
      <datalist id={listId}>
        {found.data?.items.map((item) => (
          <option key={item.id} value={item.name} />
        ))}
      </datalist>
    </span>
  );
}

const DEMAND_FILTERS = ['q', 'category', 'publisherId', 'eventId'] as const;

/** 需求发布榜: every published demand, filtered by category, publisher and event, and searched. */
export function DemandBoardPage({ route, user }: { route: Route; user: User }) {
  const { t, code, lang } = useI18n();
  const query = Object.fromEntries(DEMAND_FILTERS.map((name) => [name, route.params.get(name) ?? ''])) as Record<
    (typeof DEMAND_FILTERS)[number],
    string
  >;
  const page = pageParam(route);
  const events = useLoad(() => api.matchmakingEvents(), []);
  const list = useLoad(
    () =>
      api.demands({
        q: query.q || undefined,
        category: (query.category || undefined) as DemandCategory | undefined,
        publisherId: query.publisherId || undefined,
        eventId: query.eventId || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [route.params.toString()],
  );
  const [q, setQ] = useUrlDraft(query.q);
  const update = (changes: Partial<typeof query>) =>
    navigate('/matchmaking/demands', { ...query, ...changes, page: undefined });
  const publisher = query.publisherId ? list.data?.items[0]?.publisherName : undefined;
  return (
    <ListPage
      title={t('demands.title')}
      count={list.data && t('demands.count', { total: formatCount(list.data.total) })}
      problem={list.problem}
      columns={[
        { label: t('demands.name') },
        { label: t('demands.category') },
        { label: t('demands.publisher') },
        { label: t('demands.event') },
        { label: t('demands.budget'), num: true },
        { label: t('demands.deadline') },
        { label: t('demands.proposals'), num: true },
        { label: t('demands.signed'), num: true },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(demand) => demand.id}
      row={(demand) => (
        <tr>
          <td>
            <a href={href('/matchmaking/cooperations', { demandId: demand.id })}>{demand.title}</a>
            {demand.description ? <div className="muted small">{demand.description}</div> : null}
          </td>
          <td>{code('category', demand.category)}</td>
          <td>
            <a
              href={href('/matchmaking/demands', { ...query, publisherId: demand.publisherId, page: undefined })}
              title={t('demands.publisherFilter')}
            >
              {demand.publisherName}
            </a>
          </td>
          <td>
            {demand.eventId ? <a href={href(`/matchmaking/events/${demand.eventId}`)}>{demand.eventTitle}</a> : '—'}
          </td>
          <td className="num">{formatAmount(demand.budgetYuan, lang)}</td>
          <td>{formatDate(demand.deadline)}</td>
          <td className="num">{demand.proposals}</td>
          <td className="num">{demand.signed}</td>
        </tr>
      )}
      onPage={(next) => navigate('/matchmaking/demands', { ...query, page: next })}
    >
      <SearchForm onSearch={() => update({ q: q.trim() })}>
        <label>
          <span>{t('demands.q')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('demands.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label>
          <span>{t('demands.category')}</span>
          <select value={query.category} onChange={(e) => update({ category: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {DEMAND_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {code('category', category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('demands.event')}</span>
          <select value={query.eventId} onChange={(e) => update({ eventId: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {events.data?.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </select>
        </label>
        {query.publisherId ? (
          <label>
            <span>{t('demands.publisher')}</span>
            <button type="button" className="link-button" onClick={() => update({ publisherId: '' })}>
              {publisher ?? query.publisherId} ✕
            </button>
          </label>
        ) : null}
      </SearchForm>
      {canRecord(user) ? <PublishDemand eventId={query.eventId} onPublished={list.reload} /> : null}
    </ListPage>
  );
}

function PublishDemand({ eventId, onPublished }: { eventId: string; onPublished: () => void }) {
  const { t, code } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = {
    publisherId: '',
    category: 'rnd' as DemandCategory,
    title: '',
    description: '',
    budgetWan: '',
    deadline: '',
  };
  const [form, setForm] = useState(empty);
  const [open, setOpen] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      api.publishDemand({
        publisherId: form.publisherId,
        category: form.category,
        title: form.title,
        description: form.description.trim() || undefined,
        budgetYuan: form.budgetWan.trim() ? wanToYuan(form.budgetWan) : undefined,
        deadline: form.deadline || undefined,
        eventId: eventId || undefined,
      }),
    );
    if (result) {
      setPublished(form.title.trim());
      setForm(empty);
      onPublished();
    }
  };
  return (
    <section className="panel">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('demands.publish')}
      </button>
      {published ? <Notice>{t('demands.published', { title: published })}</Notice> : null}
      {open ? (
        <form className="form" onSubmit={submit} noValidate aria-label={t('demands.publish')}>
          <ProblemBanner
            problem={problem}
            shown={(f) => ['publisherId', 'category', 'title', 'description', 'budgetYuan', 'deadline'].includes(f)}
          />
          <div className="row-3">
            <Field label={t('demands.publisher')} error={errorAt('publisherId')}>
              <EnterprisePicker
                value={form.publisherId}
                onChange={(publisherId) => setForm({ ...form, publisherId })}
              />
            </Field>
            <Field label={t('demands.category')} error={errorAt('category')}>
              <select
                value={form.category}
                onChange={(e) => setForm({ ...form, category: e.target.value as DemandCategory })}
              >
                {DEMAND_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {code('category', category)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('demands.name')} error={errorAt('title')}>
              <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </Field>
          </div>
          <Field label={t('demands.description')} error={errorAt('description')} hint={t('common.optional')}>
            <textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
          </Field>
          <div className="row-2">
            <Field label={t('demands.budget')} error={errorAt('budgetYuan')} hint={t('demands.budgetHint')}>
              <input
                inputMode="decimal"
                value={form.budgetWan}
                onChange={(e) => setForm({ ...form, budgetWan: e.target.value })}
              />
            </Field>
            <Field label={t('demands.deadline')} error={errorAt('deadline')} hint={t('common.optional')}>
              <input
                type="date"
                value={form.deadline}
                min={todayInChina()}
                onChange={(e) => setForm({ ...form, deadline: e.target.value })}
              />
            </Field>
          </div>
          <button type="submit" className="primary" disabled={pending}>
            {t('demands.publish')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

const COOPERATION_FILTERS = ['demandId', 'eventId', 'enterpriseId', 'stage'] as const;

/** The cooperations (of a demand, an event or an enterprise), each with its stage; proposing on a demand. */
export function CooperationsPage({ route, user }: { route: Route; user: User }) {
  const { t, code } = useI18n();
  const query = Object.fromEntries(COOPERATION_FILTERS.map((name) => [name, route.params.get(name) ?? ''])) as Record<
    (typeof COOPERATION_FILTERS)[number],
    string
  >;
  const page = pageParam(route);
  const list = useLoad(
    () =>
      api.cooperations({
        demandId: query.demandId || undefined,
        eventId: query.eventId || undefined,
        enterpriseId: query.enterpriseId || undefined,
        stage: (query.stage || undefined) as CooperationStage | undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [route.params.toString()],
  );
  const demand = query.demandId ? list.data?.items[0] : undefined;
  return (
    <ListPage
      title={demand ? `${t('coop.list')} · ${demand.demandTitle}` : t('coop.list')}
      count={list.data && formatCount(list.data.total)}
      problem={list.problem}
      columns={[
        { label: t('coop.enterprise') },
        { label: t('coop.demand') },
        { label: t('coop.publisher') },
        { label: t('coop.stage') },
        { label: t('coop.at') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(c) => c.id}
      row={(c) => (
        <tr>
          <td>
            <a href={href(`/matchmaking/cooperations/${c.id}`)}>{c.enterpriseName}</a>
            <div className="muted small">{c.summary}</div>
          </td>
          <td>
            {c.demandTitle} <span className="muted small">{code('category', c.category)}</span>
          </td>
          <td>{c.publisherName}</td>
          <td>
            <StageBadge stage={c.stage} />
          </td>
          <td>{formatDate(c.steps[c.steps.length - 1].occurredAt)}</td>
        </tr>
      )}
      onPage={(next) => navigate('/matchmaking/cooperations', { ...query, page: next })}
    >
      <p>
        <a href={href('/matchmaking/demands')}>← {t('coop.back')}</a>
      </p>
      {query.demandId && canRecord(user) ? <Propose demandId={query.demandId} onProposed={list.reload} /> : null}
    </ListPage>
  );
}

function Propose({ demandId, onProposed }: { demandId: string; onProposed: () => void }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = { enterpriseId: '', summary: '', departments: [] as string[] };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await run(() =>
      api.propose(demandId, {
        enterpriseId: form.enterpriseId,
        summary: form.summary,
        departments: form.departments.length ? form.departments : undefined,
      }),
    );
    if (result) {
      setDone(true);
      setForm(empty);
      onProposed();
    }
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('demands.propose')}>
      <h2>{t('demands.propose')}</h2>
      {done ? <Notice>{t('demands.proposed')}</Notice> : null}
      <ProblemBanner
        problem={problem}
        shown={(f) => ['enterpriseId', 'summary'].includes(f) || f.startsWith('departments')}
      />
      <div className="row-2">
        <Field label={t('demands.proposer')} error={errorAt('enterpriseId')}>
          <EnterprisePicker value={form.enterpriseId} onChange={(enterpriseId) => setForm({ ...form, enterpriseId })} />
        </Field>
        <Field label={t('demands.departments')} error={errorAt('departments')} hint={t('common.optional')}>
          <select
            multiple
            value={form.departments}
            onChange={(e) => setForm({ ...form, departments: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {departments.map((department) => (
              <option key={department.code} value={department.code}>
                {localName(department.name, department.nameEn)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('demands.summary')} error={errorAt('summary')}>
        <textarea value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
      </Field>
      <button type="submit" className="primary" disabled={pending}>
        {t('demands.propose')}
      </button>
    </form>
  );
}

/** The matchmaking events, latest first, with their demands, proposals and signings. */
export function MatchmakingEventsPage({ route, user }: { route: Route; user: User }) {
  const { t, code } = useI18n();
  const list = useLoad(() => api.matchmakingEvents(), []);
  return (
    <ListPage
      title={t('mmevents.title')}
      count={list.data && t('mmevents.count', { total: formatCount(list.data.length) })}
      problem={list.problem}
      columns={[
        { label: t('mmevents.name') },
        { label: t('mmevents.kind') },
        { label: t('mmevents.heldOn') },
        { label: t('mmevents.demands'), num: true },
        { label: t('mmevents.proposals'), num: true },
        { label: t('mmevents.signed'), num: true },
      ]}
      list={pageOf(list.data, pageParam(route))}
      loading={list.loading}
      rowKey={(event) => event.id}
      row={(event) => (
        <tr>
          <td>
            <a href={href(`/matchmaking/events/${event.id}`)}>{event.title}</a>
          </td>
          <td>{code('mmkind', event.kind)}</td>
          <td>{formatDate(event.heldOn)}</td>
          <td className="num">{event.demands}</td>
          <td className="num">{event.proposals}</td>
          <td className="num">{event.signed}</td>
        </tr>
      )}
      onPage={(next) => navigate('/matchmaking/events', { page: next })}
    >
      {canRecord(user) ? <ScheduleEvent onScheduled={list.reload} /> : null}
    </ListPage>
  );
}

function ScheduleEvent({ onScheduled }: { onScheduled: () => void }) {
  const { t, code } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const empty = { title: '', kind: 'soe-private' as MatchmakingKind, heldOn: '', hosts: '' };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hosts = form.hosts
      .split(/[、,，]/)
      .map((h) => h.trim())
      .filter(Boolean);
    const result = await run(() =>
      api.scheduleMatchmakingEvent({
        title: form.title,
        kind: form.kind,
        heldOn: form.heldOn,
        hosts: hosts.length ? hosts : undefined,
      }),
    );
    if (result) {
      setCreated(form.title.trim());
      setForm(empty);
      onScheduled();
    }
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('mmevents.create')}>
      <h2>{t('mmevents.create')}</h2>
      {created ? <Notice>{t('mmevents.created', { title: created })}</Notice> : null}
      <ProblemBanner
        problem={problem}
        shown={(f) => ['title', 'kind', 'heldOn'].includes(f) || f.startsWith('hosts')}
      />
      <div className="row-2">
        <Field label={t('mmevents.name')} error={errorAt('title')}>
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </Field>
        <Field label={t('mmevents.kind')} error={errorAt('kind')}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as MatchmakingKind })}>
            {MATCHMAKING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {code('mmkind', kind)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('mmevents.heldOn')} error={errorAt('heldOn')}>
          <input type="date" value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} />
        </Field>
        <Field label={t('mmevents.hosts')} error={errorAt('hosts')} hint={t('mmevents.hostsHint')}>
          <input value={form.hosts} onChange={(e) => setForm({ ...form, hosts: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('common.create')}
      </button>
    </form>
  );
}

/** One matchmaking event: who proposed, what was proposed, and how far each got (the follow-up funnel). */
export function MatchmakingEventPage({ id }: { id: string }) {
  const { t, code } = useI18n();
  const events = useLoad(() => api.matchmakingEvents(), []);
  const cooperations = useLoad(() => api.cooperations({ eventId: id, page: 1, pageSize: 100 }), [id]);
  const event = events.data?.find((e) => e.id === id);
  const items = cooperations.data?.items ?? [];
  const funnel = funnelOf(items);
  const presenters = [...new Map(items.map((c) => [c.enterpriseId, c.enterpriseName])).entries()];
  return (
    <div className="page">
      <p>
        <a href={href('/matchmaking/events')}>← {t('mmevents.back')}</a>
      </p>
      <ProblemBanner problem={events.problem ?? cooperations.problem} />
      {event ? (
        <div className="page-head">
          <h1>{event.title}</h1>
          <p className="muted">
            {[code('mmkind', event.kind), formatDate(event.heldOn), event.hosts.join('、') || null, event.district]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p>
            <a href={href('/matchmaking/demands', { eventId: id })}>{t('mmevents.demandsLink')}</a> ({event.demands})
          </p>
        </div>
      ) : null}
      <section className="panel">
        <h2>{t('mmevents.funnel')}</h2>
        <dl className="facts" aria-label={t('mmevents.funnel')}>
          {COOPERATION_STAGES.map((stage) => (
            <div key={stage}>
              <dt>{code('stage', stage)}</dt>
              <dd>{funnel[stage]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel">
        <h2>{t('mmevents.presenters')}</h2>
        <ul className="plain-list">
          {presenters.map(([enterpriseId, name]) => (
            <li key={enterpriseId}>
              <a href={href(`/enterprises/${enterpriseId}`)}>{name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t('mmevents.proposalsTitle')}</h2>
        <CooperationTable items={items} />
      </section>
    </div>
  );
}

function CooperationTable({ items }: { items: CooperationRow[] }) {
  const { t, code } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('coop.enterprise')}</th>
            <th scope="col">{t('coop.demand')}</th>
            <th scope="col">{t('coop.publisher')}</th>
            <th scope="col">{t('coop.stage')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={href(`/matchmaking/cooperations/${c.id}`)}>{c.enterpriseName}</a>
              </td>
              <td>
                {c.demandTitle} <span className="muted small">{code('category', c.category)}</span>
              </td>
              <td>{c.publisherName}</td>
              <td>
                <StageBadge stage={c.stage} />
              </td>
            </tr>
          ))}
          {items.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted center">
                {t('common.empty')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** One cooperation with its stages; the task force records the next one, or makes a signed one a project. */
export function CooperationPage({ id, user }: { id: string; user: User }) {
  const { t, code, lang } = useI18n();
  const departments = useDepartments();
  const cooperation = useLoad(() => api.cooperation(id), [id]);
  const c = cooperation.data;
  if (!c) {
    return (
      <div className="page">
        <ProblemBanner problem={cooperation.problem} />
        {cooperation.loading ? <p className="muted">{t('common.loading')}</p> : null}
      </div>
    );
  }
  const signed = c.stage === 'signed' || c.stage === 'delivering';
  return (
    <div className="page">
      <p>
        <a href={href('/matchmaking/cooperations', { demandId: c.demandId })}>← {c.demandTitle}</a>
      </p>
      <div className="page-head">
        <h1>
          {c.enterpriseName} <span className="muted title-note">{t('coop.title')}</span>
        </h1>
        <p>
          <StageBadge stage={c.stage} /> {c.signedAmountYuan !== null ? formatAmount(c.signedAmountYuan, lang) : null}
        </p>
      </div>
      <section className="panel">
        <dl className="facts">
          <div>
            <dt>{t('coop.demand')}</dt>
            <dd>
              {c.demandTitle} ({code('category', c.category)})
            </dd>
          </div>
          <div>
            <dt>{t('coop.publisher')}</dt>
            <dd>
              <a href={href(`/enterprises/${c.publisherId}`)}>{c.publisherName}</a>
            </dd>
          </div>
          <div>
            <dt>{t('coop.enterprise')}</dt>
            <dd>
              <a href={href(`/enterprises/${c.enterpriseId}`)}>{c.enterpriseName}</a>
            </dd>
          </div>
          <div>
            <dt>{t('coop.departments')}</dt>
            <dd>
              {c.departments.map((code) => departments.find((d) => d.code === code)?.name ?? code).join('、') || '—'}
            </dd>
          </div>
        </dl>
        <p className="summary">{c.summary}</p>
        {c.projectId ? (
          <p>
            <a href={href(`/projects/${c.projectId}`)}>{t('coop.projectLink')}</a>
          </p>
        ) : null}
      </section>
      <section className="panel">
        <h2>{t('coop.steps')}</h2>
        <ol className="timeline" aria-label={t('coop.steps')}>
          {c.steps.map((step, i) => (
            <li key={i}>
              <div className="timeline-head">
                <StageBadge stage={step.stage} /> <span className="muted small">{formatDate(step.occurredAt)}</span>
              </div>
              <div className="timeline-body">
                {step.amountYuan !== undefined ? formatAmount(step.amountYuan, lang) : null} {step.note ?? null}
              </div>
            </li>
          ))}
        </ol>
      </section>
      {canRecord(user) && c.stage !== 'dropped' ? <NextStage cooperation={c} onRecorded={cooperation.reload} /> : null}
      {canRecord(user) && signed && !c.projectId ? <MakeProject cooperation={c} /> : null}
    </div>
  );
}

function NextStage({ cooperation, onRecorded }: { cooperation: CooperationDetail; onRecorded: () => void }) {
  const { t, code } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState({
    stage:
      FORWARD.find((s) => COOPERATION_STAGES.indexOf(s) > COOPERATION_STAGES.indexOf(cooperation.stage)) ?? 'dropped',
    date: '',
    amountWan: '',
    note: '',
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() =>
      api.changeStage(cooperation.id, cooperation.version, {
        stage: form.stage as Exclude<CooperationStage, 'intent'>,
        // A past day is recorded at its noon (CST); today (or no date) is now.
        occurredAt: form.date ? (form.date === todayInChina() ? undefined : `${form.date}T12:00:00+08:00`) : undefined,
        amountYuan: form.amountWan.trim() ? wanToYuan(form.amountWan) : undefined,
        note: form.note.trim() || undefined,
      }),
    );
    if (result) onRecorded();
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('coop.next')}>
      <h2>{t('coop.next')}</h2>
      <ProblemBanner problem={problem} shown={(f) => ['stage', 'occurredAt', 'amountYuan', 'note'].includes(f)} />
      <div className="row-2">
        <Field label={t('coop.stage')} error={errorAt('stage')}>
          <select value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value as CooperationStage })}>
            {FORWARD.map((stage) => (
              <option key={stage} value={stage}>
                {code('stage', stage)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coop.at')} error={errorAt('occurredAt')} hint={t('common.optional')}>
          <input
            type="date"
            value={form.date}
            max={todayInChina()}
            onChange={(e) => setForm({ ...form, date: e.target.value })}
          />
        </Field>
        <Field label={t('coop.amount')} error={errorAt('amountYuan')} hint={t('coop.amountHint')}>
          <input
            inputMode="decimal"
            value={form.amountWan}
            disabled={form.stage !== 'signed'}
            onChange={(e) => setForm({ ...form, amountWan: e.target.value })}
          />
        </Field>
        <Field label={t('coop.note')} error={errorAt('note')} hint={t('coop.noteHint')}>
          <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('coop.record')}
      </button>
    </form>
  );
}

function MakeProject({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [industryChain, setIndustryChain] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() => api.cooperationProject(cooperation.id, cooperation.version, { industryChain }));
    if (result) navigate(`/projects/${result.projectId}`);
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('coop.project')}>
      <h2>{t('coop.project')}</h2>
      <p className="muted">{t('coop.projectHint')}</p>
      <ProblemBanner problem={problem} shown={(f) => f === 'industryChain'} />
      <Field label={t('coop.industryChain')} error={errorAt('industryChain')}>
        <input value={industryChain} onChange={(e) => setIndustryChain(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={pending}>
        {t('coop.project')}
      </button>
    </form>
  );
}

/** The dossier's matchmaking part: demands published, proposals made and received, and the tier history. */
export function DossierMatchmaking({
  dossier,
  user,
  onChanged,
}: {
  dossier: Dossier;
  user: User;
  onChanged: () => void;
}) {
  const { t, code } = useI18n();
  const { demands, proposals, cooperations, tierHistory } = dossier.matchmaking;
  return (
    <>
      <section className="panel">
        <h2>{t('tier.history')}</h2>
        <ol className="timeline" aria-label={t('tier.history')}>
          {tierHistory.map((step, i) => (
            <li key={i}>
              {step.tier === 'none' ? t('ladder.none') : code('tier', step.tier)}{' '}
              <span className="muted small">{step.since ?? t('tier.registered')}</span>
            </li>
          ))}
        </ol>
        {canRecord(user) ? (
          <ChangeTier enterpriseId={dossier.enterprise.id} current={dossier.enterprise.tier} onChanged={onChanged} />
        ) : null}
      </section>
      {demands.length + proposals.length + cooperations.length > 0 ? (
        <section className="panel">
          <h2>{t('dossier.matchmaking')}</h2>
          {demands.length ? (
            <>
              <h3>{t('dossier.demands')}</h3>
              <ul className="plain-list">
                {demands.map((d) => (
                  <li key={d.id}>
                    <a href={href('/matchmaking/cooperations', { demandId: d.id })}>{d.title}</a>{' '}
                    <span className="muted small">
                      {code('category', d.category)} · {t('demands.proposals')} {d.proposals} · {t('demands.signed')}{' '}
                      {d.signed}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {proposals.length ? (
            <>
              <h3>{t('dossier.proposals')}</h3>
              <CooperationTable items={proposals} />
            </>
          ) : null}
          {cooperations.length ? (
            <>
              <h3>{t('dossier.cooperations')}</h3>
              <CooperationTable items={cooperations} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function ChangeTier({
  enterpriseId,
  current,
  onChanged,
}: {
  enterpriseId: string;
  current: Tier;
  onChanged: () => void;
}) {
  const { t, code } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [form, setForm] = useState({
    tier: TIERS.find((tier) => TIERS.indexOf(tier) > TIERS.indexOf(current)) ?? current,
    since: todayInChina(),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.changeTier(enterpriseId, form))) onChanged();
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate aria-label={t('tier.change')}>
      <ProblemBanner problem={problem} shown={(f) => ['tier', 'since'].includes(f)} />
      <div className="row-3">
        <Field label={t('tier.change')} error={errorAt('tier')}>
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value as Tier })}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {tier === 'none' ? t('ladder.none') : code('tier', tier)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('tier.since')} error={errorAt('since')}>
          <input
            type="date"
            value={form.since}
            max={todayInChina()}
            onChange={(e) => setForm({ ...form, since: e.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {t('coop.record')}
      </button>
    </form>
  );
}
