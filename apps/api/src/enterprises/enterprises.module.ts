import { Module } from '@nestjs/common';
import { EnterprisesController } from './enterprises.controller';
import { GetEnterpriseHandler } from './get-enterprise.handler';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';

@Module({ controllers: [EnterprisesController], providers: [RegisterEnterpriseHandler, GetEnterpriseHandler] })
export class EnterprisesModule {}
