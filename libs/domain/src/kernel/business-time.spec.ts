import {
  assertNotBeforePrevious,
  businessDate,
  earlierOf,
  endOfBusinessDay,
  isValidDate,
  isValidInstant,
  quarterEnds,
  resolveOccurredAt,
} from './business-time';
import { expectDomainError } from './decider.spec-helper';
import { DomainError } from './domain.error';

const NOW = '2024-06-01T04:00:00.000Z';

describe('business time', () => {
  describe('isValidDate', () => {
    it.each(['2024-02-29', '2024-12-31', '2023-01-01'])('accepts the calendar date %s', (date) => {
      expect(isValidDate(date)).toBe(true);
    });

    it.each([
      ['2023-02-29'],
      ['2024-02-30'],
      ['2024-13-01'],
      ['2024-00-10'],
      ['2024-1-01'],
      ['2024-03-01T00:00:00Z'],
      [''],
      [20240101],
      [null],
    ])('rejects %p', (value) => {
      expect(isValidDate(value)).toBe(false);
    });
  });

  describe('isValidInstant', () => {
    it.each([
      '2024-03-01T10:00:00+08:00',
      '2024-03-01T02:00:00.123Z',
      '2024-03-01T02:00Z',
      '2024-03-01T02:00:00.123456-05:00',
    ])('accepts %s', (instant) => {
      expect(isValidInstant(instant)).toBe(true);
    });

    it.each([
      ['2024-03-01T02:00:00'],
      ['2024-03-01'],
      ['2024-02-30T00:00:00Z'],
      ['2024-03-01T25:00:00Z'],
      ['yesterday'],
      [1709251200000],
    ])('rejects %p (no offset, not a real moment, or not text)', (value) => {
      expect(isValidInstant(value)).toBe(false);
    });
  });

  describe('businessDate', () => {
    it('is the date in China Standard Time, which starts 8 hours before UTC midnight', () => {
      expect(businessDate('2024-03-01T15:59:59.999Z')).toBe('2024-03-01');
      expect(businessDate('2024-03-01T16:00:00.000Z')).toBe('2024-03-02');
    });

    it('reads instants written with any offset', () => {
      expect(businessDate('2024-03-02T07:00:00+08:00')).toBe('2024-03-02');
      expect(businessDate('2024-03-01T20:00:00-05:00')).toBe('2024-03-02');
    });

    it('refuses a malformed instant as a programming error, not a DomainError', () => {
      expect(() => businessDate('2024-03-01 10:00')).toThrow(Error);
      expect(() => businessDate('2024-03-01 10:00')).not.toThrow(DomainError);
    });
  });

  describe('endOfBusinessDay', () => {
    it('is 23:59:59.999 CST as a UTC instant', () => {
      expect(endOfBusinessDay('2024-03-01')).toBe('2024-03-01T15:59:59.999Z');
    });

    it('still falls on the same business date', () => {
      expect(businessDate(endOfBusinessDay('2024-12-31'))).toBe('2024-12-31');
    });

    it('refuses an invalid date', () => {
      expect(() => endOfBusinessDay('2024-02-30')).toThrow('not a YYYY-MM-DD date');
    });
  });

  describe('earlierOf', () => {
    it('compares moments, not strings, and answers in UTC', () => {
      // 09:00+08:00 is 01:00Z, earlier than 02:00Z although its text sorts later.
      expect(earlierOf('2024-03-01T09:00:00+08:00', '2024-03-01T02:00:00.000Z')).toBe('2024-03-01T01:00:00.000Z');
      expect(earlierOf('2024-03-01T02:00:00.000Z', '2024-03-01T09:30:00+08:00')).toBe('2024-03-01T01:30:00.000Z');
    });
  });

  describe('resolveOccurredAt', () => {
    it('defaults to now when none is requested', () => {
      expect(resolveOccurredAt(undefined, NOW)).toBe(NOW);
      expect(resolveOccurredAt(null, '2024-06-01T12:00:00+08:00')).toBe(NOW);
    });

    it('keeps a requested past time, normalised to UTC', () => {
      expect(resolveOccurredAt('2024-03-01T10:00:00+08:00', NOW)).toBe('2024-03-01T02:00:00.000Z');
    });

    it('accepts exactly now', () => {
      expect(resolveOccurredAt(NOW, NOW)).toBe(NOW);
    });

    it('refuses a time after now: OCCURRED_AT_IN_FUTURE', () => {
      expectDomainError(
        () => resolveOccurredAt('2024-06-01T04:00:00.001Z', NOW),
        'invalid',
        'OCCURRED_AT_IN_FUTURE',
        'occurredAt',
      );
    });

    it.each([['2024-03-01 10:00'], ['2024-03-01T10:00:00'], [1709251200000], ['']])(
      'refuses the malformed %p: INVALID_OCCURRED_AT',
      (value) => {
        expectDomainError(() => resolveOccurredAt(value, NOW), 'invalid', 'INVALID_OCCURRED_AT', 'occurredAt');
      },
    );

    it('treats a malformed now as a programming error', () => {
      expect(() => resolveOccurredAt(undefined, 'now')).toThrow('not an ISO 8601 instant');
    });
  });

  describe('assertNotBeforePrevious', () => {
    it('accepts the same time as the previous event and later times', () => {
      expect(() => assertNotBeforePrevious('2024-03-01T02:00:00.000Z', '2024-03-01T02:00:00.000Z')).not.toThrow();
      expect(() => assertNotBeforePrevious('2024-03-01T02:00:00.001Z', '2024-03-01T02:00:00.000Z')).not.toThrow();
    });

    it('refuses an earlier time: OCCURRED_AT_BEFORE_PREVIOUS_EVENT', () => {
      expectDomainError(
        () => assertNotBeforePrevious('2024-03-01T09:00:00+08:00', '2024-03-01T02:00:00.000Z'),
        'conflict',
        'OCCURRED_AT_BEFORE_PREVIOUS_EVENT',
      );
    });
  });
});

describe('quarterEnds', () => {
  it('lists the ends of the previous quarters, then asOf itself', () => {
    expect(quarterEnds('2024-05-15', 4)).toEqual(['2023-09-30', '2023-12-31', '2024-03-31', '2024-05-15']);
  });

  it('crosses year ends and handles a single quarter', () => {
    expect(quarterEnds('2025-01-10', 2)).toEqual(['2024-12-31', '2025-01-10']);
    expect(quarterEnds('2025-01-10', 1)).toEqual(['2025-01-10']);
  });
});
