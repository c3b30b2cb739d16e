import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandContext, CommandCtx } from '../common/command-context';
import { CredentialRoute } from '../common/credential-route.decorator';
import { CreateDisplayTokenDto } from './create-display-token.dto';
import { DisplayTokens, DisplayTokenView } from './display-tokens.service';

/** Display tokens for wall screens (挂图作战), admin only (see ACCESS_POLICY). */
@ApiTags('display-tokens')
@ApiBearerAuth()
@Controller('display-tokens')
export class DisplayTokensController {
  constructor(private readonly tokens: DisplayTokens) {}

  /** `{id, name, token, …}`: the token is in this answer only (not stored, not replayed by Idempotency-Key). */
  @Post()
  @CredentialRoute()
  create(
    @Body() body: CreateDisplayTokenDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<DisplayTokenView & { token: string }> {
    return this.tokens.create(body.name, ctx);
  }

  /** Every display token, active ones first; never the token. */
  @Get()
  list(): Promise<DisplayTokenView[]> {
    return this.tokens.list();
  }

  /** The wall using it is refused from its next request on. 409 DISPLAY_TOKEN_REVOKED when it already is. */
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id', ParseUUIDPipe) id: string, @CommandCtx() ctx: CommandContext): Promise<DisplayTokenView> {
    return this.tokens.revoke(id, ctx);
  }
}
