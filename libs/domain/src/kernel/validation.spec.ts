import { expectDomainError } from './decider.spec-helper';
import {
  amountInYuan,
  assertDistinctIds,
  calendarDate,
  list,
  object,
  oneOf,
  optionalAmountInYuan,
  optionalFlag,
  optionalList,
  optionalOneOf,
  optionalText,
  requiredText,
  withoutUndefined,
} from './validation';

describe('input validation', () => {
  it('requiredText trims, and refuses missing, blank or non-text values: TEXT_REQUIRED', () => {
    expect(requiredText('  Smart port  ', 'title')).toBe('Smart port');
    for (const value of [undefined, null, '', '   ', 42]) {
      expectDomainError(() => requiredText(value, 'title'), 'invalid', 'TEXT_REQUIRED', 'title');
    }
  });

  it('counts text of only zero-width or control characters as blank', () => {
    for (const value of ['\u200b\u200b', '\u0007', '\ufeff\u200d\u2060', '\u00a0\u3000']) {
      expectDomainError(() => requiredText(value, 'title'), 'invalid', 'TEXT_REQUIRED', 'title');
      expect(optionalText(value, 'summary')).toBeUndefined();
    }
    expect(requiredText('\u200b港口', 'title')).toBe('\u200b港口');
  });

  it('optionalText treats absent and blank as left out, and refuses non-text: INVALID_TEXT', () => {
    expect(optionalText(undefined, 'summary')).toBeUndefined();
    expect(optionalText(null, 'summary')).toBeUndefined();
    expect(optionalText('  ', 'summary')).toBeUndefined();
    expect(optionalText(' Laoshan ', 'district')).toBe('Laoshan');
    expectDomainError(() => optionalText(7, 'summary'), 'invalid', 'INVALID_TEXT', 'summary');
  });

  it('text with a limit counts characters after trimming, and refuses more: INVALID_TEXT', () => {
    expect(requiredText(' 智慧海洋 ', 'title', 4)).toBe('智慧海洋');
    expect(requiredText('𠀀𠀀', 'title', 2)).toBe('𠀀𠀀'); // characters outside the BMP count once
    expectDomainError(() => requiredText('智慧海洋牧', 'title', 4), 'invalid', 'INVALID_TEXT', 'title');
    expect(optionalText('  ', 'summary', 1)).toBeUndefined();
    expectDomainError(() => optionalText('ab', 'summary', 1), 'invalid', 'INVALID_TEXT', 'summary');
  });

  it('amountInYuan takes whole yuan from 0 up, and refuses anything else: INVALID_AMOUNT', () => {
    expect(amountInYuan(0, 'investmentYuan')).toBe(0);
    expect(amountInYuan(2_000_000_000, 'investmentYuan')).toBe(2_000_000_000);
    for (const value of [-1, 1.5, '100', Number.NaN, Number.MAX_SAFE_INTEGER + 1, undefined]) {
      expectDomainError(() => amountInYuan(value, 'investmentYuan'), 'invalid', 'INVALID_AMOUNT', 'investmentYuan');
    }
  });

  it('optionalAmountInYuan may be left out but must be valid when given', () => {
    expect(optionalAmountInYuan(undefined, 'actualInvestmentYuan')).toBeUndefined();
    expect(optionalAmountInYuan(5, 'actualInvestmentYuan')).toBe(5);
    expectDomainError(
      () => optionalAmountInYuan(-5, 'actualInvestmentYuan'),
      'invalid',
      'INVALID_AMOUNT',
      'actualInvestmentYuan',
    );
  });

  it('oneOf accepts only the listed values: INVALID_CHOICE, naming them', () => {
    expect(oneOf('b', ['a', 'b'] as const, 'kind')).toBe('b');
    const error = expectDomainError(() => oneOf('c', ['a', 'b'] as const, 'kind'), 'invalid', 'INVALID_CHOICE', 'kind');
    expect(error.message).toContain('a, b');
    expect(optionalOneOf(undefined, ['a'] as const, 'kind')).toBeUndefined();
    expectDomainError(() => optionalOneOf('x', ['a'] as const, 'kind'), 'invalid', 'INVALID_CHOICE', 'kind');
  });

  it('calendarDate takes real YYYY-MM-DD dates only: INVALID_DATE', () => {
    expect(calendarDate('2024-02-29', 'dueOn')).toBe('2024-02-29');
    expectDomainError(
      () => calendarDate('2024-02-30', 'milestones[0].dueOn'),
      'invalid',
      'INVALID_DATE',
      'milestones[0].dueOn',
    );
  });

  it('list and object check the shape of nested input: INVALID_LIST, INVALID_OBJECT', () => {
    expect(list([1], 'needs', 5)).toEqual([1]);
    expectDomainError(() => list('x', 'needs', 5), 'invalid', 'INVALID_LIST', 'needs');
    expect(optionalList(undefined, 'needs', 5)).toBeUndefined();
    expectDomainError(() => optionalList({}, 'needs', 5), 'invalid', 'INVALID_LIST', 'needs');
    expect(list([1, 2], 'needs', 2)).toEqual([1, 2]);
    expectDomainError(() => list([1, 2, 3], 'needs', 2), 'invalid', 'INVALID_LIST', 'needs');
    expectDomainError(() => optionalList([1, 2, 3], 'needs', 2), 'invalid', 'INVALID_LIST', 'needs');
    expect(object({ a: 1 }, 'needs[0]')).toEqual({ a: 1 });
    for (const value of [null, [], 'x']) {
      expectDomainError(() => object(value, 'needs[0]'), 'invalid', 'INVALID_OBJECT', 'needs[0]');
    }
  });

  it('optionalFlag is true, false or left out: INVALID_FLAG', () => {
    expect(optionalFlag(undefined, 'done')).toBeUndefined();
    expect(optionalFlag(false, 'done')).toBe(false);
    expectDomainError(() => optionalFlag('yes', 'done'), 'invalid', 'INVALID_FLAG', 'done');
  });

  it('assertDistinctIds names the second use of an id: DUPLICATE_ID', () => {
    expect(() => assertDistinctIds(['a', 'b'], (i) => `needs[${i}].needId`)).not.toThrow();
    expectDomainError(
      () => assertDistinctIds(['a', 'b', 'a'], (i) => `needs[${i}].needId`),
      'invalid',
      'DUPLICATE_ID',
      'needs[2].needId',
    );
  });

  it('withoutUndefined drops undefined keys but keeps other falsy values', () => {
    expect(Object.keys(withoutUndefined({ a: undefined, b: 0, c: '', d: false, e: null }))).toEqual([
      'b',
      'c',
      'd',
      'e',
    ]);
  });
});
