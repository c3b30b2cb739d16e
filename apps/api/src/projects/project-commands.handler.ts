import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  conferenceDecider,
  conferenceStream,
  enterpriseDecider,
  enterpriseStream,
  IndustryChainErrorCode,
  invalid,
  ProjectCommand,
  projectDecider,
  ProjectErrorCode,
  ProjectEvent,
  ProjectState,
  projectStream,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { DataSource } from 'typeorm';
import { DepartmentEntity, IndustryChainEntity } from '@luodi/platform';
import { AggregateCommand, BoundDecider, CommandAccepted, CommandOf, readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';
import { EvidenceFiles } from '../files/evidence-files.service';
import { AssignLandingPlanDto } from './assign-landing-plan.dto';
import { PresentProjectDto } from './present-project.dto';
import { ReviseSubmissionDto } from './revise-submission.dto';
import { SubmitProjectDto } from './submit-project.dto';

/**
 * What a controller sends for a project: the domain command it built from the request, or, for
 * the commands a case below builds (it looks facts up, or must tell the ids the client sent from
 * new ones), the request body.
 */
export type ProjectRequest =
  | CommandOf<
      Exclude<ProjectCommand, { type: 'SubmitProject' | 'ReviseSubmission' | 'PresentProject' | 'AssignLandingPlan' }>
    >
  | { type: 'SubmitProject'; data: SubmitProjectDto }
  | { type: 'ReviseSubmission'; data: ReviseSubmissionDto }
  | { type: 'PresentProject'; data: PresentProjectDto }
  | { type: 'AssignLandingPlan'; data: AssignLandingPlanDto };

/** A command on the project `aggregateId` (for SubmitProject, the id the new project gets). */
export class OnProject extends AggregateCommand<ProjectRequest> {}

@CommandHandler(OnProject)
export class ProjectCommandsHandler implements ICommandHandler<OnProject> {
  private readonly project: BoundDecider<ProjectState, ProjectCommand, ProjectEvent>;
  /**
   * Chains and departments are only ever added, never removed or renamed, so a name once found
   * stays valid on every instance: kept here instead of a query per submission or plan. A name
   * not seen yet is still looked up, so one added since (on any instance) is found.
   */
  private readonly knownChains = new Set<string>();
  private knownDepartments: ReadonlySet<string> = new Set();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceFiles,
  ) {
    this.project = new BoundDecider(store, projectStream, projectDecider);
  }

  async execute({ aggregateId: projectId, command: request, ctx }: OnProject): Promise<CommandAccepted> {
    switch (request.type) {
      case 'SubmitProject': {
        const body = request.data;
        await this.assertKnownChain(body.industryChain);
        // Enterprises are never deleted, so a fact read now still holds when the project is written.
        const { state: enterprise } = await readAggregate(
          this.store,
          enterpriseStream(body.enterpriseId),
          enterpriseDecider,
        );
        return this.project.execute(
          projectId,
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
              needs: (body.needs ?? []).map((need) => ({
                needId: randomUUID(),
                kind: need.kind,
                description: need.description,
              })),
              occurredAt: body.occurredAt,
            },
          },
          ctx,
        );
      }
      case 'ReviseSubmission': {
        const body = request.data;
        if (body.industryChain !== undefined) await this.assertKnownChain(body.industryChain);
        const needs = body.needs?.map((need) => ({
          needId: need.needId ?? randomUUID(),
          kind: need.kind,
          description: need.description,
        }));
        // A needId sent must be one of the project's needs: new needs get their id here, never from
        // the client. Checked after decide (which rules on the stream and status first), on the very
        // state the decision is made on.
        const decider = {
          ...projectDecider,
          decide: (
            command: Parameters<typeof projectDecider.decide>[0],
            state: Parameters<typeof projectDecider.decide>[1],
          ) => {
            const events = projectDecider.decide(command, state);
            body.needs?.forEach(({ needId }, i) => {
              if (needId !== undefined && !state?.needs.some((n) => n.needId === needId)) {
                throw invalid(
                  ProjectErrorCode.NEED_NOT_FOUND,
                  `This project has no need "${needId}".`,
                  `needs[${i}].needId`,
                );
              }
            });
            return events;
          },
        };
        return this.project.execute(
          projectId,
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
          },
          ctx,
          decider,
        );
      }
      case 'PresentProject': {
        const body = request.data;
        const { state: conference } = await readAggregate(
          this.store,
          conferenceStream(body.conferenceId),
          conferenceDecider,
        );
        return this.project.execute(
          projectId,
          {
            type: 'PresentProject',
            data: {
              conference: conference && { id: conference.id, title: conference.title, heldOn: conference.heldOn },
              occurredAt: body.occurredAt,
            },
          },
          ctx,
        );
      }
      case 'AssignLandingPlan': {
        const body = request.data;
        const knownDepartments = await this.departmentCodes([
          body.leadDepartment,
          ...(body.supportingDepartments ?? []),
          ...body.milestones.map((m) => m.departmentCode),
        ]);
        return this.project.execute(
          projectId,
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
              knownDepartments,
              occurredAt: body.occurredAt,
            },
          },
          ctx,
        );
      }
      default: {
        // Progress, resolutions, follow-ups and the landing may name evidence: claimed for this project first.
        const { evidenceFileIds } = request.data as { evidenceFileIds?: string[] };
        return this.evidence.attaching(evidenceFileIds, projectId, ctx.actor, () =>
          this.project.execute(projectId, request, ctx),
        );
      }
    }
  }

  /** A project is filed under a chain of the catalogue (GET /api/industry-chains); chains are never removed. */
  private async assertKnownChain(name: string): Promise<void> {
    if (this.knownChains.has(name)) return;
    if (!(await this.dataSource.getRepository(IndustryChainEntity).existsBy({ name })))
      throw invalid(
        IndustryChainErrorCode.UNKNOWN_INDUSTRY_CHAIN,
        `There is no industry chain "${name}"; choose one of GET /api/industry-chains.`,
        'industryChain',
      );
    this.knownChains.add(name);
  }

  /** Every department code, read again only when a plan names one not known here yet. */
  private async departmentCodes(named: string[]): Promise<string[]> {
    if (!named.every((code) => this.knownDepartments.has(code))) {
      const rows = await this.dataSource.getRepository(DepartmentEntity).find({ select: { code: true } });
      this.knownDepartments = new Set(rows.map((d) => d.code));
    }
    return [...this.knownDepartments];
  }
}
