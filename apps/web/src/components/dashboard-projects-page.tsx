import { api, DashboardProject, GroupBy } from '../api';
import { formatAmount, formatCount, formatDate, todayInChina } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { departmentName, useConferences, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { ListPage, PAGE_SIZE, pageParam } from './list-page';
import { StatusBadge } from './status-badge';

const OUTCOMES = ['library', 'landed', 'withdrawn', 'open'] as const;
const GROUP_TITLES: Record<GroupBy, MessageKey> = {
  conference: 'dash.byConference',
  industryChain: 'dash.byIndustryChain',
  department: 'dash.byDepartment',
  district: 'dash.byDistrict',
};

/**
 * 看板明细: the projects behind a KPI or a bar of the landing dashboard, counted from the same
 * cohort (asOf, "as reported then", filters), so the list always adds up to the figure clicked.
 */
export function DashboardProjectsPage({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const departments = useDepartments();
  const conferences = useConferences();
  const p = route.params;
  const asOf = p.get('asOf') || todayInChina();
  const known = p.get('known') === 'then' ? 'then' : 'now';
  const outcome = (OUTCOMES as readonly string[]).includes(p.get('outcome') ?? '')
    ? (p.get('outcome') as (typeof OUTCOMES)[number])
    : 'library';
  const groupBy = (p.get('groupBy') || undefined) as GroupBy | undefined;
  const key = p.get('key') || undefined;
  const page = pageParam(route);
  const filters = {
    asOf,
    knownAt: known === 'then' && asOf < todayInChina() ? `${asOf}T23:59:59.999+08:00` : undefined,
    industryChain: p.get('industryChain') || undefined,
    district: p.get('district') || undefined,
    conferenceId: p.get('conferenceId') || undefined,
    department: p.get('department') || undefined,
  };
  const list = useLoad(
    () => api.dashboardProjects({ ...filters, outcome, groupBy, key, page, pageSize: PAGE_SIZE }),
    [p.toString()],
  );
  const groupLabel = !groupBy
    ? null
    : !key
      ? t('drill.noKey')
      : groupBy === 'conference'
        ? (conferences.find((c) => c.id === key)?.title ?? key)
        : groupBy === 'department'
          ? departmentName(departments, key)
          : key;
  const back = Object.fromEntries(
    [...p.entries()].filter(([name]) => !['outcome', 'groupBy', 'key', 'page'].includes(name)),
  );

  return (
    <ListPage
      title={t('drill.title', { outcome: t(`drill.outcome.${outcome}`) })}
      count={
        list.data &&
        [
          t('drill.count', { total: formatCount(list.data.total), date: asOf }),
          groupBy ? `${t(GROUP_TITLES[groupBy])}：${groupLabel}` : null,
          t(known === 'then' ? 'dash.knownThenNote' : 'dash.knownNowNote'),
        ]
          .filter(Boolean)
          .join(' · ')
      }
      actions={<a href={href('/dashboard', back)}>← {t('drill.back')}</a>}
      problem={list.problem}
      columns={[
        { label: t('col.title') },
        { label: t('col.enterprise') },
        { label: t('drill.statusThen') },
        { label: t('col.industryChain') },
        { label: t('col.district') },
        { label: t('col.leadDepartment') },
        { label: t('drill.landedOn') },
        { label: t('col.investment'), num: true },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(project: DashboardProject) => project.projectId}
      row={(project: DashboardProject) => (
        <tr>
          <td>
            <a href={href(`/projects/${project.projectId}`)}>{project.title}</a>
          </td>
          <td>{project.enterpriseName}</td>
          <td>
            <StatusBadge status={project.status} />
          </td>
          <td>{project.industryChain}</td>
          <td>{project.district ?? '—'}</td>
          <td>{project.department ? departmentName(departments, project.department) : '—'}</td>
          <td>{project.landedOn ? formatDate(project.landedOn) : '—'}</td>
          <td className="num">{formatAmount(project.investmentYuan, lang)}</td>
        </tr>
      )}
      onPage={(next) => navigate('/dashboard/projects', { ...Object.fromEntries(p.entries()), page: next })}
    />
  );
}
