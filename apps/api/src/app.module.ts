import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IdempotencyModule } from './common/idempotency.module';
import { ConferencesModule } from './conferences/conferences.module';
import { DepartmentsModule } from './departments/departments.module';
import { IndustryChainsModule } from './industry-chains/industry-chains.module';
import { DisplayModule } from './display/display.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { ExportsModule } from './exports/exports.module';
import { ForecastModule } from './forecast/forecast.module';
import { MatchmakingModule } from './matchmaking/matchmaking.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectsModule } from './projects/projects.module';
import { ReadSideModule } from './projection/read-side.module';
import { ReportsModule } from './reports/reports.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        HealthModule,
        CqrsModule.forRoot(),
        AuditModule,
        IdempotencyModule,
        ExportsModule,
        ImportsModule,
        DepartmentsModule,
        IndustryChainsModule,
        EnterprisesModule,
        ConferencesModule,
        ProjectsModule,
        SupervisionModule,
        MatchmakingModule,
        DisplayModule,
        AuthModule,
        UsersModule,
        ReadSideModule,
        ForecastModule,
        ReportsModule,
        NotificationsModule,
      ],
    };
  }
}
