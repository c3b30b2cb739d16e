import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, CommandCtx } from '../common/command-context';
import {
  DepartmentScorecardItems,
  DepartmentScorecardItemsQuery,
  DepartmentScorecards,
  DepartmentScorecardsQuery,
} from './department-scorecards.handler';
import { ScorecardQueryDto } from './scorecard-query.dto';
import { PutScorecardWeightsDto } from './scorecard-weights.dto';
import { ScorecardWeightsService, ScorecardWeightsView } from './scorecard-weights.service';

/**
 * Department scorecards for a period (business dates, both ends included), as known at
 * `knownAt`: milestones due and how they went, needs resolved, projects led and landed, a
 * composite score with the published weights, and the rank.
 */
@ApiTags('scorecards')
@Controller()
export class ScorecardsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly weights: ScorecardWeightsService,
  ) {}

  /** `{from, to, evaluatedOn, knownAt, weights, departments: [...]}`, best rank first. */
  @Get('scorecards/departments')
  departments(@Query() query: ScorecardQueryDto): Promise<DepartmentScorecards> {
    return this.queries.execute(new DepartmentScorecardsQuery(query));
  }

  /** The milestones (with their outcome) and needs behind one department's figures. */
  @Get('scorecards/departments/:code/items')
  items(@Param('code') code: string, @Query() query: ScorecardQueryDto): Promise<DepartmentScorecardItems> {
    return this.queries.execute(new DepartmentScorecardItemsQuery(code, query));
  }

  /** The composite's weights in percent, and who set them (null: the published defaults). */
  @Get('settings/scorecard-weights')
  getWeights(): Promise<ScorecardWeightsView> {
    return this.weights.get();
  }

  /** Sets the weights (admin): whole percent, 0 to 100 each, together 100; recorded in the audit log. */
  @Put('settings/scorecard-weights')
  putWeights(@Body() body: PutScorecardWeightsDto, @CommandCtx() ctx: CommandContext): Promise<ScorecardWeightsView> {
    return this.weights.put(body.weights, ctx);
  }
}
