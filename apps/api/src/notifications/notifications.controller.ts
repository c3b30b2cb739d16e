import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listNotifications,
  markNotificationRead,
  NotificationItem,
  NotificationReader,
  Page,
} from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../auth/actor';
import { ApiError } from '../common/problem';
import { pageOf } from '../projection/page-query.dto';
import { NotificationsQueryDto } from './notifications-query.dto';

export const readerOf = (actor: Actor): NotificationReader => ({
  userId: actor.userId,
  role: actor.role,
  departmentCode: actor.departmentCode,
});

/**
 * Each user's own notifications (those telling the user's department or role). Read on the
 * primary, not a replica: a user who marks one read must see it read at once.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's notifications, newest first, paged; `unread=true` only the unread ones. */
  @Get()
  list(@Query() query: NotificationsQueryDto, @CurrentActor() actor: Actor): Promise<Page<NotificationItem>> {
    return listNotifications(this.dataSource, readerOf(actor), { unread: query.unread }, pageOf(query));
  }

  /** Marks one of the caller's notifications read (again: no change); 404 NOTIFICATION_NOT_FOUND for any other. */
  @Post(':id/read')
  @HttpCode(200)
  async read(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => notFound() })) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<{ id: number; readAt: string }> {
    const read = await markNotificationRead(this.dataSource, readerOf(actor), id);
    if (!read) throw notFound();
    return read;
  }
}

const notFound = () => new ApiError('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
