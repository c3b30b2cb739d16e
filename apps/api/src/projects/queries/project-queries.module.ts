import { Module } from '@nestjs/common';
import { ListProjectsHandler } from './list-projects.handler';
import { ProjectListController } from './project-list.controller';

@Module({ controllers: [ProjectListController], providers: [ListProjectsHandler] })
export class ProjectQueriesModule {}
