import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from './users.service';

/**
 * On the first start (no users at all) creates `admin`, with LUODI_ADMIN_PASSWORD or a random
 * password printed once, so a new installation can be logged into without any set-up.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
    if (!(await this.users.createFirstAdmin(password))) return;
    if (this.config.adminPassword) {
      this.logger.log('Created user admin with the password from LUODI_ADMIN_PASSWORD');
    } else {
      // warn, so it shows at every log level but `error`; nobody can recover it later.
      this.logger.warn(
        `Created user admin with password: ${password} (shown once; log in and change it with POST /api/auth/password)`,
      );
    }
  }
}
