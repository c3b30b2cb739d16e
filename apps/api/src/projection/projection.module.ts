import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConsistentReadInterceptor } from './consistent-read.interceptor';
import { InlineProjectorService } from './inline-projector.service';
import { ProjectionStatusService } from './projection-status.service';
import { ReadPositionService } from './read-position.service';
import { RebuildController } from './rebuild.controller';
import { RebuildService } from './rebuild.service';

/**
 * The projector (inline unless LUODI_PROJECTOR=off), `minPosition` on every GET, projection
 * status for health and metrics, and the rebuild endpoints.
 */
@Global()
@Module({
  controllers: [RebuildController],
  providers: [
    InlineProjectorService,
    ReadPositionService,
    ProjectionStatusService,
    RebuildService,
    { provide: APP_INTERCEPTOR, useClass: ConsistentReadInterceptor },
  ],
  exports: [ProjectionStatusService, ReadPositionService],
})
export class ProjectionModule {}
