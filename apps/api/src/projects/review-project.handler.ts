import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { ReviewProjectDto } from './review-project.dto';

export class ReviewProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: ReviewProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviewProjectCommand)
export class ReviewProjectHandler implements ICommandHandler<ReviewProjectCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: ReviewProjectCommand): Promise<CommandAccepted> {
    const { scores } = body;
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'ReviewProject',
        data: {
          reviewId: randomUUID(),
          reviewer: { userId: ctx.actor.userId, username: ctx.actor.username },
          verdict: body.verdict,
          scores: { idea: scores.idea, validation: scores.validation, feasibility: scores.feasibility },
          comment: body.comment,
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
