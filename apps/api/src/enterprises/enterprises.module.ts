import { Module } from '@nestjs/common';
import { CreditCodeRegistry } from './credit-code-registry.service';
import { EnterprisesController } from './enterprises.controller';
import { GetEnterpriseHandler } from './get-enterprise.handler';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';

@Module({ controllers: [EnterprisesController], providers: [RegisterEnterpriseHandler, UpdateEnterpriseHandler, GetEnterpriseHandler, CreditCodeRegistry] })
export class EnterprisesModule {}
