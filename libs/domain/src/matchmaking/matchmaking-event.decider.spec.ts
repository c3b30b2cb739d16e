import { specFor } from '../kernel/decider.spec-helper';
import { ScheduleMatchmakingEvent } from './matchmaking.commands';
import { MatchmakingEvent, matchmakingEventDecider } from './matchmaking-event.decider';
import { MatchmakingEventScheduled } from './matchmaking.events';

const spec = specFor(matchmakingEventDecider);
const NOW = '2024-06-01T04:00:00.000Z';

const schedule = (data: Partial<ScheduleMatchmakingEvent['data']> = {}): ScheduleMatchmakingEvent => ({
  type: 'ScheduleMatchmakingEvent',
  data: {
    eventId: 'mm-1',
    title: '国企民企面对面恳谈会',
    kind: 'soe-private',
    heldOn: '2024-06-18',
    hosts: ['市国资委', '市民营经济局'],
    district: '市南区',
    ...data,
  },
  metadata: { now: NOW },
});

const scheduled = (data: Partial<MatchmakingEventScheduled['data']> = {}): MatchmakingEventScheduled => ({
  type: 'MatchmakingEventScheduled',
  data: {
    eventId: 'mm-1',
    title: '国企民企面对面恳谈会',
    kind: 'soe-private',
    heldOn: '2024-06-18',
    hosts: ['市国资委', '市民营经济局'],
    district: '市南区',
    occurredAt: NOW,
    ...data,
  },
});

describe('matchmaking event decider', () => {
  it('schedules an event, which may lie ahead', () => {
    spec.given([]).when(schedule()).then([scheduled()]);
  });

  it('leaves out empty hosts and a blank district', () => {
    const { hosts: _h, district: _d, ...data } = scheduled({ kind: 'bai-chang-wan-qi' }).data;
    spec
      .given([])
      .when(schedule({ kind: 'bai-chang-wan-qi', hosts: [], district: ' ' }))
      .then([{ type: 'MatchmakingEventScheduled', data }]);
  });

  it('on a stream that already holds an event: MATCHMAKING_EVENT_ALREADY_EXISTS', () => {
    spec.given([scheduled()]).when(schedule()).thenThrows('conflict', 'MATCHMAKING_EVENT_ALREADY_EXISTS');
  });

  it.each<[string, string, string, Partial<ScheduleMatchmakingEvent['data']>]>([
    ['a blank title', 'TEXT_REQUIRED', 'title', { title: ' ' }],
    ['an unknown kind', 'INVALID_CHOICE', 'kind', { kind: 'party' as never }],
    ['an impossible date', 'INVALID_DATE', 'heldOn', { heldOn: '2024-02-30' }],
    ['a blank host', 'TEXT_REQUIRED', 'hosts[1]', { hosts: ['市国资委', ''] }],
    ['an occurredAt in the future', 'OCCURRED_AT_IN_FUTURE', 'occurredAt', { occurredAt: '2024-06-01T04:00:01Z' }],
  ])('with %s: %s on %s', (_, code, field, data) => {
    spec.given([]).when(schedule(data)).thenThrows('invalid', code, field);
  });

  it('folds into the event, absent fields empty', () => {
    const { hosts: _h, district: _d, ...data } = scheduled().data;
    expect(spec.given([{ type: 'MatchmakingEventScheduled', data }]).state()).toEqual<MatchmakingEvent>({
      id: 'mm-1',
      title: '国企民企面对面恳谈会',
      kind: 'soe-private',
      heldOn: '2024-06-18',
      hosts: [],
      district: null,
      lastOccurredAt: NOW,
    });
  });
});
