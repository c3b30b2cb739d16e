import { Module } from '@nestjs/common';
import { ConferenceListController } from './conference-list.controller';
import { ListConferencesHandler } from './list-conferences.handler';

@Module({ controllers: [ConferenceListController], providers: [ListConferencesHandler] })
export class ConferenceQueriesModule {}
