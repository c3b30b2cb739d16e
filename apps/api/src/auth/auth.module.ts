import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { TrustedProxies } from './client-address';
import { LoginRateLimiter } from './login-rate-limiter';

/** Login, tokens, and the guard in front of every endpoint. */
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    Authenticator,
    { provide: LoginRateLimiter, useFactory: () => new LoginRateLimiter() },
    { provide: TrustedProxies, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new TrustedProxies(config.trustedProxies) },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
