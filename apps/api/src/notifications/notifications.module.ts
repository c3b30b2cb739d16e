import { Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery-worker.service';
import { NotificationsController } from './notifications.controller';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  controllers: [NotificationsController, WebhooksController],
  providers: [WebhooksService, DeliveryWorker],
})
export class NotificationsModule {}
