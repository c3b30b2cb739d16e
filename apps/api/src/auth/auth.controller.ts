import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { countUnreadNotifications } from '@luodi/read-models';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CommandContext, CommandCtx } from '../common/command-context';
import { CredentialRoute } from '../common/credential-route.decorator';
import { readerOf } from '../notifications/notifications.controller';
import { ApiError } from '../common/problem';
import { Actor, CurrentActor } from './actor';
import { AuthService, Session, SessionUser, sessionUser } from './auth.service';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { LoginThrottledError } from './login-rate-limiter';
import { PasswordHashingBusyError } from './password-hasher';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Exchanges a username and password for a bearer token. 401 INVALID_CREDENTIALS for any wrong
   * combination; 429 TOO_MANY_LOGIN_ATTEMPTS with Retry-After after too many failures for the
   * username at this address, for the address, or everywhere; 429 LOGIN_BUSY when too many
   * passwords wait to be checked.
   */
  @Post('login')
  @CredentialRoute()
  @HttpCode(200)
  login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Session> {
    return throttled(response, () =>
      this.auth.login(
        body.username,
        body.password,
        this.addressOf(request),
        (request as Request & { correlationId?: string }).correlationId,
      ),
    );
  }

  /** The logged-in user, with the number of the user's unread notifications. */
  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<SessionUser & { unreadNotifications: number }> {
    return {
      ...sessionUser(actor),
      // A wall screen's display token is no user: it has no notifications.
      unreadNotifications: actor.display ? 0 : await countUnreadNotifications(this.dataSource, readerOf(actor)),
    };
  }

  /** Changes one's own password and returns a new token: every older token of the user stops working. */
  @ApiBearerAuth()
  @Post('password')
  @CredentialRoute()
  @HttpCode(200)
  changePassword(
    @Body() body: ChangePasswordDto,
    @CommandCtx() ctx: CommandContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Session> {
    return throttled(response, () =>
      this.auth.changePassword(ctx.actor, body.currentPassword, body.newPassword, this.addressOf(request), ctx),
    );
  }

  /** Set for every request by resolveClientAddress (app.factory.ts). */
  private addressOf(request: Request): string {
    return (request as Request & { clientAddress: string }).clientAddress;
  }
}

async function throttled<T>(response: Response, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof LoginThrottledError || error instanceof PasswordHashingBusyError)) throw error;
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    const code = error instanceof LoginThrottledError ? 'TOO_MANY_LOGIN_ATTEMPTS' : 'LOGIN_BUSY';
    throw new ApiError(code, error.message);
  }
}
