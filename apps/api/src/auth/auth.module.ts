import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DisplayModule } from '../display/display.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { LoginRateLimiter } from './login-rate-limiter';
import { tokenSecretProvider } from './server-secret';

/** Login, tokens, and the guard in front of every endpoint. */
@Module({
  imports: [UsersModule, DisplayModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    Authenticator,
    tokenSecretProvider,
    { provide: LoginRateLimiter, useFactory: () => new LoginRateLimiter() },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
