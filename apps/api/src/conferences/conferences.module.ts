import { Module } from '@nestjs/common';
import { ConferencesController } from './conferences.controller';
import { GetConferenceHandler } from './get-conference.handler';
import { ScheduleConferenceHandler } from './schedule-conference.handler';

@Module({ controllers: [ConferencesController], providers: [ScheduleConferenceHandler, GetConferenceHandler] })
export class ConferencesModule {}
