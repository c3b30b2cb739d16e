import { FormEvent, useState } from 'react';
import { api, SupervisionNoticeItem, User, Warning } from '../api';
import { formatCount, formatDate } from '../format';
import { useI18n } from '../i18n';
import { departmentName, localName, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { Field, Notice, Pager, ProblemBanner, useCommand } from './form';
import { ListPage, PAGE_SIZE, pageParam } from './list-page';

const STATUSES = ['late', 'open', 'acknowledged', 'answered'] as const;

/** The warning ladder's colour of an item, with "逾期 N 天" when overdue. */
export function WarningBadge({ warning }: { warning: Warning | null }) {
  const { t, code } = useI18n();
  if (warning === null) return null;
  return (
    <span className={`badge warning-${warning.colour}`}>
      {code('warning', warning.colour)}
      {warning.daysOverdue > 0 ? ` · ${t('warning.overdueDays', { days: warning.daysOverdue })}` : ''}
    </span>
  );
}

/** 签收 and 反馈 of one notice, for the department it was sent to. */
function NoticeActions({ notice, onDone }: { notice: SupervisionNoticeItem; onDone: () => void }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, run } = useCommand();
  const [answering, setAnswering] = useState(false);
  const [note, setNote] = useState('');
  if (notice.answeredAt !== null)
    return <span className="small">{t('notice.answered', { note: notice.note ?? '' })}</span>;
  const acknowledge = async () => {
    if (await run(() => api.acknowledgeNotice(notice.noticeId))) onDone();
  };
  const answer = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.answerNotice(notice.noticeId, { note }))) onDone();
  };
  return (
    <div className="notice-actions">
      <ProblemBanner problem={problem} shown={(f) => f === 'note'} />
      {notice.acknowledgedAt === null ? (
        <button
          type="button"
          disabled={pending}
          onClick={acknowledge}
          aria-label={t('common.labelled', { label: t('notice.acknowledge'), value: notice.message })}
        >
          {t('notice.acknowledge')}
        </button>
      ) : null}{' '}
      <button
        type="button"
        aria-expanded={answering}
        onClick={() => setAnswering(!answering)}
        aria-label={t('common.labelled', { label: t('notice.answer'), value: notice.message })}
      >
        {t('notice.answer')}
      </button>
      {answering ? (
        <form className="form" onSubmit={answer} noValidate aria-label={t('notice.answer')}>
          <Field label={t('notice.note')} error={errorAt('note')}>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <button type="submit" className="primary" disabled={pending}>
            {t('common.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function StatusBadge({ notice }: { notice: SupervisionNoticeItem }) {
  const { t, code } = useI18n();
  return (
    <span className={`badge notice-${notice.status}`}>
      {code('noticeStatus', notice.status)}
      {notice.daysOverdue > 0 ? ` · ${t('warning.overdueDays', { days: notice.daysOverdue })}` : ''}
    </span>
  );
}

/** The notices to one department that are not answered yet, in its inbox: overdue first, each to sign for and answer. */
export function DepartmentNotices({ code, user }: { code: string; user: User }) {
  const { t, code: label } = useI18n();
  const list = useLoad(() => api.notices({ department: code, pageSize: 100 }), [code]);
  const [saved, setSaved] = useState(false);
  const open = (list.data?.items ?? []).filter((n) => n.status !== 'answered');
  const mine = user.role !== 'department' || user.departmentCode === code;
  return (
    <section className="panel" aria-label={t('notice.inboxTitle')}>
      <h2>{t('notice.inboxTitle')}</h2>
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
      {list.data && open.length === 0 ? <p className="muted">{t('notice.inboxEmpty')}</p> : null}
      {open.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('notice.project')}</th>
              <th>{t('notice.level')}</th>
              <th>{t('notice.message')}</th>
              <th>{t('notice.respondBy')}</th>
              <th>{t('notice.status')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((n) => (
              <tr key={n.noticeId} className={n.status === 'late' ? 'row-overdue' : undefined}>
                <td>
                  <a href={href(`/projects/${n.projectId}`)}>{n.projectTitle}</a>
                </td>
                <td>{label('noticeLevel', n.level)}</td>
                <td>{n.message}</td>
                <td>{formatDate(n.respondBy)}</td>
                <td>
                  <StatusBadge notice={n} />
                </td>
                <td>
                  {mine ? (
                    <NoticeActions
                      notice={n}
                      onDone={() => {
                        setSaved(true);
                        list.reload();
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The escalated milestones across departments (the leader's view), with the ladder's counts. */
function EscalatedPanel({ department }: { department?: string }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const board = useLoad(() => api.supervisionDashboard({ department }), [department]);
  if (!board.data) return null;
  return (
    <section className="panel" aria-label={t('supervision.escalatedTitle')}>
      <h2>{t('supervision.escalatedTitle')}</h2>
      <p className="muted">{t('supervision.counts', board.data.counts)}</p>
      {board.data.escalated.length === 0 ? <p className="muted">{t('supervision.escalatedEmpty')}</p> : null}
      {board.data.escalated.length > 0 ? (
        <table className="table">
          <tbody>
            {board.data.escalated.slice(0, 20).map((item) => (
              <tr key={`${item.projectId}:${item.milestoneId}`} className="row-overdue">
                <td>
                  <a href={href(`/projects/${item.projectId}`)}>{item.projectTitle}</a>
                  <div className="small">{item.enterpriseName}</div>
                </td>
                <td>{item.title}</td>
                <td>{departmentName(departments, item.departmentCode)}</td>
                <td>{formatDate(item.dueOn)}</td>
                <td>
                  <WarningBadge warning={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** 全部逾期: every overdue milestone across departments (or of one), the longest overdue first, paged. */
function OverduePanel({ department }: { department?: string }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const [page, setPage] = useState(1);
  const [shownFor, setShownFor] = useState(department);
  // Another department filter starts again at the first page.
  if (shownFor !== department) {
    setShownFor(department);
    setPage(1);
  }
  const list = useLoad(() => api.overdueMilestones({ department, page, pageSize: PAGE_SIZE }), [department, page]);
  if (!list.data) return <ProblemBanner problem={list.problem} />;
  return (
    <section className="panel" aria-label={t('supervision.overdueTitle')}>
      <h2>{t('supervision.overdueTitle')}</h2>
      <p className="muted">{t('supervision.overdueCount', { total: formatCount(list.data.total) })}</p>
      {list.data.total === 0 ? <p className="muted">{t('supervision.overdueEmpty')}</p> : null}
      {list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('notice.project')}</th>
                <th scope="col">{t('supervision.milestone')}</th>
                <th scope="col">{t('notice.department')}</th>
                <th scope="col">{t('supervision.owner')}</th>
                <th scope="col">{t('supervision.dueOn')}</th>
                <th scope="col" className="num">
                  {t('supervision.daysOverdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={`${item.projectId}:${item.milestoneId}`} className="row-overdue">
                  <td>
                    <a href={href(`/projects/${item.projectId}`)}>{item.projectTitle}</a>
                  </td>
                  <td>{item.title}</td>
                  <td>{departmentName(departments, item.departmentCode)}</td>
                  <td>{item.owner}</td>
                  <td>{formatDate(item.dueOn)}</td>
                  <td className="num">{formatCount(item.daysOverdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
    </section>
  );
}

/** On the dashboard: the open milestones per ladder colour on `asOf`, linking to the 督办 page. */
export function LadderCounts({ asOf, department }: { asOf: string; department?: string }) {
  const { t, code } = useI18n();
  const board = useLoad(() => api.supervisionDashboard({ asOf, department }), [asOf, department]);
  if (!board.data) return null;
  return (
    <section className="panel" aria-label={t('supervision.projectTitle')}>
      <h2>
        <a href={href('/supervision')}>{t('supervision.projectTitle')}</a>
      </h2>
      <p>
        {(['green', 'yellow', 'red', 'escalated'] as const).map((colour) => (
          <span key={colour} className={`badge warning-${colour}`}>
            {code('warning', colour)} {formatCount(board.data!.counts[colour])}
          </span>
        ))}
      </p>
    </section>
  );
}

/** 督办: every notice across departments (filter by department and status), overdue first, the escalated items and every overdue milestone. */
export function SupervisionPage({ route }: { route: Route }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const page = pageParam(route);
  const department = route.params.get('department') ?? '';
  const status = route.params.get('status') ?? '';
  const list = useLoad(
    () =>
      api.notices({
        department: department || undefined,
        status: (status || undefined) as (typeof STATUSES)[number] | undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [department, status, page],
  );
  const go = (changes: { department?: string; status?: string; page?: number }) =>
    navigate('/supervision', {
      department: department || undefined,
      status: status || undefined,
      page: undefined,
      ...changes,
    });
  return (
    <ListPage
      title={t('supervision.title')}
      count={list.data && t('supervision.count', { total: formatCount(list.data.total) })}
      problem={list.problem}
      columns={[
        { label: t('notice.project') },
        { label: t('notice.department') },
        { label: t('notice.level') },
        { label: t('notice.message') },
        { label: t('notice.respondBy') },
        { label: t('notice.status') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(n) => n.noticeId}
      row={(n) => (
        <tr className={n.status === 'late' ? 'row-overdue' : undefined}>
          <td>
            <a href={href(`/projects/${n.projectId}`)}>{n.projectTitle}</a>
            <div className="small">{n.enterpriseName}</div>
          </td>
          <td>{departmentName(departments, n.departmentCode)}</td>
          <td>
            {code('noticeLevel', n.level)}
            <div className="small">{code('noticeSource', n.source)}</div>
          </td>
          <td>
            {n.message}
            {n.note ? <div className="small">{t('notice.answered', { note: n.note })}</div> : null}
          </td>
          <td>{formatDate(n.respondBy)}</td>
          <td>
            <StatusBadge notice={n} />
          </td>
        </tr>
      )}
      onPage={(next) => go({ page: next })}
    >
      <EscalatedPanel department={department || undefined} />
      <OverduePanel department={department || undefined} />
      <div className="filters">
        <Field label={t('notice.department')}>
          <select value={department} onChange={(e) => go({ department: e.target.value || undefined })}>
            <option value="">{t('supervision.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {localName(d.name, d.nameEn)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('notice.status')}>
          <select value={status} onChange={(e) => go({ status: e.target.value || undefined })}>
            <option value="">{t('supervision.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {code('noticeStatus', s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </ListPage>
  );
}

/** On the project page: each open milestone and need with its ladder colour, and issuing a notice. */
export function ProjectSupervisionPanel({ projectId, user }: { projectId: string; user: User }) {
  const { t, code } = useI18n();
  const departments = useDepartments();
  const view = useLoad(() => api.projectSupervision(projectId), [projectId]);
  const settings = useLoad(() => api.supervisionSettings(), []);
  const { pending, problem, errorAt, run } = useCommand();
  const mayIssue = user.role === 'taskforce' || user.role === 'admin' || user.role === 'leader';
  const [item, setItem] = useState('');
  const [level, setLevel] = useState<'reminder' | 'supervision'>(user.role === 'leader' ? 'supervision' : 'reminder');
  const [message, setMessage] = useState('');
  const [respondBy, setRespondBy] = useState('');
  const [issued, setIssued] = useState(false);
  if (!view.data || view.data.items.length === 0) return null;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setIssued(false);
    const [kind, id] = item.split(':');
    const done = await run(() =>
      api.issueNotice(projectId, {
        ...(kind === 'm' ? { milestoneId: id } : kind === 'n' ? { needId: id } : {}),
        level,
        message,
        respondBy: respondBy || undefined,
      }),
    );
    if (done) {
      setIssued(true);
      setMessage('');
      view.reload();
    }
  };
  return (
    <section className="panel" aria-label={t('supervision.projectTitle')}>
      <h2>{t('supervision.projectTitle')}</h2>
      <table className="table">
        <tbody>
          {view.data.items.map((i) => (
            <tr key={i.milestoneId ?? i.needId}>
              <td>{i.title}</td>
              <td>{departmentName(departments, i.departmentCode)}</td>
              <td>
                {t('supervision.due')} {formatDate(i.dueOn)}
              </td>
              <td>
                <WarningBadge warning={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayIssue ? (
        <form className="form" onSubmit={send} noValidate aria-label={t('notice.issue')}>
          <h3>{t('notice.issue')}</h3>
          <ProblemBanner
            problem={problem}
            shown={(f) => ['milestoneId', 'needId', 'level', 'message', 'respondBy'].includes(f)}
          />
          {issued ? <Notice>{t('notice.issued')}</Notice> : null}
          <Field label={t('notice.item')} error={errorAt('milestoneId') ?? errorAt('needId')}>
            <select value={item} onChange={(e) => setItem(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {view.data.items.map((i) => (
                <option key={i.milestoneId ?? i.needId} value={i.milestoneId ? `m:${i.milestoneId}` : `n:${i.needId}`}>
                  {i.title}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('notice.level')} error={errorAt('level')}>
            <select value={level} onChange={(e) => setLevel(e.target.value as 'reminder' | 'supervision')}>
              {(user.role === 'leader' ? (['supervision'] as const) : (['reminder', 'supervision'] as const)).map(
                (l) => (
                  <option key={l} value={l}>
                    {code('noticeLevel', l)}
                  </option>
                ),
              )}
            </select>
          </Field>
          <Field label={t('notice.message')} error={errorAt('message')}>
            <textarea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
          </Field>
          <Field
            label={t('notice.respondBy')}
            error={errorAt('respondBy')}
            hint={settings.data && t('notice.respondByHint', { days: settings.data.responseDays })}
          >
            <input type="date" value={respondBy} onChange={(e) => setRespondBy(e.target.value)} />
          </Field>
          <button type="submit" className="primary" disabled={pending}>
            {t('notice.issue')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
