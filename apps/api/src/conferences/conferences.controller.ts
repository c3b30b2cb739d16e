import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CommandContext, CommandCtx } from '../common/command-context';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { CommandAccepted } from '../common/event-sourced';
import { OnConference } from './conference-commands.handler';
import { ConferenceView, GetConferenceQuery } from './get-conference.handler';
import { NameConferenceThemeInEnglishDto } from './name-conference-theme.dto';
import { ScheduleConferenceDto } from './schedule-conference.dto';

// `GET /api/conferences` (the list) is a read-model query, served elsewhere.
@ApiTags('conferences')
@Controller('conferences')
export class ConferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Schedules a creativity conference: 201 `{id, version, position}`. */
  @Post()
  schedule(@Body() body: ScheduleConferenceDto, @CommandCtx() ctx: CommandContext): Promise<CommandAccepted> {
    const conferenceId = randomUUID();
    return this.commands.execute(
      new OnConference(
        conferenceId,
        {
          type: 'ScheduleConference',
          data: { conferenceId, title: body.title, theme: body.theme, themeEn: body.themeEn, heldOn: body.heldOn },
        },
        ctx,
      ),
    );
  }

  /** Gives, changes or clears (null) its English theme: 200 `{id, version, position}`; 404 CONFERENCE_NOT_FOUND. */
  @Patch(':id')
  nameThemeInEnglish(
    @Param('id') id: string,
    @Body() body: NameConferenceThemeInEnglishDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandAccepted> {
    return this.commands.execute(
      new OnConference(id, { type: 'NameConferenceThemeInEnglish', data: { themeEn: body.themeEn } }, ctx),
    );
  }

  /** One conference as its stream has it now (always current; `minPosition` waits as on every GET). */
  @Get(':id')
  get(@Param('id') id: string, @Query() _query: ConsistentReadQuery): Promise<ConferenceView> {
    return this.queries.execute(new GetConferenceQuery(id));
  }
}
