import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { enterpriseDecider, enterpriseStream, projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted, readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { SubmitProjectDto } from './submit-project.dto';

export class SubmitProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: SubmitProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SubmitProjectCommand)
export class SubmitProjectHandler implements ICommandHandler<SubmitProjectCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: SubmitProjectCommand): Promise<CommandAccepted> {
    // Enterprises are never deleted, so a fact read now still holds when the project is written.
    const { state: enterprise } = await readAggregate(this.store, enterpriseStream(body.enterpriseId), enterpriseDecider);
    const projectId = randomUUID();
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'SubmitProject',
        data: {
          projectId,
          enterprise: enterprise && { id: enterprise.id, name: enterprise.name },
          title: body.title,
          summary: body.summary,
          industryChain: body.industryChain,
          district: body.district,
          investmentYuan: body.investmentYuan,
          needs: (body.needs ?? []).map((need) => ({ needId: randomUUID(), kind: need.kind, description: need.description })),
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
