import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { GetProjectHistoryHandler } from './get-project-history.handler';
import { GetProjectHandler } from './get-project.handler';
import { ProjectCommandsHandler } from './project-commands.handler';
import { ProjectsController } from './projects.controller';

@Module({
  imports: [FilesModule, SupervisionModule],
  controllers: [ProjectsController],
  providers: [ProjectCommandsHandler, GetProjectHandler, GetProjectHistoryHandler],
})
export class ProjectsModule {}
