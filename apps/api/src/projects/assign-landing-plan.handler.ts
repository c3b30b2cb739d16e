import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { projectDecider, projectStream } from '@luodi/domain';
import { EventStore, handleCommand } from '@luodi/event-store';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '@luodi/platform';
import { CommandContext, eventMetadata } from '../common/command-context';
import { CommandAccepted } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { AssignLandingPlanDto } from './assign-landing-plan.dto';

export class AssignLandingPlanCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly body: AssignLandingPlanDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignLandingPlanCommand)
export class AssignLandingPlanHandler implements ICommandHandler<AssignLandingPlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ projectId, body, ctx }: AssignLandingPlanCommand): Promise<CommandAccepted> {
    const departments = await this.dataSource.getRepository(DepartmentEntity).find({ select: { code: true } });
    const { version, position } = await handleCommand(
      this.store,
      projectStream(projectId),
      projectDecider,
      {
        type: 'AssignLandingPlan',
        data: {
          planId: randomUUID(),
          leadDepartment: body.leadDepartment,
          supportingDepartments: body.supportingDepartments ?? [],
          milestones: body.milestones.map((m) => ({
            milestoneId: m.milestoneId ?? randomUUID(),
            title: m.title,
            dueOn: m.dueOn,
            departmentCode: m.departmentCode,
            owner: m.owner,
          })),
          knownDepartments: departments.map((d) => d.code),
          occurredAt: body.occurredAt,
        },
        metadata: { now: new Date().toISOString() },
      },
      { expectedVersion: ctx.expectedVersion, metadata: eventMetadata(ctx) },
    );
    return { id: projectId, version, position };
  }
}
