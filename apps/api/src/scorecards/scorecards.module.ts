import { Module } from '@nestjs/common';
import { DepartmentScorecardItemsHandler, DepartmentScorecardsHandler } from './department-scorecards.handler';
import { ScorecardWeightsService } from './scorecard-weights.service';
import { ScorecardsController } from './scorecards.controller';

@Module({
  controllers: [ScorecardsController],
  providers: [DepartmentScorecardsHandler, DepartmentScorecardItemsHandler, ScorecardWeightsService],
  exports: [ScorecardWeightsService],
})
export class ScorecardsModule {}
