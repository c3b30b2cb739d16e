import { Module } from '@nestjs/common';
import { ForecastController } from './forecast.controller';
import { LandingForecastHandler } from './landing-forecast.handler';

@Module({ controllers: [ForecastController], providers: [LandingForecastHandler] })
export class ForecastModule {}
