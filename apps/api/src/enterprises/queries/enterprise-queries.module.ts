import { Module } from '@nestjs/common';
import { EnterpriseQueriesController } from './enterprise-queries.controller';
import { EnterpriseDossierHandler, ListEnterprisesHandler } from './enterprise-queries.handler';

@Module({ controllers: [EnterpriseQueriesController], providers: [ListEnterprisesHandler, EnterpriseDossierHandler] })
export class EnterpriseQueriesModule {}
