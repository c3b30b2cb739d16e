import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { enterpriseDecider, enterpriseStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { UpdateEnterpriseDto } from './update-enterprise.dto';

export class UpdateEnterpriseCommand extends Command<CommandAccepted> {
  constructor(
    readonly enterpriseId: string,
    readonly body: UpdateEnterpriseDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UpdateEnterpriseCommand)
export class UpdateEnterpriseHandler implements ICommandHandler<UpdateEnterpriseCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ enterpriseId, body, ctx }: UpdateEnterpriseCommand): Promise<CommandAccepted> {
    const { version, position } = await handleCommand(
      this.store,
      enterpriseStream(enterpriseId),
      enterpriseDecider,
      {
        type: 'UpdateEnterprise',
        data: { name: body.name, district: body.district, tier: body.tier, occurredAt: body.occurredAt },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: enterpriseId, version, position };
  }
}
