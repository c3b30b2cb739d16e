import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardSummaryHandler, LandingRatesHandler } from './dashboard.handlers';

@Module({ controllers: [DashboardController], providers: [DashboardSummaryHandler, LandingRatesHandler] })
export class DashboardModule {}
