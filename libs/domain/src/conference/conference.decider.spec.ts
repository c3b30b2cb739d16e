import { specFor } from '../kernel/decider.spec-helper';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { NameConferenceThemeInEnglish, ScheduleConference } from './conference.commands';
import { Conference, conferenceDecider } from './conference.decider';
import { ConferenceScheduled, ConferenceThemeNamedInEnglish } from './conference.events';

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

const LATER = '2024-06-03T02:00:00.000Z';

const nameThemeInEnglish = (themeEn: unknown, now = LATER): NameConferenceThemeInEnglish => ({
  type: 'NameConferenceThemeInEnglish',
  data: { themeEn: themeEn as string | null },
  metadata: { now },
});

const themeNamedInEnglish = (themeEn?: string, occurredAt = LATER): ConferenceThemeNamedInEnglish => ({
  type: 'ConferenceThemeNamedInEnglish',
  data: themeEn === undefined ? { occurredAt } : { themeEn, occurredAt },
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

    it('records an English theme given with it, trimmed', () => {
      spec
        .given([])
        .when(scheduleConference({ themeEn: ' Ocean economy ' }))
        .then([conferenceScheduled({ themeEn: 'Ocean economy' })]);
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
      [
        'an English theme over the limit',
        'INVALID_TEXT',
        'themeEn',
        { themeEn: 'x'.repeat(INPUT_LIMITS.conference.theme + 1) },
      ],
      ['an English theme that is not text', 'INVALID_TEXT', 'themeEn', { themeEn: ['x'] as never }],
      ['an occurredAt in the future', 'OCCURRED_AT_IN_FUTURE', 'occurredAt', { occurredAt: '2024-06-01T04:00:01Z' }],
      ['a malformed occurredAt', 'INVALID_OCCURRED_AT', 'occurredAt', { occurredAt: 'today' }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([]).when(scheduleConference(data)).thenThrows('invalid', code, field);
    });
  });

  describe('NameConferenceThemeInEnglish', () => {
    it('gives a scheduled conference its English theme, trimmed, at the time of the command', () => {
      spec
        .given([conferenceScheduled()])
        .when(nameThemeInEnglish('  Ocean economy '))
        .then([themeNamedInEnglish('Ocean economy')]);
    });

    it('changes an English theme given before', () => {
      spec
        .given([conferenceScheduled({ themeEn: 'Ocean economy' })])
        .when(nameThemeInEnglish('The blue economy'))
        .then([themeNamedInEnglish('The blue economy')]);
    });

    it.each([null, '   '])('clears it with %p', (themeEn) => {
      spec
        .given([conferenceScheduled(), themeNamedInEnglish('Ocean economy')])
        .when(nameThemeInEnglish(themeEn))
        .then([themeNamedInEnglish()]);
    });

    it('records nothing when the theme is the one it already has, or none is cleared', () => {
      spec
        .given([conferenceScheduled({ themeEn: 'Ocean economy' })])
        .when(nameThemeInEnglish('Ocean economy '))
        .then([]);
      spec.given([conferenceScheduled()]).when(nameThemeInEnglish(null)).then([]);
    });

    it('on an empty stream: CONFERENCE_NOT_FOUND', () => {
      spec.given([]).when(nameThemeInEnglish('Ocean economy')).thenThrows('not-found', 'CONFERENCE_NOT_FOUND');
    });

    it.each<[string, unknown]>([
      ['over the limit', 'x'.repeat(INPUT_LIMITS.conference.theme + 1)],
      ['not text', 42],
    ])('with an English theme %s: INVALID_TEXT on themeEn', (_, themeEn) => {
      spec
        .given([conferenceScheduled()])
        .when(nameThemeInEnglish(themeEn))
        .thenThrows('invalid', 'INVALID_TEXT', 'themeEn');
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
        themeEn: null,
        heldOn: '2024-07-18',
        scheduledAt: NOW,
        lastOccurredAt: NOW,
      });
    });

    it('holds the latest English theme, null once cleared', () => {
      const named = spec.given([conferenceScheduled(), themeNamedInEnglish('Ocean economy')]).state();
      expect(named).toMatchObject({ theme: '海洋经济', themeEn: 'Ocean economy', lastOccurredAt: LATER });
      const cleared = spec.given([conferenceScheduled({ themeEn: 'Ocean economy' }), themeNamedInEnglish()]).state();
      expect(cleared).toMatchObject({ themeEn: null });
    });

    it('leaves an absent theme null', () => {
      const { theme: _, ...data } = conferenceScheduled().data;
      expect(spec.given([{ type: 'ConferenceScheduled', data }]).state()).toMatchObject({ theme: null });
    });
  });
});
