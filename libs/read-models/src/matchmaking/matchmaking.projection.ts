import { businessDate, parseStreamId } from '@luodi/domain';
import { CreateMatchmakingReadModels1764300000000 } from '../migrations/1764300000000-create-matchmaking-read-models.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { CooperationFactsRow, DemandBoardRow, EnterpriseTiersRow, MatchmakingEventRow } from './matchmaking.entity';

/** The event's row after one more of its events (other events leave it unchanged). */
export function evolveMatchmakingEvent(
  row: MatchmakingEventRow | null,
  event: ProjectionEvent,
): MatchmakingEventRow | null {
  if (event.type !== 'MatchmakingEventScheduled') return row;
  const { data } = event;
  return {
    id: data.eventId,
    title: data.title,
    kind: data.kind,
    heldOn: data.heldOn,
    hosts: data.hosts ?? [],
    district: data.district ?? null,
    version: event.streamPosition,
    position: event.globalPosition,
  };
}

export function evolveDemandBoard(row: DemandBoardRow | null, event: ProjectionEvent): DemandBoardRow | null {
  if (event.type !== 'DemandPublished') return row;
  const { data } = event;
  return {
    id: data.demandId,
    publisherId: data.publisherId,
    publisherName: data.publisherName,
    category: data.category,
    title: data.title,
    description: data.description ?? null,
    budgetYuan: data.budgetYuan ?? null,
    deadline: data.deadline ?? null,
    eventId: data.eventId ?? null,
    publishedAt: data.occurredAt,
    recordedAt: event.recordedAt,
    version: event.streamPosition,
    position: event.globalPosition,
  };
}

export function evolveCooperationFacts(
  row: CooperationFactsRow | null,
  event: ProjectionEvent,
): CooperationFactsRow | null {
  const at = { version: event.streamPosition, position: event.globalPosition };
  switch (event.type) {
    case 'CooperationProposed': {
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
        steps: [{ stage: 'intent', occurredAt: data.occurredAt, recordedAt: event.recordedAt }],
        signedAmountYuan: null,
        projectId: null,
        proposedAt: data.occurredAt,
        ...at,
      };
    }
    case 'CooperationStageChanged': {
      if (row === null) return row;
      const { data } = event;
      return {
        ...row,
        stage: data.stage,
        steps: [...row.steps, { ...data, recordedAt: event.recordedAt }],
        signedAmountYuan: data.stage === 'signed' ? (data.amountYuan ?? null) : row.signedAmountYuan,
        ...at,
      };
    }
    case 'CooperationProjectLinked':
      return row === null ? row : { ...row, projectId: event.data.projectId, ...at };
    default:
      return row;
  }
}

/** The tier ladder: the registered tier (held before any change), then every change. */
export function evolveEnterpriseTiers(
  row: EnterpriseTiersRow | null,
  event: ProjectionEvent,
): EnterpriseTiersRow | null {
  if (parseStreamId(event.streamId)?.kind !== 'enterprise') return row;
  const { recordedAt } = event;
  switch (event.type) {
    case 'EnterpriseRegistered':
      return {
        enterpriseId: event.data.enterpriseId,
        district: event.data.district ?? null,
        steps: [{ tier: event.data.tier, since: null, recordedAt }],
      };
    case 'EnterpriseTierChanged':
      return row === null
        ? row
        : { ...row, steps: [...row.steps, { tier: event.data.tier, since: event.data.since, recordedAt }] };
    case 'EnterpriseUpdated': {
      if (row === null) return row;
      const { tier, district, occurredAt } = event.data;
      const current = row.steps[row.steps.length - 1]?.tier;
      const steps =
        tier !== undefined && tier !== current
          ? [...row.steps, { tier, since: businessDate(occurredAt), recordedAt }]
          : row.steps;
      if (steps === row.steps && district === undefined) return row;
      return { ...row, district: district ?? row.district, steps };
    }
    default:
      return row;
  }
}

const migrations = [CreateMatchmakingReadModels1764300000000];

export const matchmakingEvents: RowProjection<MatchmakingEventRow> = {
  kind: 'rows',
  name: 'matchmaking-events',
  entity: MatchmakingEventRow,
  key: 'id',
  migrations,
  target: ownStream('matchmaking'),
  evolve: evolveMatchmakingEvent,
};

export const demandBoard: RowProjection<DemandBoardRow> = {
  kind: 'rows',
  name: 'demand-board',
  entity: DemandBoardRow,
  key: 'id',
  migrations,
  target: ownStream('demand'),
  evolve: evolveDemandBoard,
};

export const cooperationFacts: RowProjection<CooperationFactsRow> = {
  kind: 'rows',
  name: 'cooperation-facts',
  entity: CooperationFactsRow,
  key: 'id',
  migrations,
  target: ownStream('cooperation'),
  evolve: evolveCooperationFacts,
};

/** One row per enterprise: its tier history (the enterprise stream's EnterpriseTierChanged). */
export const enterpriseTiers: RowProjection<EnterpriseTiersRow> = {
  kind: 'rows',
  name: 'enterprise-tiers',
  entity: EnterpriseTiersRow,
  key: 'enterpriseId',
  migrations,
  target: ownStream('enterprise'),
  evolve: evolveEnterpriseTiers,
};
