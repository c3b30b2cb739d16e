import { Module } from '@nestjs/common';
import { CreditCodeRegistry } from './credit-code-registry.service';
import { EnterpriseCommandsHandler } from './enterprise-commands.handler';
import { EnterprisesController } from './enterprises.controller';
import { GetEnterpriseHandler } from './get-enterprise.handler';

@Module({
  controllers: [EnterprisesController],
  providers: [EnterpriseCommandsHandler, GetEnterpriseHandler, CreditCodeRegistry],
})
export class EnterprisesModule {}
