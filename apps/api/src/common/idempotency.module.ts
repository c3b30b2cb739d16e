import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyKeysService } from './idempotency-keys.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Applies the IdempotencyInterceptor to every route (it acts on POSTs only), and keeps its table. */
@Module({ providers: [IdempotencyKeysService, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
