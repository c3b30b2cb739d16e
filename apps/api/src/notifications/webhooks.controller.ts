import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Page } from '@luodi/read-models';
import { Request } from 'express';
import { Actor, CurrentActor } from '../auth/actor';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiError } from '../common/problem';
import { PageQuery, pageOf } from '../projection/page-query.dto';
import { RegisterWebhookDto } from './register-webhook.dto';
import { DeliveryView, WebhookView, WebhooksService } from './webhooks.service';

/** The channels notifications are pushed to (admin only, see ACCESS_POLICY). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers a channel: a WeCom, DingTalk or Feishu group robot or a generic JSON receiver. It
   * gets the notifications of the kinds in `events` recorded from now on (of `departmentCode`
   * only, if given). 400 for a URL that is not http(s) or is this API itself, a missing secret
   * for a signed kind, an unknown event kind or department.
   */
  @Post()
  register(
    @Body() body: RegisterWebhookDto,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookView> {
    const hosts = [request.hostname, this.config.host]
      .filter((host): host is string => Boolean(host))
      .map((h) => h.toLowerCase());
    return this.webhooks.register(body, { port: request.socket.localPort ?? this.config.port, hosts }, actor);
  }

  @Get()
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /** Every delivery to the webhook, newest first: status, attempts, last error, each attempt's log. */
  @Get(':id/deliveries')
  deliveries(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ApiError('WEBHOOK_NOT_FOUND', 'No such webhook.') }))
    id: string,
    @Query() query: PageQuery,
  ): Promise<Page<DeliveryView>> {
    return this.webhooks.deliveries(id, pageOf(query));
  }
}
