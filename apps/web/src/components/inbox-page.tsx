import { useState } from 'react';
import { api, User } from '../api';
import { formatCount, formatDate } from '../format';
import { useI18n } from '../i18n';
import { departmentName, localName, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { ExportButton } from './file-actions';
import { Field, Notice } from './form';
import { ListPage, PAGE_SIZE, pageParam } from './list-page';
import { MilestoneBadge, milestoneState } from './milestone-table';
import { ProgressForm } from './project-actions';
import { DepartmentNotices, WarningBadge } from './supervision';

const SHOW = { all: {}, open: { done: false }, overdue: { overdue: true } } as const;
type Show = keyof typeof SHOW;

/**
 * A department's milestones, overdue in red and due soon in yellow, each with a progress report
 * and its warning ladder (预警), and the department's supervision notices to sign for and answer.
 * Department users see their own department; the task force may look at any.
 */
export function InboxPage({ route, user }: { route: Route; user: User }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const own = user.role === 'department' ? user.departmentCode : undefined;
  const code = own ?? route.params.get('department') ?? '';
  const page = pageParam(route);
  const show = (route.params.get('show') ?? 'open') as Show;
  const list = useLoad(
    () =>
      code ? api.assignments(code, { ...(SHOW[show] ?? {}), page, pageSize: PAGE_SIZE }) : Promise.resolve(undefined),
    [code, show, page],
  );
  const go = (changes: { department?: string; show?: string; page?: number }) =>
    navigate('/inbox', { department: own ? undefined : code, show, page: undefined, ...changes });
  const [reporting, setReporting] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  return (
    <ListPage
      title={
        <>
          {t('inbox.title')}
          {code ? ` · ${departmentName(departments, code)}` : ''}
        </>
      }
      count={list.data && `${t('inbox.count', { total: formatCount(list.data.total) })} · ${t('inbox.legend')}`}
      actions={
        code ? (
          <ExportButton
            path={`/api/departments/${encodeURIComponent(code)}/assignments/export.xlsx`}
            query={SHOW[show] ?? {}}
            fileName={t('export.inboxFile')}
          />
        ) : null
      }
      problem={list.problem}
      columns={[
        { label: t('inbox.project') },
        { label: t('milestone.title') },
        { label: t('milestone.dueOn') },
        { label: t('milestone.owner') },
        { label: t('milestone.state') },
        { label: t('warning.column') },
        { label: <span className="visually-hidden">{t('project.actions')}</span> },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(item) => `${item.projectId}:${item.milestoneId}`}
      row={(item) => (
        <>
          <tr className={`row-${milestoneState(item)}`}>
            <td data-label={t('inbox.project')}>
              <a href={href(`/projects/${item.projectId}`)}>{item.projectTitle}</a>
              <div className="small">
                <a href={href(`/enterprises/${item.enterpriseId}`)}>{item.enterpriseName}</a>
              </div>
            </td>
            <td data-label={t('milestone.title')}>{item.title}</td>
            <td data-label={t('milestone.dueOn')}>{formatDate(item.dueOn)}</td>
            <td data-label={t('milestone.owner')}>{item.owner}</td>
            <td data-label={t('milestone.state')}>
              <MilestoneBadge milestone={item} />
            </td>
            <td data-label={t('warning.column')}>
              <WarningBadge warning={item.warning} />
            </td>
            <td>
              {item.done ? null : (
                <button
                  type="button"
                  aria-expanded={reporting === item.milestoneId}
                  aria-label={t('common.labelled', { label: t('inbox.report'), value: item.title })}
                  onClick={() => {
                    setSaved(false);
                    setReporting(reporting === item.milestoneId ? null : item.milestoneId);
                  }}
                >
                  {t('inbox.report')}
                </button>
              )}
            </td>
          </tr>
          {reporting === item.milestoneId ? (
            <tr className="form-row">
              <td colSpan={7}>
                <ProgressForm
                  projectId={item.projectId}
                  milestoneId={item.milestoneId}
                  onDone={() => {
                    setReporting(null);
                    setSaved(true);
                    list.reload();
                  }}
                />
              </td>
            </tr>
          ) : null}
        </>
      )}
      onPage={(next) => go({ page: next })}
      stackOnPhone
    >
      <div className="filters">
        {own ? null : (
          <Field label={t('inbox.department')}>
            <select value={code} onChange={(e) => go({ department: e.target.value })}>
              <option value="">{t('common.choose')}</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {localName(d.name, d.nameEn)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('inbox.show')}>
          <select value={show} onChange={(e) => go({ show: e.target.value })}>
            <option value="open">{t('inbox.showOpen')}</option>
            <option value="overdue">{t('inbox.showOverdue')}</option>
            <option value="all">{t('inbox.showAll')}</option>
          </select>
        </Field>
      </div>
      {!code ? <p className="muted">{t('inbox.chooseDepartment')}</p> : <DepartmentNotices code={code} user={user} />}
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
    </ListPage>
  );
}
