import { Module } from '@nestjs/common';
import { ListNoticesHandler } from './queries/list-notices.handler';
import { SupervisionNoticesController } from './supervision-notices.controller';
import { SupervisionSchedulerService } from './supervision-scheduler.service';
import { SupervisionSettingsController } from './supervision-settings.controller';
import { SupervisionSettingsStore } from './supervision-settings';

@Module({
  controllers: [SupervisionSettingsController, SupervisionNoticesController],
  providers: [SupervisionSettingsStore, ListNoticesHandler, SupervisionSchedulerService],
  exports: [SupervisionSettingsStore, SupervisionSchedulerService],
})
export class SupervisionModule {}
