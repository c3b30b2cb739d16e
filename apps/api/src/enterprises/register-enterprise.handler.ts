import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { enterpriseDecider, enterpriseStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { CreditCodeRegistry } from './credit-code-registry.service';
import { RegisterEnterpriseDto } from './register-enterprise.dto';

export class RegisterEnterpriseCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: RegisterEnterpriseDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterEnterpriseCommand)
export class RegisterEnterpriseHandler implements ICommandHandler<RegisterEnterpriseCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly creditCodes: CreditCodeRegistry,
  ) {}

  async execute({ body, ctx }: RegisterEnterpriseCommand): Promise<CommandAccepted> {
    const enterpriseId = randomUUID();
    // Reserved as the decider stores it: the DTO trimmed it, the decider writes it in capitals.
    const { version, position } = await this.creditCodes.registering(body.creditCode?.toUpperCase(), enterpriseId, () =>
      handleCommand(
        this.store,
        enterpriseStream(enterpriseId),
        enterpriseDecider,
        {
          type: 'RegisterEnterprise',
          data: { enterpriseId, name: body.name, creditCode: body.creditCode, district: body.district, tier: body.tier ?? 'none' },
          metadata: { now: new Date().toISOString() },
        },
        { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
      ),
    );
    return { id: enterpriseId, version, position };
  }
}
