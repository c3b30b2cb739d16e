import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@luodi/contract';
import { ApiError } from '../common/problem';
import { DISPLAY_TOKEN_PREFIX, DisplayTokens } from '../display/display-tokens.service';
import { UsersService } from '../users/users.service';
import { AccessTokenClaims, InvalidTokenError, verifyAccessToken } from './access-token';
import { Actor } from './actor';
import { TOKEN_SECRET } from './server-secret';

/** Verified tokens kept at most; a client sends the same token with every request. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Turns an `Authorization: Bearer <token>` header into the actor, or a 401. */
@Injectable()
export class Authenticator {
  /**
   * Claims of tokens whose signature was checked, by the whole token (signature included), so
   * the HMAC is not computed again on every request. Expiry is still checked on each use, and the
   * user lookup below (revocation) is not affected.
   */
  private readonly verified = new Map<string, AccessTokenClaims>();

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
    let claims = this.verified.get(match[1]);
    try {
      if (claims === undefined || claims.exp * 1000 <= Date.now()) {
        this.verified.delete(match[1]);
        claims = verifyAccessToken(match[1], this.tokenSecret);
        if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
        this.verified.set(match[1], claims);
      }
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
