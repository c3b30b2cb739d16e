import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import {
  DashboardProjectsHandler,
  DashboardSummaryHandler,
  DashboardTrendHandler,
  LandingRatesHandler,
} from './dashboard.handlers';

@Module({
  controllers: [DashboardController],
  providers: [DashboardSummaryHandler, DashboardTrendHandler, LandingRatesHandler, DashboardProjectsHandler],
})
export class DashboardModule {}
