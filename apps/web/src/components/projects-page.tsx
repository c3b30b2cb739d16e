import { api, PROJECT_STATUSES, ProjectStatus } from '../api';
import { formatAmount, formatCount, formatDate } from '../format';
import { useI18n } from '../i18n';
import { departmentName, districtName, DISTRICTS, localName, useConferences, useDepartments } from '../reference';
import { href, navigate, Route } from '../router';
import { useLoad } from '../use-load';
import { useUrlDraft } from '../use-url-draft';
import { ListPage, PAGE_SIZE, pageParam, SearchForm } from './list-page';
import { ChainSelect } from './chain-select';
import { ExportButton } from './file-actions';
import { StatusBadge } from './status-badge';

const FILTERS = ['status', 'industryChain', 'department', 'conferenceId', 'district', 'overdue', 'q', 'sort'] as const;

/**
 * The project pipeline: filtered, searched and paged by the API; the state lives in the URL.
 * As the review queue (`/reviews`, 待评审) it lists the submitted projects only, oldest first.
 */
export function ProjectsPage({ route, reviewQueue = false }: { route: Route; reviewQueue?: boolean }) {
  const { t, lang } = useI18n();
  const departments = useDepartments();
  const conferences = useConferences();
  const base = reviewQueue ? '/reviews' : '/projects';
  const query = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  if (reviewQueue) query.status = 'submitted';
  const page = pageParam(route);
  const key = route.params.toString();
  const list = useLoad(
    () =>
      api.projects({
        ...query,
        status: (query.status || undefined) as ProjectStatus | undefined,
        overdue: query.overdue === 'true' || undefined,
        sort: query.sort || (reviewQueue ? 'submittedAt' : undefined),
        page,
        pageSize: PAGE_SIZE,
      }),
    [key],
  );
  const [q, setQ] = useUrlDraft(query.q);

  // Any change of filter starts again at page 1.
  const update = (changes: Partial<typeof query>) => navigate(base, { ...query, ...changes, page: undefined });
  const sortedBy = query.sort || (reviewQueue ? 'submittedAt' : '-updatedAt');
  // A header that sorts by its column: first click descending for figures and dates, ascending for titles.
  const sortable = (label: string, field: string, firstDescending = true) => {
    const current = sortedBy.replace(/^-/, '') === field ? (sortedBy.startsWith('-') ? 'desc' : 'asc') : null;
    const next = current === null ? (firstDescending ? `-${field}` : field) : current === 'desc' ? field : `-${field}`;
    return (
      <button type="button" className="link-button sort" onClick={() => update({ sort: next })}>
        {label}
        <span aria-hidden="true">{current === 'asc' ? ' ▲' : current === 'desc' ? ' ▼' : ''}</span>
        <span className="visually-hidden">
          {current ? t(current === 'asc' ? 'sort.ascending' : 'sort.descending') : t('sort.none')}
        </span>
      </button>
    );
  };

  return (
    <ListPage
      title={t(reviewQueue ? 'reviews.title' : 'projects.title')}
      count={list.data && t('projects.count', { total: formatCount(list.data.total) })}
      actions={<ExportButton path="/api/projects/export.xlsx" query={query} fileName={t('export.projectsFile')} />}
      problem={list.problem}
      columns={[
        { label: sortable(t('col.title'), 'title', false) },
        { label: t('col.enterprise') },
        { label: t('col.status') },
        { label: t('col.industryChain') },
        { label: t('col.district') },
        { label: sortable(t('col.investment'), 'investmentYuan'), num: true },
        { label: t('col.leadDepartment') },
        { label: sortable(t('col.updatedAt'), 'updatedAt') },
      ]}
      list={list.data}
      loading={list.loading}
      rowKey={(project) => project.id}
      row={(project) => (
        <tr>
          <td>
            <a href={href(`/projects/${project.id}`)}>{project.title}</a>
          </td>
          <td>
            {project.enterpriseId ? (
              <a href={href(`/enterprises/${project.enterpriseId}`)}>{project.enterpriseName}</a>
            ) : (
              project.enterpriseName
            )}
          </td>
          <td>
            <StatusBadge status={project.status} />
          </td>
          <td>{project.industryChain}</td>
          <td>{project.district ?? '—'}</td>
          <td className="num">{formatAmount(project.investmentYuan, lang)}</td>
          <td>{departmentName(departments, project.leadDepartment)}</td>
          <td>{formatDate(project.updatedAt)}</td>
        </tr>
      )}
      onPage={(next) => navigate(base, { ...query, page: next })}
    >
      <SearchForm onSearch={() => update({ q: q.trim() })}>
        <label>
          <span>{t('projects.q')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('projects.qPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label hidden={reviewQueue}>
          <span>{t('projects.status')}</span>
          <select value={query.status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {PROJECT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.industryChain')}</span>
          <ChainSelect
            value={query.industryChain}
            onChange={(value) => update({ industryChain: value })}
            empty={t('common.all')}
          />
        </label>
        <label>
          <span>{t('filter.involvedDepartment')}</span>
          <select value={query.department} onChange={(e) => update({ department: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {departments.map((department) => (
              <option key={department.code} value={department.code}>
                {localName(department.name, department.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filter.district')}</span>
          <select value={query.district} onChange={(e) => update({ district: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {DISTRICTS.map((name) => (
              <option key={name} value={name}>
                {districtName(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={query.overdue === 'true'}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })}
          />
          <span>{t('filter.overdueOnly')}</span>
        </label>
        <label>
          <span>{t('filter.conference')}</span>
          <select value={query.conferenceId} onChange={(e) => update({ conferenceId: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {conferences.map((conference) => (
              <option key={conference.id} value={conference.id}>
                {conference.title}
              </option>
            ))}
          </select>
        </label>
      </SearchForm>
    </ListPage>
  );
}
