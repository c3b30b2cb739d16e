import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SupervisionSettings } from '@luodi/domain';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { SupervisionSettingsDto } from './supervision-settings.dto';
import { SupervisionSettingsStore } from './supervision-settings';

/** The warning ladder's thresholds and the default response time of a notice (admin changes them). */
@ApiTags('supervision')
@Controller('settings/supervision')
export class SupervisionSettingsController {
  constructor(private readonly settings: SupervisionSettingsStore) {}

  @Get()
  get(@Query() _query: ConsistentReadQuery): Promise<SupervisionSettings> {
    return this.settings.current();
  }

  /** Replaces all three: 200 `{id: "supervision", version, position}`; the same values again record nothing. */
  @Put()
  put(@Body() body: SupervisionSettingsDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    return this.settings.change(
      { dueSoonDays: body.dueSoonDays, escalateAfterDays: body.escalateAfterDays, responseDays: body.responseDays },
      ctx,
    );
  }
}
