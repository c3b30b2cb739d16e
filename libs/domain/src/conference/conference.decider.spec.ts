import { specFor } from '../kernel/decider.spec-helper';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { ScheduleConference } from './conference.commands';
import { Conference, conferenceDecider } from './conference.decider';
import { ConferenceScheduled } from './conference.events';

const spec = specFor(conferenceDecider);

const NOW = '2024-06-01T04:00:00.000Z';

const scheduleConference = (data: Partial<ScheduleConference['data']> = {}, now = NOW): ScheduleConference => ({
  type: 'ScheduleConference',
  data: {
    conferenceId: 'conference-4',
    title: '第四届民营经济创意会',
    theme: '海洋经济',
    heldOn: '2024-07-18',
    ...data,
  },
  metadata: { now },
});

const conferenceScheduled = (data: Partial<ConferenceScheduled['data']> = {}): ConferenceScheduled => ({
  type: 'ConferenceScheduled',
  data: {
    conferenceId: 'conference-4',
    title: '第四届民营经济创意会',
    theme: '海洋经济',
    heldOn: '2024-07-18',
    occurredAt: NOW,
    ...data,
  },
});

describe('conference decider', () => {
  describe('ScheduleConference', () => {
    it('on an empty stream schedules the conference, which may lie ahead', () => {
      spec.given([]).when(scheduleConference()).then([conferenceScheduled()]);
    });

    it('records a past conference with a past occurredAt, and leaves out a blank theme', () => {
      const { theme: _, ...data } = conferenceScheduled({
        heldOn: '2023-10-12',
        occurredAt: '2023-09-01T02:00:00.000Z',
      }).data;
      spec
        .given([])
        .when(scheduleConference({ heldOn: '2023-10-12', theme: '  ', occurredAt: '2023-09-01T10:00:00+08:00' }))
        .then([{ type: 'ConferenceScheduled', data }]);
    });

    it('on a stream that already holds a conference: CONFERENCE_ALREADY_EXISTS', () => {
      spec
        .given([conferenceScheduled()])
        .when(scheduleConference())
        .thenThrows('conflict', 'CONFERENCE_ALREADY_EXISTS');
    });

    it.each<[string, string, string, Partial<ScheduleConference['data']>]>([
      ['a blank title', 'TEXT_REQUIRED', 'title', { title: ' ' }],
      ['a theme over the limit', 'INVALID_TEXT', 'theme', { theme: 'x'.repeat(INPUT_LIMITS.conference.theme + 1) }],
      ['a blank conferenceId', 'TEXT_REQUIRED', 'conferenceId', { conferenceId: '' }],
      ['an impossible date', 'INVALID_DATE', 'heldOn', { heldOn: '2024-02-30' }],
      ['no date', 'INVALID_DATE', 'heldOn', { heldOn: undefined }],
      ['a theme that is not text', 'INVALID_TEXT', 'theme', { theme: 4 as never }],
      ['an occurredAt in the future', 'OCCURRED_AT_IN_FUTURE', 'occurredAt', { occurredAt: '2024-06-01T04:00:01Z' }],
      ['a malformed occurredAt', 'INVALID_OCCURRED_AT', 'occurredAt', { occurredAt: 'today' }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([]).when(scheduleConference(data)).thenThrows('invalid', code, field);
    });
  });

  describe('state (evolve)', () => {
    it('is null before scheduling', () => {
      expect(spec.given([]).state()).toBeNull();
    });

    it('after scheduling holds the conference', () => {
      expect(spec.given([conferenceScheduled()]).state()).toEqual<Conference>({
        id: 'conference-4',
        title: '第四届民营经济创意会',
        theme: '海洋经济',
        heldOn: '2024-07-18',
        scheduledAt: NOW,
        lastOccurredAt: NOW,
      });
    });

    it('leaves an absent theme null', () => {
      const { theme: _, ...data } = conferenceScheduled().data;
      expect(spec.given([{ type: 'ConferenceScheduled', data }]).state()).toMatchObject({ theme: null });
    });
  });
});
