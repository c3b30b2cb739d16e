import { Module } from '@nestjs/common';
import { CreditCodeRegistry } from './credit-code-registry.service';
import { EnterprisesController } from './enterprises.controller';
import { GetEnterpriseHandler } from './get-enterprise.handler';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';

@Module({ controllers: [EnterprisesController], providers: [RegisterEnterpriseHandler, GetEnterpriseHandler, CreditCodeRegistry] })
export class EnterprisesModule {}
