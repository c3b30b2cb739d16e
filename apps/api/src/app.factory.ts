import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createDataSource, migrate } from '@luodi/platform';
import { AppModule } from './app.module';
import { resolveClientAddress, TrustedProxies } from './auth/client-address';
import { correlationId } from './common/correlation-id.middleware';
import { applyServerLimits } from './common/http-server-limits';
import { limitJsonDepth, requireJsonBody } from './common/json-body.middleware';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { securityHeaders } from './common/security-headers.middleware';
import { validationPipe } from './common/validation.pipe';
import { AppConfig } from './config/app-config';
import { httpMetrics, metricsEndpoint } from './metrics/metrics';
import { serveWeb } from './web/serve-web';

/** Builds the whole HTTP application on a database; used by main.ts and by the e2e tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger = createLogger(config),
): Promise<INestApplication> {
  await migrateDatabase(databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger,
    bodyParser: true,
  });

  applyServerLimits(app.getHttpServer(), config.http);
  app.disable('x-powered-by');
  app.use(resolveClientAddress(new TrustedProxies(config.trustedProxies)));
  app.use(correlationId, httpMetrics, securityHeaders, requireJsonBody);
  app.useBodyParser('json', { limit: '256kb' });
  app.use(limitJsonDepth);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ProblemDetailsFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Luodi (落地) API')
    .setDescription('Enterprise innovation projects from idea to landing. Errors are RFC 9457 problem details.')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  const express = app.getHttpAdapter().getInstance();
  express.get('/metrics', metricsEndpoint);
  serveWeb(express);
  return app;
}

/** Before the app is built: some providers (the stored token secret) read tables at creation. */
async function migrateDatabase(databaseUrl: string): Promise<void> {
  // Two connections: migrate() holds its advisory lock on one and migrates on the other.
  const dataSource = await createDataSource(databaseUrl, 2).initialize();
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export function createLogger(config: AppConfig): ConsoleLogger {
  const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return new ConsoleLogger('Luodi', {
    json: config.logJson,
    logLevels: levels.slice(0, levels.indexOf(config.logLevel) + 1),
  });
}
