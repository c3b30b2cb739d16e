import { INPUT_LIMITS } from '../kernel/input-limits';
import { assertNotBeforePrevious, resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import {
  assertDistinctIds,
  oneOf,
  optionalAmountInYuan,
  optionalList,
  optionalText,
  requiredText,
  withoutUndefined,
} from '../kernel/validation';
import { eventIdOf } from './demand.decider';
import {
  ChangeCooperationStage,
  CooperationCommand,
  LinkCooperationProject,
  ProposeCooperation,
} from './matchmaking.commands';
import { matchmakingErrors } from './matchmaking.errors';
import { COOPERATION_STAGES, CooperationEvent, CooperationStage, DemandCategory } from './matchmaking.events';

export interface CooperationStep {
  stage: CooperationStage;
  occurredAt: string;
  amountYuan?: number;
  note?: string;
}

export interface Cooperation {
  id: string;
  demandId: string;
  demandTitle: string;
  publisherId: string;
  publisherName: string;
  category: DemandCategory;
  enterpriseId: string;
  enterpriseName: string;
  summary: string;
  eventId: string | null;
  departments: string[];
  stage: CooperationStage;
  /** Every stage in order, the proposal (`intent`) first. */
  steps: CooperationStep[];
  signedAmountYuan: number | null;
  projectId: string | null;
  lastOccurredAt: string;
}

/** null: nothing has been proposed on this stream. */
export type CooperationState = Cooperation | null;

const NEXT_STAGES = COOPERATION_STAGES.filter((s): s is Exclude<CooperationStage, 'intent'> => s !== 'intent');
const rank = (stage: CooperationStage) => COOPERATION_STAGES.indexOf(stage);

function decide(command: CooperationCommand, state: CooperationState): CooperationEvent[] {
  if (command.type === 'ProposeCooperation') return propose(command, state);
  if (state === null) throw matchmakingErrors.cooperationNotFound();
  switch (command.type) {
    case 'ChangeCooperationStage':
      return changeStage(command, state);
    case 'LinkCooperationProject':
      return linkProject(command, state);
  }
}

function propose({ data, metadata }: ProposeCooperation, state: CooperationState): CooperationEvent[] {
  if (state !== null) throw matchmakingErrors.cooperationAlreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  if (!data.demand) throw matchmakingErrors.demandNotFound();
  if (!data.enterprise) throw matchmakingErrors.proposerNotFound();
  if (data.enterprise.id === data.demand.publisherId) throw matchmakingErrors.proposalToOwnDemand();
  // The demand is the step before the proposal.
  if (Date.parse(occurredAt) < Date.parse(data.demand.publishedAt))
    throw matchmakingErrors.proposalBeforeDemand(data.demand.publishedAt);
  const departments = optionalList(data.departments, 'departments', INPUT_LIMITS.matchmaking.departments)?.map(
    (code, i) => requiredText(code, `departments[${i}]`),
  );
  if (departments) assertDistinctIds(departments, (i) => `departments[${i}]`);
  return [
    {
      type: 'CooperationProposed',
      data: withoutUndefined({
        cooperationId: requiredText(data.cooperationId, 'cooperationId'),
        demandId: data.demand.id,
        demandTitle: data.demand.title,
        publisherId: data.demand.publisherId,
        publisherName: data.demand.publisherName,
        category: data.demand.category,
        enterpriseId: data.enterprise.id,
        enterpriseName: data.enterprise.name,
        summary: requiredText(data.summary, 'summary'),
        eventId: eventIdOf(data.event) ?? data.demand.eventId,
        departments: departments?.length ? departments : undefined,
        occurredAt,
      }),
    },
  ];
}

/**
 * Checks in this order: the stage asked for, the input that depends on it, the business time,
 * then the rules of the cooperation's current stage.
 */
function changeStage({ data, metadata }: ChangeCooperationStage, cooperation: Cooperation): CooperationEvent[] {
  const stage = oneOf(data.stage, NEXT_STAGES, 'stage');
  const amountYuan = optionalAmountInYuan(data.amountYuan, 'amountYuan');
  if (amountYuan !== undefined && stage !== 'signed') throw matchmakingErrors.amountOnlyWhenSigned();
  const note = optionalText(data.note, 'note');
  if (stage === 'dropped' && note === undefined) throw matchmakingErrors.dropReasonRequired();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  assertNotBeforePrevious(occurredAt, cooperation.lastOccurredAt);
  if (cooperation.stage === 'dropped') throw matchmakingErrors.dropped();
  if (stage !== 'dropped' && rank(stage) <= rank(cooperation.stage))
    throw matchmakingErrors.stageNotForward(cooperation.stage, stage);
  if (stage === 'delivering' && cooperation.stage !== 'signed') throw matchmakingErrors.deliveryBeforeSigning();
  return [{ type: 'CooperationStageChanged', data: withoutUndefined({ stage, amountYuan, note, occurredAt }) }];
}

/** Linking again to the same project records nothing, so a retried "make a project" completes. */
function linkProject({ data, metadata }: LinkCooperationProject, cooperation: Cooperation): CooperationEvent[] {
  const projectId = requiredText(data.projectId, 'projectId');
  if (cooperation.projectId === projectId) return [];
  if (cooperation.projectId !== null) throw matchmakingErrors.alreadyHasProject(cooperation.projectId);
  if (cooperation.stage !== 'signed' && cooperation.stage !== 'delivering') throw matchmakingErrors.notSigned();
  const occurredAt = resolveOccurredAt(undefined, metadata.now);
  return [{ type: 'CooperationProjectLinked', data: { projectId, occurredAt } }];
}

function evolve(state: CooperationState, event: CooperationEvent): CooperationState {
  if (event.type === 'CooperationProposed') {
    const { data } = event;
    return {
      id: data.cooperationId,
      demandId: data.demandId,
      demandTitle: data.demandTitle,
      publisherId: data.publisherId,
      publisherName: data.publisherName,
      category: data.category,
      enterpriseId: data.enterpriseId,
      enterpriseName: data.enterpriseName,
      summary: data.summary,
      eventId: data.eventId ?? null,
      departments: data.departments ?? [],
      stage: 'intent',
      steps: [{ stage: 'intent', occurredAt: data.occurredAt }],
      signedAmountYuan: null,
      projectId: null,
      lastOccurredAt: data.occurredAt,
    };
  }
  // A stored stream always starts with CooperationProposed; anything else means it is corrupt.
  if (state === null)
    throw new Error(`${event.type} cannot apply to a cooperation stream that has no CooperationProposed event.`);
  if (event.type === 'CooperationProjectLinked')
    return { ...state, projectId: event.data.projectId, lastOccurredAt: event.data.occurredAt };
  const { stage, amountYuan, occurredAt } = event.data;
  return {
    ...state,
    stage,
    steps: [...state.steps, event.data],
    signedAmountYuan: stage === 'signed' ? (amountYuan ?? null) : state.signedAmountYuan,
    lastOccurredAt: occurredAt,
  };
}

export const cooperationDecider: Decider<CooperationState, CooperationCommand, CooperationEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
