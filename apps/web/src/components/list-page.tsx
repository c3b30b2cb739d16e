import { FormEvent, Fragment, ReactNode } from 'react';
import { Page, Problem } from '../api';
import { useI18n } from '../i18n';
import { Route } from '../router';
import { Pager, ProblemBanner } from './form';

/** Rows a list page shows at once. */
export const PAGE_SIZE = 20;

/** The page number in the route (`?page=`), 1 when missing or not a number. */
export const pageParam = (route: Route) => Math.max(1, Number(route.params.get('page')) || 1);

/** One page of a list the API answers whole (users, departments, conferences). */
export function pageOf<T>(items: T[] | undefined, page: number, pageSize = PAGE_SIZE): Page<T> | undefined {
  return items && { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** The search bar of a list: its fields, then the search button. */
export function SearchForm({ onSearch, children }: { onSearch: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch();
  };
  return (
    <form className="filters" role="search" onSubmit={submit}>
      {children}
      <button type="submit" className="primary">
        {t('common.search')}
      </button>
    </form>
  );
}

export interface Column {
  label: ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
}

interface ListPageProps<T> {
  title: ReactNode;
  /** The line under the title ("N projects"), once the list is loaded. */
  count?: ReactNode;
  /** Beside the heading: buttons acting on the whole list (an Excel export). */
  actions?: ReactNode;
  /** Panels, filters and notices between the heading and the table. */
  children?: ReactNode;
  problem: Problem | null;
  columns: Column[];
  list: Page<T> | undefined;
  loading: boolean;
  rowKey: (item: T) => string;
  /** The item's `<tr>` (or rows). */
  row: (item: T) => ReactNode;
  onPage: (page: number) => void;
  /** On a phone, each row as a card of labelled fields (its cells carry `data-label`), not a wide table. */
  stackOnPhone?: boolean;
}

/**
 * The scaffolding every list page shares: heading and count, what goes above the table, the
 * problem banner, the table with its empty row, and the pager. The table is shown while loading
 * and once loaded; a list that failed to load (or has nothing to load yet) shows none.
 */
export function ListPage<T>({
  title,
  count,
  actions,
  children,
  problem,
  columns,
  list,
  loading,
  rowKey,
  row,
  onPage,
  stackOnPhone = false,
}: ListPageProps<T>) {
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
        {list && count ? <p className="muted">{count}</p> : null}
        {actions}
      </div>
      {children}
      <ProblemBanner problem={problem} />
      {list || loading ? (
        <div className="table-wrap">
          <table className={stackOnPhone ? 'table stack' : 'table'}>
            <thead>
              <tr>
                {columns.map((column, i) => (
                  <th key={i} scope="col" className={column.num ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody aria-busy={loading}>
              {list?.items.map((item) => (
                <Fragment key={rowKey(item)}>{row(item)}</Fragment>
              ))}
              {list && list.items.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className="muted center">
                    {t('common.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
      {list ? <Pager page={list.page} pageSize={list.pageSize} total={list.total} onPage={onPage} /> : null}
    </div>
  );
}
