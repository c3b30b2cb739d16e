import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { businessDate } from '@luodi/domain';
import {
  DepartmentScorecard,
  DepartmentWork,
  departmentWork,
  emptyWork,
  ScorecardWeights,
  scorecardsFromTallies,
} from '@luodi/forecast';
import { departmentTallies, landingRates, projectWorkFactsFor } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem';
import { knownAtOf } from '../dashboard/dashboard.handlers';
import { READ_DATA_SOURCE } from '../database/read-database';
import { ScorecardQueryDto } from './scorecard-query.dto';
import { ScorecardWeightsService } from './scorecard-weights.service';

export interface ScorecardPeriod {
  from: string;
  to: string;
  /** The day the period is judged at: `to`, or today while the period runs. */
  evaluatedOn: string;
  /** The record-time cut, UTC; null: everything recorded when asked. */
  knownAt: string | null;
}

export interface DepartmentScorecards extends ScorecardPeriod {
  /** The weights the scores were computed with (published with every answer). */
  weights: ScorecardWeights;
  departments: DepartmentScorecard[];
}

export interface DepartmentScorecardItems extends ScorecardPeriod, DepartmentWork {
  department: string;
}

/** The period asked for, checked: `to` not before `from`, `knownAt` not in the future. */
export function scorecardPeriod(query: ScorecardQueryDto): ScorecardPeriod {
  if (query.to < query.from) {
    const message = `The period ends (${query.to}) before it starts (${query.from}).`;
    throw new ApiError('PERIOD_REVERSED', message, [{ field: 'to', message }]);
  }
  const today = businessDate(new Date().toISOString());
  return {
    from: query.from,
    to: query.to,
    evaluatedOn: query.to < today ? query.to : today,
    knownAt: knownAtOf(query) ?? null,
  };
}

/**
 * Every department's scorecard for a period: the work counted in the database (departmentTallies,
 * the same counts as departmentScorecards makes of the rows), the landings from the dashboard query.
 */
export async function computeScorecards(
  dataSource: DataSource,
  period: ScorecardPeriod,
  weights: ScorecardWeights,
): Promise<DepartmentScorecards> {
  const knownAt = period.knownAt ?? undefined;
  const [tallies, departments, landing] = await Promise.all([
    departmentTallies(dataSource, period),
    dataSource.query('SELECT code, name FROM departments ORDER BY code') as Promise<{ code: string; name: string }[]>,
    landingRates(dataSource, 'department', period.evaluatedOn, { knownAt }),
  ]);
  return {
    ...period,
    weights,
    departments: scorecardsFromTallies({
      tallies,
      departments,
      landing: new Map(
        landing.filter((r) => r.key !== null).map((r) => [r.key!, { led: r.inLibrary, landed: r.landed }]),
      ),
      weights,
    }),
  };
}

export class DepartmentScorecardsQuery extends Query<DepartmentScorecards> {
  constructor(readonly query: ScorecardQueryDto) {
    super();
  }
}

@QueryHandler(DepartmentScorecardsQuery)
export class DepartmentScorecardsHandler implements IQueryHandler<DepartmentScorecardsQuery> {
  constructor(
    @Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly weights: ScorecardWeightsService,
  ) {}

  async execute({ query }: DepartmentScorecardsQuery): Promise<DepartmentScorecards> {
    const period = scorecardPeriod(query);
    const { weights } = await this.weights.get();
    return computeScorecards(this.dataSource, period, weights);
  }
}

export class DepartmentScorecardItemsQuery extends Query<DepartmentScorecardItems> {
  constructor(
    readonly department: string,
    readonly query: ScorecardQueryDto,
  ) {
    super();
  }
}

/** The milestones and needs behind one department's figures: the drill-down from a number. */
@QueryHandler(DepartmentScorecardItemsQuery)
export class DepartmentScorecardItemsHandler implements IQueryHandler<DepartmentScorecardItemsQuery> {
  constructor(@Inject(READ_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ department, query }: DepartmentScorecardItemsQuery): Promise<DepartmentScorecardItems> {
    const period = scorecardPeriod(query);
    const projects = await projectWorkFactsFor(this.dataSource, { ...period, department });
    const work = departmentWork({ ...period, knownAt: period.knownAt ?? undefined, projects }).get(department);
    return { ...period, department, ...(work ?? emptyWork()) };
  }
}
