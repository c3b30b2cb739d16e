import { Module } from '@nestjs/common';
import {
  CooperationCommandsHandler,
  DemandCommandsHandler,
  MatchmakingEventCommandsHandler,
} from './matchmaking-commands.handler';
import { CooperationsController, DemandsController, MatchmakingEventsController } from './matchmaking.controller';
import { GetCooperationHandler, GetDemandHandler, GetMatchmakingEventHandler } from './matchmaking-reads.handler';

@Module({
  controllers: [MatchmakingEventsController, DemandsController, CooperationsController],
  providers: [
    MatchmakingEventCommandsHandler,
    DemandCommandsHandler,
    CooperationCommandsHandler,
    GetMatchmakingEventHandler,
    GetDemandHandler,
    GetCooperationHandler,
  ],
})
export class MatchmakingModule {}
