import { DataSource } from 'typeorm';
import { ProjectWorkFactsRow } from './project-work-facts.entity';

export interface WorkFactsScope {
  from: string;
  to: string;
  evaluatedOn: string;
  /** Record-time cut; null/undefined: everything recorded. */
  knownAt?: string | null;
  /** Only projects naming this department (a milestone spell, a lead, a notice). */
  department?: string;
}

/**
 * The work facts of the projects that can count in a period: a superset of what
 * libs/forecast/src/scorecard.ts keeps (that stays the one definition of the figures). A fact
 * counts only at a date in [from, to] or, for an open need, at evaluatedOn (before `from` when the
 * period lies ahead), which the row's `activity` dates cover (migration 1765100000000). As known
 * at `knownAt` a row has fewer facts, and only a need whose end was not recorded yet can count
 * longer: `open_recorded` holds those record times, and such a row is read whatever its dates.
 */
export function projectWorkFactsFor(dataSource: DataSource, scope: WorkFactsScope): Promise<ProjectWorkFactsRow[]> {
  const start = scope.evaluatedOn < scope.from ? scope.evaluatedOn : scope.from;
  const query = dataSource
    .getRepository(ProjectWorkFactsRow)
    .createQueryBuilder('f')
    .where(
      scope.knownAt
        ? `(f.activity && daterange(CAST(:start AS date), CAST(:to AS date), '[]') OR f.open_recorded @> CAST(:knownAt AS timestamptz))`
        : `f.activity && daterange(CAST(:start AS date), CAST(:to AS date), '[]')`,
      { start, to: scope.to, knownAt: scope.knownAt },
    )
    .orderBy('f.projectId', 'ASC');
  if (scope.department !== undefined) query.andWhere('f.departments @> ARRAY[CAST(:department AS text)]', scope);
  return query.getMany();
}
