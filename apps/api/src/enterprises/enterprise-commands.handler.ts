import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  EnterpriseCommand,
  enterpriseDecider,
  EnterpriseEvent,
  EnterpriseState,
  enterpriseStream,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { AggregateCommand, BoundDecider, CommandAccepted, CommandOf } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { CreditCodeRegistry } from './credit-code-registry.service';

/** A command on the enterprise `aggregateId` (for RegisterEnterprise, the id the new enterprise gets). */
export class OnEnterprise extends AggregateCommand<CommandOf<EnterpriseCommand>> {}

@CommandHandler(OnEnterprise)
export class EnterpriseCommandsHandler implements ICommandHandler<OnEnterprise> {
  private readonly enterprise: BoundDecider<EnterpriseState, EnterpriseCommand, EnterpriseEvent>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly creditCodes: CreditCodeRegistry,
  ) {
    this.enterprise = new BoundDecider(store, enterpriseStream, enterpriseDecider);
  }

  execute({ aggregateId: enterpriseId, command, ctx }: OnEnterprise): Promise<CommandAccepted> {
    if (command.type !== 'RegisterEnterprise') return this.enterprise.execute(enterpriseId, command, ctx);
    // Reserved as the decider stores it: the DTO trimmed it, the decider writes it in capitals.
    return this.creditCodes.registering(command.data.creditCode?.toUpperCase(), enterpriseId, () =>
      this.enterprise.execute(enterpriseId, command, ctx),
    );
  }
}
