import { Module } from '@nestjs/common';
import { ConferenceCommandsHandler } from './conference-commands.handler';
import { ConferencesController } from './conferences.controller';
import { GetConferenceHandler } from './get-conference.handler';

@Module({ controllers: [ConferencesController], providers: [ConferenceCommandsHandler, GetConferenceHandler] })
export class ConferencesModule {}
