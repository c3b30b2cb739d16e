import { cooperationStream, demandStream, enterpriseStream } from '@luodi/domain';
import type { CooperationEvent, DemandEvent, EnterpriseEvent } from '@luodi/domain';
import { ProjectionEvent } from '../projection-event';
import { CooperationFactsRow, DemandBoardRow, EnterpriseTiersRow, MatchmakingEventRow } from './matchmaking.entity';
import { evolveCooperationFacts, evolveDemandBoard, evolveEnterpriseTiers } from './matchmaking.projection';
import { matchmakingDashboardOf, tierAsOf } from './matchmaking.query';

const REC = '2024-06-01T00:00:00.000Z';
const on = (
  streamId: string,
  events: Array<CooperationEvent | DemandEvent | EnterpriseEvent>,
  recordedAt: string[] = [],
): ProjectionEvent[] =>
  events.map(
    (e, i) =>
      ({
        ...e,
        streamId,
        streamPosition: i + 1,
        globalPosition: 10 + i,
        recordedAt: recordedAt[i] ?? REC,
      }) as ProjectionEvent,
  );
const fold = <Row>(evolve: (row: Row | null, e: ProjectionEvent) => Row | null, events: ProjectionEvent[]) =>
  events.reduce(evolve, null as Row | null);

const proposed = (
  id: string,
  enterpriseId: string,
  occurredAt: string,
  extra: Partial<Extract<CooperationEvent, { type: 'CooperationProposed' }>['data']> = {},
): CooperationEvent => ({
  type: 'CooperationProposed',
  data: {
    cooperationId: id,
    demandId: 'd1',
    demandTitle: '压缩机',
    publisherId: 'haier',
    publisherName: '海尔',
    category: 'rnd',
    enterpriseId,
    enterpriseName: enterpriseId,
    summary: '方案',
    eventId: 'mm-1',
    occurredAt,
    ...extra,
  },
});
const stage = (
  stage: 'negotiating' | 'signed' | 'dropped',
  occurredAt: string,
  extra: { amountYuan?: number; note?: string } = {},
): CooperationEvent => ({
  type: 'CooperationStageChanged',
  data: { stage, occurredAt, ...extra },
});

describe('matchmaking projections', () => {
  it('a demand becomes its board row, with when it was recorded', () => {
    const row = fold(
      evolveDemandBoard,
      on(demandStream('d1'), [
        {
          type: 'DemandPublished',
          data: {
            demandId: 'd1',
            publisherId: 'haier',
            publisherName: '海尔',
            category: 'rnd',
            title: '压缩机',
            occurredAt: '2024-05-01T00:00:00.000Z',
          },
        },
      ]),
    );
    expect(row).toEqual<DemandBoardRow>({
      id: 'd1',
      publisherId: 'haier',
      publisherName: '海尔',
      category: 'rnd',
      title: '压缩机',
      description: null,
      budgetYuan: null,
      deadline: null,
      eventId: null,
      publishedAt: '2024-05-01T00:00:00.000Z',
      recordedAt: REC,
      version: 1,
      position: 10,
    });
  });

  it('a cooperation keeps every stage on both time axes, the signed amount and the project', () => {
    const row = fold(
      evolveCooperationFacts,
      on(
        cooperationStream('c1'),
        [
          proposed('c1', 'sme', '2024-05-02T00:00:00.000Z'),
          stage('signed', '2024-05-09T00:00:00.000Z', { amountYuan: 900 }),
          { type: 'CooperationProjectLinked', data: { projectId: 'p1', occurredAt: '2024-05-10T00:00:00.000Z' } },
        ],
        [REC, '2024-06-02T00:00:00.000Z', REC],
      ),
    ) as CooperationFactsRow;
    expect(row).toMatchObject({
      stage: 'signed',
      signedAmountYuan: 900,
      projectId: 'p1',
      departments: [],
      version: 3,
      position: 12,
    });
    expect(row.steps).toEqual([
      { stage: 'intent', occurredAt: '2024-05-02T00:00:00.000Z', recordedAt: REC },
      {
        stage: 'signed',
        amountYuan: 900,
        occurredAt: '2024-05-09T00:00:00.000Z',
        recordedAt: '2024-06-02T00:00:00.000Z',
      },
    ]);
  });

  it('the tier ladder starts with the registered tier and keeps every change; a tier-less update changes nothing', () => {
    const events = on(
      enterpriseStream('e1'),
      [
        {
          type: 'EnterpriseRegistered',
          data: {
            enterpriseId: 'e1',
            name: 'E',
            district: '黄岛区',
            tier: 'none',
            occurredAt: '2022-03-01T02:00:00.000Z',
          },
        },
        { type: 'EnterpriseTierChanged', data: { tier: 'municipal', since: '2023-01-10', occurredAt: REC } },
        { type: 'EnterpriseUpdated', data: { name: 'E2', occurredAt: REC } },
      ],
      ['2022-03-01T02:00:00.000Z', REC, REC],
    );
    const row = fold(evolveEnterpriseTiers, events) as EnterpriseTiersRow;
    expect(row.steps.map((s) => [s.tier, s.since])).toEqual([
      ['none', null],
      ['municipal', '2023-01-10'],
    ]);
    expect(evolveEnterpriseTiers(row, events[2])).toBe(row);
    expect(tierAsOf(row.steps, '2023-01-09', Date.parse(REC))).toBe('none');
    expect(tierAsOf(row.steps, '2023-01-10', Date.parse(REC))).toBe('municipal');
    // Not known before it was recorded.
    expect(tierAsOf(row.steps, '2023-06-01', Date.parse(REC) - 1)).toBe('none');
  });
});

describe('matchmakingDashboardOf', () => {
  const coop = (events: CooperationEvent[], recordedAt: string[] = []) =>
    fold(evolveCooperationFacts, on(cooperationStream('x'), events, recordedAt)) as CooperationFactsRow;
  const demand = (id: string, category: 'rnd' | 'green', publishedAt: string) =>
    fold(
      evolveDemandBoard,
      on(demandStream(id), [
        {
          type: 'DemandPublished',
          data: {
            demandId: id,
            publisherId: 'haier',
            publisherName: '海尔',
            category,
            title: id,
            eventId: 'mm-1',
            occurredAt: publishedAt,
          },
        },
      ]),
    ) as DemandBoardRow;
  const event: MatchmakingEventRow = {
    id: 'mm-1',
    title: '恳谈会',
    kind: 'soe-private',
    heldOn: '2024-05-01',
    hosts: [],
    district: null,
    version: 1,
    position: 1,
  };
  const facts = {
    demands: [
      demand('d1', 'rnd', '2024-05-01T01:00:00.000Z'),
      demand('d2', 'green', '2024-05-01T01:00:00.000Z'),
      demand('d3', 'rnd', '2024-05-20T01:00:00.000Z'),
    ],
    cooperations: [
      // Answered after 2 days, signed for 100.
      coop([
        proposed('c1', 's1', '2024-05-01T02:00:00.000Z'),
        stage('negotiating', '2024-05-03T02:00:00.000Z'),
        stage('signed', '2024-05-10T02:00:00.000Z', { amountYuan: 100 }),
      ]),
      // Answered after 4 days, dropped.
      coop([
        proposed('c2', 's2', '2024-05-01T02:00:00.000Z', { demandId: 'd2', category: 'green' }),
        stage('dropped', '2024-05-05T02:00:00.000Z', { note: '无' }),
      ]),
      // Not answered; signed on 5-25 (recorded late, on 6-10).
      coop(
        [
          proposed('c3', 's3', '2024-05-02T02:00:00.000Z'),
          stage('signed', '2024-05-25T02:00:00.000Z', { amountYuan: 50 }),
        ],
        [REC, '2024-06-10T00:00:00.000Z'],
      ),
    ],
    tiers: [] as EnterpriseTiersRow[],
    events: [event],
  };

  it('counts by category as of a date, with the funnel, as computed by hand', () => {
    const result = matchmakingDashboardOf(facts, '2024-05-15', '2024-07-01T00:00:00Z', 'category');
    // As of 5-15: d1, d2 published; c1..c3 proposed; only c1 signed (c3 signs on 5-25).
    expect(result.totals).toEqual({
      demands: 2,
      proposals: 3,
      signed: 1,
      signedAmountYuan: 100,
      medianResponseDays: 3,
      responded: 2,
    });
    expect(result.rows).toEqual([
      {
        key: 'rnd',
        label: 'rnd',
        demands: 1,
        proposals: 2,
        signed: 1,
        signedAmountYuan: 100,
        medianResponseDays: 2,
        responded: 1,
      },
      {
        key: 'green',
        label: 'green',
        demands: 1,
        proposals: 1,
        signed: 0,
        signedAmountYuan: 0,
        medianResponseDays: 4,
        responded: 1,
      },
    ]);
    // A stage skipped counts as passed: c1 went from negotiating straight to signed.
    expect(result.funnel).toEqual({ intent: 3, negotiating: 1, trial: 1, signed: 1, delivering: 0, dropped: 1 });
  });

  it('as known before a late record, leaves it out; later it counts', () => {
    expect(matchmakingDashboardOf(facts, '2024-06-30', '2024-06-09T00:00:00Z', 'event').totals).toMatchObject({
      demands: 3,
      signed: 1,
      signedAmountYuan: 100,
    });
    const known = matchmakingDashboardOf(facts, '2024-06-30', '2024-06-10T00:00:00Z', 'event');
    expect(known.totals).toMatchObject({ signed: 2, signedAmountYuan: 150 });
    expect(known.rows).toEqual([
      expect.objectContaining({ key: 'mm-1', label: '恳谈会', demands: 3, proposals: 3, signed: 2 }),
    ]);
  });
});
