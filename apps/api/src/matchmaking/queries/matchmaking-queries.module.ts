import { Module } from '@nestjs/common';
import { MatchmakingQueriesController } from './matchmaking-queries.controller';
import {
  ListCooperationsHandler,
  ListDemandsHandler,
  ListMatchmakingEventsHandler,
  MatchmakingDashboardHandler,
  TierDashboardHandler,
} from './matchmaking-queries.handler';

@Module({
  controllers: [MatchmakingQueriesController],
  providers: [
    ListMatchmakingEventsHandler,
    ListDemandsHandler,
    ListCooperationsHandler,
    MatchmakingDashboardHandler,
    TierDashboardHandler,
  ],
})
export class MatchmakingQueriesModule {}
