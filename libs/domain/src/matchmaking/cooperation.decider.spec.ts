import { specFor } from '../kernel/decider.spec-helper';
import { Cooperation, cooperationDecider } from './cooperation.decider';
import { ChangeCooperationStage, LinkCooperationProject, ProposeCooperation } from './matchmaking.commands';
import {
  CooperationEvent,
  CooperationProjectLinked,
  CooperationProposed,
  CooperationStageChanged,
} from './matchmaking.events';

const spec = specFor(cooperationDecider);
const NOW = '2024-06-01T04:00:00.000Z';
const PUBLISHED_AT = '2024-05-10T02:00:00.000Z';
const PROPOSED_AT = '2024-05-12T02:00:00.000Z';

const demand = {
  id: 'demand-1',
  title: '高效变频压缩机联合研发',
  publisherId: 'haier',
  publisherName: '海尔集团',
  category: 'rnd' as const,
  eventId: 'mm-1',
  publishedAt: PUBLISHED_AT,
};

const propose = (data: Partial<ProposeCooperation['data']> = {}): ProposeCooperation => ({
  type: 'ProposeCooperation',
  data: {
    cooperationId: 'coop-1',
    demand,
    enterprise: { id: 'sme-1', name: '青岛微电机有限公司' },
    summary: '提供无刷电机控制方案',
    occurredAt: PROPOSED_AT,
    ...data,
  },
  metadata: { now: NOW },
});

const proposed = (data: Partial<CooperationProposed['data']> = {}): CooperationProposed => ({
  type: 'CooperationProposed',
  data: {
    cooperationId: 'coop-1',
    demandId: 'demand-1',
    demandTitle: '高效变频压缩机联合研发',
    publisherId: 'haier',
    publisherName: '海尔集团',
    category: 'rnd',
    enterpriseId: 'sme-1',
    enterpriseName: '青岛微电机有限公司',
    summary: '提供无刷电机控制方案',
    eventId: 'mm-1',
    occurredAt: PROPOSED_AT,
    ...data,
  },
});

const stage = (data: Partial<ChangeCooperationStage['data']> = {}): ChangeCooperationStage => ({
  type: 'ChangeCooperationStage',
  data: { stage: 'negotiating', ...data },
  metadata: { now: NOW },
});

const changed = (data: Partial<CooperationStageChanged['data']> = {}): CooperationStageChanged => ({
  type: 'CooperationStageChanged',
  data: { stage: 'negotiating', occurredAt: NOW, ...data },
});

const link = (projectId = 'project-1'): LinkCooperationProject => ({
  type: 'LinkCooperationProject',
  data: { projectId },
  metadata: { now: NOW },
});
const linked = (projectId = 'project-1'): CooperationProjectLinked => ({
  type: 'CooperationProjectLinked',
  data: { projectId, occurredAt: NOW },
});

const at = (day: string) => `${day}T02:00:00.000Z`;
const signed: CooperationEvent[] = [
  proposed(),
  changed({ occurredAt: at('2024-05-15') }),
  changed({ stage: 'signed', amountYuan: 3_000_000, occurredAt: at('2024-05-20') }),
];

describe('cooperation decider', () => {
  describe('ProposeCooperation', () => {
    it('starts a cooperation as an intent, at the demand’s event, with what the dashboards group by', () => {
      spec.given([]).when(propose()).then([proposed()]);
    });

    it('at another event names that event', () => {
      spec
        .given([])
        .when(propose({ event: { id: 'mm-2', heldOn: '2024-05-12' } }))
        .then([proposed({ eventId: 'mm-2' })]);
    });

    it('on a demand without event, and none named, has no event', () => {
      const { eventId: _, ...data } = proposed().data;
      spec
        .given([])
        .when(propose({ demand: { ...demand, eventId: undefined } }))
        .then([{ type: 'CooperationProposed', data }]);
    });

    it('names the departments that follow it', () => {
      spec
        .given([])
        .when(propose({ departments: ['gxj', ' swj '] }))
        .then([proposed({ departments: ['gxj', 'swj'] })]);
    });

    it('naming a department twice: DUPLICATE_ID', () => {
      spec
        .given([])
        .when(propose({ departments: ['gxj', 'gxj'] }))
        .thenThrows('invalid', 'DUPLICATE_ID', 'departments[1]');
    });

    it('at the very instant the demand was published is recorded', () => {
      spec
        .given([])
        .when(propose({ occurredAt: PUBLISHED_AT }))
        .then([proposed({ occurredAt: PUBLISHED_AT })]);
    });

    it('dated before the demand was published: PROPOSAL_BEFORE_DEMAND', () => {
      spec
        .given([])
        .when(propose({ occurredAt: '2024-05-10T01:59:59.999Z' }))
        .thenThrows('conflict', 'PROPOSAL_BEFORE_DEMAND');
    });

    it('on a demand that was not found: DEMAND_NOT_FOUND', () => {
      spec
        .given([])
        .when(propose({ demand: null }))
        .thenThrows('not-found', 'DEMAND_NOT_FOUND');
    });

    it('by an enterprise that was not found: PROPOSER_NOT_FOUND', () => {
      spec
        .given([])
        .when(propose({ enterprise: null }))
        .thenThrows('invalid', 'PROPOSER_NOT_FOUND', 'enterpriseId');
    });

    it('by the publisher itself: PROPOSAL_TO_OWN_DEMAND', () => {
      spec
        .given([])
        .when(propose({ enterprise: { id: 'haier', name: '海尔集团' } }))
        .thenThrows('invalid', 'PROPOSAL_TO_OWN_DEMAND', 'enterpriseId');
    });

    it('at an event that was not found: MATCHMAKING_EVENT_NOT_FOUND', () => {
      spec
        .given([])
        .when(propose({ event: null }))
        .thenThrows('invalid', 'MATCHMAKING_EVENT_NOT_FOUND', 'eventId');
    });

    it('with a blank summary: TEXT_REQUIRED', () => {
      spec
        .given([])
        .when(propose({ summary: ' ' }))
        .thenThrows('invalid', 'TEXT_REQUIRED', 'summary');
    });

    it('in the future: OCCURRED_AT_IN_FUTURE', () => {
      spec
        .given([])
        .when(propose({ occurredAt: '2024-06-01T04:00:01Z' }))
        .thenThrows('invalid', 'OCCURRED_AT_IN_FUTURE', 'occurredAt');
    });

    it('on a stream that already holds a cooperation: COOPERATION_ALREADY_EXISTS', () => {
      spec.given([proposed()]).when(propose()).thenThrows('conflict', 'COOPERATION_ALREADY_EXISTS');
    });
  });

  describe('ChangeCooperationStage', () => {
    it('moves an intent forward', () => {
      spec.given([proposed()]).when(stage()).then([changed()]);
    });

    it('may skip stages: an intent signed at once, with the signed amount', () => {
      spec
        .given([proposed()])
        .when(stage({ stage: 'signed', amountYuan: 1_200_000, note: '签约仪式' }))
        .then([changed({ stage: 'signed', amountYuan: 1_200_000, note: '签约仪式' })]);
    });

    it('a signed cooperation starts delivering', () => {
      spec
        .given(signed)
        .when(stage({ stage: 'delivering' }))
        .then([changed({ stage: 'delivering' })]);
    });

    it('is dropped with the reason', () => {
      spec
        .given([proposed()])
        .when(stage({ stage: 'dropped', note: '价格未谈拢' }))
        .then([changed({ stage: 'dropped', note: '价格未谈拢' })]);
    });

    it('before the proposal (an empty stream): COOPERATION_NOT_FOUND', () => {
      spec.given([]).when(stage()).thenThrows('not-found', 'COOPERATION_NOT_FOUND');
    });

    it('dated before the previous step: OCCURRED_AT_BEFORE_PREVIOUS_EVENT', () => {
      spec
        .given([proposed()])
        .when(stage({ occurredAt: '2024-05-12T01:59:59Z' }))
        .thenThrows('conflict', 'OCCURRED_AT_BEFORE_PREVIOUS_EVENT');
    });

    it('in the future: OCCURRED_AT_IN_FUTURE', () => {
      spec
        .given([proposed()])
        .when(stage({ occurredAt: '2024-06-02T00:00:00+08:00' }))
        .thenThrows('invalid', 'OCCURRED_AT_IN_FUTURE', 'occurredAt');
    });

    it('signing a dropped cooperation: COOPERATION_DROPPED', () => {
      spec
        .given([proposed(), changed({ stage: 'dropped', note: '需求取消' })])
        .when(stage({ stage: 'signed' }))
        .thenThrows('conflict', 'COOPERATION_DROPPED');
    });

    it('dropping a dropped cooperation again: COOPERATION_DROPPED', () => {
      spec
        .given([proposed(), changed({ stage: 'dropped', note: '需求取消' })])
        .when(stage({ stage: 'dropped', note: '再次' }))
        .thenThrows('conflict', 'COOPERATION_DROPPED');
    });

    it.each<[Exclude<ChangeCooperationStage['data']['stage'], 'dropped'>]>([['negotiating'], ['trial']])(
      'back to %s after signing: STAGE_NOT_FORWARD',
      (back) => {
        spec
          .given(signed)
          .when(stage({ stage: back }))
          .thenThrows('conflict', 'STAGE_NOT_FORWARD');
      },
    );

    it('to the stage it is at: STAGE_NOT_FORWARD', () => {
      spec.given([proposed(), changed()]).when(stage()).thenThrows('conflict', 'STAGE_NOT_FORWARD');
    });

    it('delivering before signing: DELIVERY_BEFORE_SIGNING', () => {
      spec
        .given([proposed(), changed({ stage: 'trial' })])
        .when(stage({ stage: 'delivering' }))
        .thenThrows('conflict', 'DELIVERY_BEFORE_SIGNING');
    });

    it('an amount with any stage but signed: AMOUNT_ONLY_WHEN_SIGNED', () => {
      spec
        .given([proposed()])
        .when(stage({ stage: 'trial', amountYuan: 100 }))
        .thenThrows('invalid', 'AMOUNT_ONLY_WHEN_SIGNED', 'amountYuan');
    });

    it('dropped without a reason: DROP_REASON_REQUIRED', () => {
      spec
        .given([proposed()])
        .when(stage({ stage: 'dropped', note: '  ' }))
        .thenThrows('invalid', 'DROP_REASON_REQUIRED', 'note');
    });

    it.each<[string, string, string, Partial<ChangeCooperationStage['data']>]>([
      ['the stage intent, which only a proposal sets', 'INVALID_CHOICE', 'stage', { stage: 'intent' as never }],
      ['an unknown stage', 'INVALID_CHOICE', 'stage', { stage: 'won' as never }],
      ['a fractional amount', 'INVALID_AMOUNT', 'amountYuan', { stage: 'signed', amountYuan: 1.5 }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([proposed()]).when(stage(data)).thenThrows('invalid', code, field);
    });
  });

  describe('LinkCooperationProject', () => {
    it('links a signed cooperation to the project made from it', () => {
      spec.given(signed).when(link()).then([linked()]);
    });

    it('links a delivering cooperation too', () => {
      spec
        .given([...signed, changed({ stage: 'delivering' })])
        .when(link())
        .then([linked()]);
    });

    it('again to the same project records nothing (a retry completes)', () => {
      spec
        .given([...signed, linked()])
        .when(link())
        .then([]);
    });

    it('to another project: COOPERATION_ALREADY_HAS_PROJECT', () => {
      spec
        .given([...signed, linked()])
        .when(link('project-2'))
        .thenThrows('conflict', 'COOPERATION_ALREADY_HAS_PROJECT');
    });

    it.each<[string, CooperationEvent[]]>([
      ['an intent', [proposed()]],
      ['a trial', [proposed(), changed({ stage: 'trial' })]],
      ['a dropped cooperation', [...signed, changed({ stage: 'dropped', note: '对方违约' })]],
    ])('of %s: COOPERATION_NOT_SIGNED', (_, history) => {
      spec.given(history).when(link()).thenThrows('conflict', 'COOPERATION_NOT_SIGNED');
    });

    it('before the proposal: COOPERATION_NOT_FOUND', () => {
      spec.given([]).when(link()).thenThrows('not-found', 'COOPERATION_NOT_FOUND');
    });
  });

  describe('state (evolve)', () => {
    it('keeps every step, the signed amount and the project', () => {
      expect(spec.given([...signed, changed({ stage: 'delivering' }), linked()]).state()).toEqual<Cooperation>({
        id: 'coop-1',
        demandId: 'demand-1',
        demandTitle: '高效变频压缩机联合研发',
        publisherId: 'haier',
        publisherName: '海尔集团',
        category: 'rnd',
        enterpriseId: 'sme-1',
        enterpriseName: '青岛微电机有限公司',
        summary: '提供无刷电机控制方案',
        eventId: 'mm-1',
        departments: [],
        stage: 'delivering',
        steps: [
          { stage: 'intent', occurredAt: PROPOSED_AT },
          { stage: 'negotiating', occurredAt: at('2024-05-15') },
          { stage: 'signed', amountYuan: 3_000_000, occurredAt: at('2024-05-20') },
          { stage: 'delivering', occurredAt: NOW },
        ],
        signedAmountYuan: 3_000_000,
        projectId: 'project-1',
        lastOccurredAt: NOW,
      });
    });

    it('refuses a stage before the proposal: the stream is corrupt', () => {
      expect(() => cooperationDecider.evolve(null, changed())).toThrow('no CooperationProposed event');
    });
  });
});
