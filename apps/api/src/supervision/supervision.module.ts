import { Module } from '@nestjs/common';
import { ListNoticesHandler } from './queries/list-notices.handler';
import { SupervisionNoticesController } from './supervision-notices.controller';
import { SupervisionSettingsController } from './supervision-settings.controller';
import { SupervisionSettingsStore } from './supervision-settings';

@Module({
  controllers: [SupervisionSettingsController, SupervisionNoticesController],
  providers: [SupervisionSettingsStore, ListNoticesHandler],
  exports: [SupervisionSettingsStore],
})
export class SupervisionModule {}
