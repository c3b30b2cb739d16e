import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { LandProjectDto } from './land-project.dto';

export class LandProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: LandProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LandProjectCommand)
export class LandProjectHandler implements ICommandHandler<LandProjectCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: LandProjectCommand): Promise<CommandAccepted> {
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'LandProject',
        data: { landedOn: body.landedOn, actualInvestmentYuan: body.actualInvestmentYuan, evidence: body.evidence },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
