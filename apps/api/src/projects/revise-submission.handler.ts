import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { invalid, projectDecider, ProjectErrorCode, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { ReviseSubmissionDto } from './revise-submission.dto';

export class ReviseSubmissionCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: ReviseSubmissionDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseSubmissionCommand)
export class ReviseSubmissionHandler implements ICommandHandler<ReviseSubmissionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, body, ctx }: ReviseSubmissionCommand): Promise<CommandAccepted> {
    const needs = body.needs?.map((need) => ({ needId: need.needId ?? randomUUID(), kind: need.kind, description: need.description }));
    // A needId sent must be one of the project's needs: new needs get their id here, never from
    // the client. Checked after decide (which rules on the stream and status first), on the very
    // state the decision is made on.
    const decider = {
      ...projectDecider,
      decide: (command: Parameters<typeof projectDecider.decide>[0], state: Parameters<typeof projectDecider.decide>[1]) => {
        const events = projectDecider.decide(command, state);
        body.needs?.forEach(({ needId }, i) => {
          if (needId !== undefined && !state?.needs.some((n) => n.needId === needId)) {
            throw invalid(ProjectErrorCode.NEED_NOT_FOUND, `This project has no need "${needId}".`, `needs[${i}].needId`);
          }
        });
        return events;
      },
    };
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      decider,
      {
        type: 'ReviseSubmission',
        data: {
          title: body.title,
          summary: body.summary,
          industryChain: body.industryChain,
          district: body.district,
          investmentYuan: body.investmentYuan,
          needs,
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
