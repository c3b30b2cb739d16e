import { Module } from '@nestjs/common';
import { ForecastController } from './forecast.controller';
import { LandingBacktestHandler } from './landing-backtest.handler';
import { LandingForecastHandler } from './landing-forecast.handler';

@Module({ controllers: [ForecastController], providers: [LandingForecastHandler, LandingBacktestHandler] })
export class ForecastModule {}
