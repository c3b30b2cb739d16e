import { Module } from '@nestjs/common';
import { ConferenceQueriesModule } from '../conferences/queries/conference-queries.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { DepartmentQueriesModule } from '../departments/queries/department-queries.module';
import { EnterpriseQueriesModule } from '../enterprises/queries/enterprise-queries.module';
import { MatchmakingQueriesModule } from '../matchmaking/queries/matchmaking-queries.module';
import { ProjectQueriesModule } from '../projects/queries/project-queries.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ProjectionModule } from './projection.module';

/** The read side: the projector and every read-model query endpoint. */
@Module({
  imports: [
    ProjectionModule,
    ProjectQueriesModule,
    DepartmentQueriesModule,
    EnterpriseQueriesModule,
    ConferenceQueriesModule,
    DashboardModule,
    MatchmakingQueriesModule,
    ScorecardsModule,
  ],
})
export class ReadSideModule {}
