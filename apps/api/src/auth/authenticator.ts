import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@luodi/contract';
import { ApiError } from '../common/problem';
import { DISPLAY_TOKEN_PREFIX, DisplayTokens } from '../display/display-tokens.service';
import { UsersService } from '../users/users.service';
import { InvalidTokenError, verifyAccessToken } from './access-token';
import { Actor } from './actor';
import { TOKEN_SECRET } from './server-secret';

/** Turns an `Authorization: Bearer <token>` header into the actor, or a 401. */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(TOKEN_SECRET) private readonly tokenSecret: string,
    private readonly users: UsersService,
    private readonly displayTokens: DisplayTokens,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Actor> {
    const match = /^Bearer ([\w.-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match)
      throw unauthorized('UNAUTHENTICATED', 'Log in first, and send the token as "Authorization: Bearer <token>".');
    if (match[1].startsWith(DISPLAY_TOKEN_PREFIX)) {
      const display = await this.displayTokens.authenticate(match[1]);
      if (!display) throw unauthorized('TOKEN_REVOKED', 'This display token is unknown or has been revoked.');
      return display;
    }
    let claims;
    try {
      claims = verifyAccessToken(match[1], this.tokenSecret);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      if (error.problem === 'expired')
        throw unauthorized('TOKEN_EXPIRED', 'The access token has expired; log in again.');
      throw unauthorized('TOKEN_INVALID', 'The access token is not valid; log in again.');
    }
    // The token alone is not enough: a disabled user or a new password ends every older token.
    const user = await this.users.findForAuthentication(claims.sub);
    if (!user || user.disabled || user.tokenVersion !== claims.ver) {
      throw unauthorized(
        'TOKEN_REVOKED',
        'The access token is no longer valid (the user was disabled or the password changed); log in again.',
      );
    }
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      ...(user.departmentCode ? { departmentCode: user.departmentCode } : {}),
    };
  }
}

function unauthorized(code: ProblemCode, message: string): ApiError {
  return new ApiError(code, message);
}
