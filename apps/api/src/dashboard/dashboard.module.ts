import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardSummaryHandler, DashboardTrendHandler, LandingRatesHandler } from './dashboard.handlers';

@Module({
  controllers: [DashboardController],
  providers: [DashboardSummaryHandler, DashboardTrendHandler, LandingRatesHandler],
})
export class DashboardModule {}
