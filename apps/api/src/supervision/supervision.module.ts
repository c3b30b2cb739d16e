import { Module } from '@nestjs/common';
import { ListNoticesHandler } from './queries/list-notices.handler';
import { SupervisionViewsController } from './queries/supervision-views.controller';
import { SupervisionNoticesController } from './supervision-notices.controller';
import { SupervisionSchedulerService } from './supervision-scheduler.service';
import { SupervisionSettingsController } from './supervision-settings.controller';
import { SupervisionSettingsStore } from './supervision-settings';

@Module({
  controllers: [SupervisionSettingsController, SupervisionNoticesController, SupervisionViewsController],
  providers: [SupervisionSettingsStore, ListNoticesHandler, SupervisionSchedulerService],
  exports: [SupervisionSettingsStore, SupervisionSchedulerService],
})
export class SupervisionModule {}
