import { specFor } from '../kernel/decider.spec-helper';
import { Demand, demandDecider } from './demand.decider';
import { PublishDemand } from './matchmaking.commands';
import { DemandPublished } from './matchmaking.events';

const spec = specFor(demandDecider);
const NOW = '2024-06-01T04:00:00.000Z';

const publish = (data: Partial<PublishDemand['data']> = {}): PublishDemand => ({
  type: 'PublishDemand',
  data: {
    demandId: 'demand-1',
    publisher: { id: 'haier', name: '海尔集团' },
    category: 'rnd',
    title: '高效变频压缩机联合研发',
    description: '寻求具备电机控制能力的配套企业',
    budgetYuan: 5_000_000,
    deadline: '2024-12-31',
    event: { id: 'mm-1', heldOn: '2024-06-01' },
    ...data,
  },
  metadata: { now: NOW },
});

const published = (data: Partial<DemandPublished['data']> = {}): DemandPublished => ({
  type: 'DemandPublished',
  data: {
    demandId: 'demand-1',
    publisherId: 'haier',
    publisherName: '海尔集团',
    category: 'rnd',
    title: '高效变频压缩机联合研发',
    description: '寻求具备电机控制能力的配套企业',
    budgetYuan: 5_000_000,
    deadline: '2024-12-31',
    eventId: 'mm-1',
    occurredAt: NOW,
    ...data,
  },
});

describe('demand decider', () => {
  it('publishes the demand at its event', () => {
    spec.given([]).when(publish()).then([published()]);
  });

  it('without event, budget, deadline or description leaves them out', () => {
    spec
      .given([])
      .when(publish({ event: undefined, budgetYuan: undefined, deadline: undefined, description: ' ' }))
      .then([
        {
          type: 'DemandPublished',
          data: {
            demandId: 'demand-1',
            publisherId: 'haier',
            publisherName: '海尔集团',
            category: 'rnd',
            title: '高效变频压缩机联合研发',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('with a deadline on the day of publication (CST) is published', () => {
    spec
      .given([])
      .when(publish({ deadline: '2024-06-01' }))
      .then([published({ deadline: '2024-06-01' })]);
  });

  it('with a deadline before the day of publication: DEADLINE_BEFORE_PUBLICATION', () => {
    spec
      .given([])
      .when(publish({ deadline: '2024-05-31' }))
      .thenThrows('invalid', 'DEADLINE_BEFORE_PUBLICATION', 'deadline');
  });

  it('by a publisher that was not found: PUBLISHER_NOT_FOUND', () => {
    spec
      .given([])
      .when(publish({ publisher: null }))
      .thenThrows('invalid', 'PUBLISHER_NOT_FOUND', 'publisherId');
  });

  it('at an event that was not found: MATCHMAKING_EVENT_NOT_FOUND', () => {
    spec
      .given([])
      .when(publish({ event: null }))
      .thenThrows('invalid', 'MATCHMAKING_EVENT_NOT_FOUND', 'eventId');
  });

  it('on a stream that already holds a demand: DEMAND_ALREADY_EXISTS', () => {
    spec.given([published()]).when(publish()).thenThrows('conflict', 'DEMAND_ALREADY_EXISTS');
  });

  it.each<[string, string, string, Partial<PublishDemand['data']>]>([
    ['an unknown category', 'INVALID_CHOICE', 'category', { category: 'snacks' as never }],
    ['a blank title', 'TEXT_REQUIRED', 'title', { title: '' }],
    ['a negative budget', 'INVALID_AMOUNT', 'budgetYuan', { budgetYuan: -1 }],
    ['an impossible deadline', 'INVALID_DATE', 'deadline', { deadline: '2024-13-01' }],
    ['an occurredAt in the future', 'OCCURRED_AT_IN_FUTURE', 'occurredAt', { occurredAt: '2024-06-02T00:00:00+08:00' }],
  ])('with %s: %s on %s', (_, code, field, data) => {
    spec.given([]).when(publish(data)).thenThrows('invalid', code, field);
  });

  it('folds into the demand', () => {
    expect(spec.given([published()]).state()).toEqual<Demand>({
      id: 'demand-1',
      publisherId: 'haier',
      publisherName: '海尔集团',
      category: 'rnd',
      title: '高效变频压缩机联合研发',
      description: '寻求具备电机控制能力的配套企业',
      budgetYuan: 5_000_000,
      deadline: '2024-12-31',
      eventId: 'mm-1',
      publishedAt: NOW,
      lastOccurredAt: NOW,
    });
  });
});
