import { Inject, Injectable, Logger } from '@nestjs/common';
import { UserEntity } from '@luodi/platform';
import { AuditLog } from '../audit/audit-log.service';
import { ApiError, InvalidInputError } from '../common/problem';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ChangeContext, UsersService } from '../users/users.service';
import { signAccessToken } from './access-token';
import { Actor, Role } from './actor';
import { LoginAttempt, LoginRateLimiter } from './login-rate-limiter';
import { PasswordHashingBusyError, verifyPassword } from './password-hasher';
import { TOKEN_SECRET } from './server-secret';

/** The logged-in user as the API shows it (login, /api/auth/me). */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  departmentCode?: string;
  /** A wall screen's display token, not a user. */
  display?: true;
}

export interface Session {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: SessionUser;
}

export function sessionUser(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    role: actor.role,
    ...(actor.departmentCode ? { departmentCode: actor.departmentCode } : {}),
    ...(actor.display ? { display: true as const } : {}),
  };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_SECRET) private readonly tokenSecret: string,
    private readonly users: UsersService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditLog,
  ) {}

  /**
   * One answer for an unknown user, a wrong password and a disabled user, after the same
   * hashing work, so neither the answer nor its timing tells which usernames exist.
   * Throws LoginThrottledError after too many failures, PasswordHashingBusyError when too many
   * passwords wait to be checked.
   */
  async login(username: string, password: string, address: string, correlationId?: string): Promise<Session> {
    const attempt = this.limiter.begin(username, address);
    const user = await this.users.findByUsername(username);
    const passwordMatches = await verify(attempt, password, user?.passwordHash);
    if (!user || !passwordMatches || user.disabled) {
      this.logger.warn(`Failed login for "${username}" from ${address}`);
      await this.audit.record({
        action: 'auth.login.failed',
        target: username,
        clientAddress: address,
        correlationId,
        details: { reason: !user ? 'unknown-user' : !passwordMatches ? 'wrong-password' : 'disabled' },
      });
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    attempt.succeeded();
    await this.audit.record({
      action: 'auth.login.succeeded',
      actor: user,
      target: user.username,
      clientAddress: address,
      correlationId,
    });
    return this.session(user);
  }

  /** Self-service: needs the current password (rate-limited like a login); ends the user's other sessions. */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    address: string,
    context: ChangeContext,
  ): Promise<Session> {
    const attempt = this.limiter.begin(actor.username, address);
    const user = await this.users.getById(actor.userId);
    if (!(await verify(attempt, currentPassword, user.passwordHash))) {
      throw new InvalidInputError([{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
    }
    attempt.succeeded();
    // Compared as the hasher does (NFKC): currentPassword was just found right, so no second hash is needed.
    if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) {
      throw new InvalidInputError([
        {
          field: 'newPassword',
          constraint: 'differsFromCurrent',
          message: 'newPassword must differ from the current password',
        },
      ]);
    }
    await this.users.setPassword(user.id, newPassword, 'password-changed', context);
    return this.session(await this.users.getById(user.id));
  }

  private session(user: UserEntity): Session {
    const shown: SessionUser = {
      id: user.id,
      username: user.username,
      role: user.role,
      ...(user.departmentCode ? { departmentCode: user.departmentCode } : {}),
    };
    const { id, ...who } = shown;
    const { token, expiresAt } = signAccessToken(
      { sub: id, ...who, ver: user.tokenVersion },
      this.tokenSecret,
      this.config.tokenTtlSeconds,
    );
    return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString(), user: shown };
  }
}

/** A check the server was too busy to make is no failed login. */
async function verify(attempt: LoginAttempt, password: string, stored: string | undefined): Promise<boolean> {
  try {
    return await verifyPassword(password, stored);
  } catch (error) {
    if (error instanceof PasswordHashingBusyError) attempt.abandoned();
    throw error;
  }
}
