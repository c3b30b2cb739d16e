import type { ProjectStatus } from '@luodi/domain';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { containing, offsetOf, Page, PageRequest } from '../paging';
import { overdueMilestoneSql } from '../department-assignments/department-assignments.query';
import { ProjectListDepartmentRow } from './project-list-department.entity';
import { ProjectListRow } from './project-list.entity';
import { searchGramsQueryOf } from './project-search-grams';

export interface ProjectListFilters {
  status?: ProjectStatus;
  industryChain?: string;
  /** May act on the project (leads or supports the plan in force, or owns one of its milestones): see project_list.departments. */
  department?: string;
  conferenceId?: string;
  enterpriseId?: string;
  district?: string;
  /** Only projects with a milestone overdue on this business date (the inbox's rule). */
  overdueOn?: string;
  /** Words or any part of the title, enterprise name or summary; letters only: also their pinyin. */
  q?: string;
}

const SORTABLE = {
  updatedAt: 'p.updatedAt',
  submittedAt: 'p.submittedAt',
  enteredLibraryAt: 'p.enteredLibraryAt',
  landedOn: 'p.landedOn',
  investmentYuan: 'p.investmentYuan',
  title: 'p.title',
} as const;

const NULLABLE = new Set<string>([SORTABLE.enteredLibraryAt, SORTABLE.landedOn]);

/** A field of SORTABLE, `-` in front for descending. */
export const PROJECT_SORTS = Object.keys(SORTABLE).flatMap((field) => [field, `-${field}`]);
export type ProjectSort = string;

/**
 * The project list's rows (alias `p`) filtered, searched and sorted as `GET /api/projects` has
 * them, before paging: the list and its Excel export (the 台账) select the same projects.
 */
export function projectListQuery(
  dataSource: DataSource,
  filters: ProjectListFilters,
  sort: ProjectSort = '-updatedAt',
): SelectQueryBuilder<ProjectListRow> {
  const qb = dataSource.getRepository(ProjectListRow).createQueryBuilder('p');
  if (filters.status) qb.andWhere('p.status = :status', { status: filters.status });
  if (filters.industryChain) qb.andWhere('p.industryChain = :industryChain', { industryChain: filters.industryChain });
  if (filters.conferenceId) qb.andWhere('p.conferenceId = :conferenceId', { conferenceId: filters.conferenceId });
  if (filters.enterpriseId) qb.andWhere('p.enterpriseId = :enterpriseId', { enterpriseId: filters.enterpriseId });
  if (filters.district) qb.andWhere('p.district = :district', { district: filters.district });
  if (filters.department) {
    qb.andWhere('p.departments @> ARRAY[:department]::text[]', { department: filters.department });
  }
  if (filters.overdueOn) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM department_assignments a WHERE a.project_id = p.id AND ${overdueMilestoneSql('a')})`,
      { today: filters.overdueOn },
    );
  }
  const q = filters.q?.trim();
  if (q) {
    // The tsvector ('simple': no stemming, any language) finds words in any order; Chinese has no
    // spaces between words, so a run of CJK text is one token there, and ILIKE finds a part of it.
    // Letters only may be pinyin (full or initials) of the title or enterprise name. Where q has
    // grams (project-search-grams.ts: of the texts and of their pinyin), their index finds the rows
    // to match; for one or two characters the rows it finds are the matches.
    const pinyinMatch = /^[A-Za-z]+$/.test(q) ? ' OR p.searchPinyin LIKE :pinyin' : '';
    const parts = `p.title ILIKE :like OR p.enterpriseName ILIKE :like OR p.summary ILIKE :like${pinyinMatch}`;
    const grams = searchGramsQueryOf(q);
    const gramMatch = 'p.searchGrams @@ :grams::tsquery';
    const match = grams === null ? parts : [...q].length <= 2 ? gramMatch : `${gramMatch} AND (${parts})`;
    qb.andWhere(`(p.search @@ plainto_tsquery('simple', :q) OR ${grams === null ? match : `(${match})`})`, {
      q,
      like: containing(q),
      pinyin: containing(q.toLowerCase()),
      grams,
    });
  }
  const descending = sort.startsWith('-');
  const field = SORTABLE[sort.replace(/^-/, '') as keyof typeof SORTABLE] ?? SORTABLE.updatedAt;
  // NULLS LAST only where a column can be NULL: on the others it changes nothing but keeps the
  // planner from walking an index in its own order (DESC is NULLS FIRST there).
  const nullable = NULLABLE.has(field);
  qb.orderBy(field, descending ? 'DESC' : 'ASC', nullable ? 'NULLS LAST' : undefined).addOrderBy('p.id', 'ASC');
  return qb;
}

/** `GET /api/projects`: filtered, searched, sorted, one page. */
export async function listProjects(
  dataSource: DataSource,
  filters: ProjectListFilters,
  page: PageRequest,
  sort: ProjectSort = '-updatedAt',
): Promise<Page<ProjectListRow>> {
  const qb = projectListQuery(dataSource, filters, sort);
  const items = await qb.clone().offset(offsetOf(page)).limit(page.pageSize).getMany();
  return { items, total: await totalOf(dataSource, qb, filters), ...page };
}

/**
 * How many projects the filtered list holds: count(*), not getManyAndCount's COUNT(DISTINCT id)
 * (no join, so one row per project already). A department's projects alone are counted from
 * project_list_departments' primary key, without reading the wide rows (see its entity).
 */
async function totalOf(
  dataSource: DataSource,
  qb: SelectQueryBuilder<ProjectListRow>,
  filters: ProjectListFilters,
): Promise<number> {
  // The filters projectListQuery applies: those with a value (q once trimmed).
  const applied = Object.entries(filters).filter(([key, value]) => (key === 'q' ? value?.trim() : value));
  const count =
    applied.length === 1 && applied[0][0] === 'department'
      ? dataSource
          .getRepository(ProjectListDepartmentRow)
          .createQueryBuilder('d')
          .where('d.department = :department', { department: filters.department })
      : qb.clone().orderBy();
  const { total } = (await count.select('count(*)::int', 'total').getRawOne<{ total: number }>())!;
  return total;
}
