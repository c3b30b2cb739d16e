import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuditLog } from '../audit/audit-log.service';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { RebuildService, RebuildStatus } from './rebuild.service';

@ApiTags('admin')
@Controller('admin/rebuild')
export class RebuildController {
  constructor(
    private readonly rebuilds: RebuildService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Replays the whole event log into fresh read-model tables and swaps them in; reads go on
   * meanwhile. 202 with the progress and `Location` to follow it; 409 REBUILD_RUNNING.
   */
  @Post()
  @HttpCode(202)
  async start(
    @Res({ passthrough: true }) response: Response,
    @CommandCtx() ctx: CommandContext,
  ): Promise<RebuildStatus> {
    const progress = await this.rebuilds.start();
    await this.audit.record({
      action: 'admin.rebuild-started',
      actor: ctx.actor,
      clientAddress: ctx.clientAddress,
      correlationId: ctx.correlationId,
    });
    response.setHeader('Location', '/api/admin/rebuild');
    return progress;
  }

  /** `{status: idle}`, or the latest rebuild of this process: phase, events done / total, events per second. */
  @Get()
  status(@Query() _query: ConsistentReadQuery): RebuildStatus {
    return this.rebuilds.status();
  }
}
