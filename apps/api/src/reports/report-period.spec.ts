import { ApiError } from '../common/problem';
import { reportPeriod } from './report-period';

describe('reportPeriod', () => {
  it.each([
    ['monthly', '2026-11', '2026-11-01', '2026-11-30'],
    ['monthly', '2024-02', '2024-02-01', '2024-02-29'],
    ['quarterly', '2026Q3', '2026-07-01', '2026-09-30'],
    ['quarterly', '2025Q4', '2025-10-01', '2025-12-31'],
    ['quarterly', '2026Q1', '2026-01-01', '2026-03-31'],
  ] as const)('%s %s covers %s to %s', (kind, period, start, end) => {
    expect(reportPeriod(kind, period, '2026-12-02')).toEqual({ kind, period, start, end });
  });

  it.each([
    ['monthly', '2026-13'],
    ['monthly', '2026Q4'],
    ['monthly', '2026-1'],
    ['quarterly', '2026-11'],
    ['quarterly', '2026Q5'],
  ] as const)('refuses %s "%s" naming the period', (kind, period) => {
    expect(() => reportPeriod(kind, period, '2026-12-02')).toThrow(
      expect.objectContaining({
        code: 'REPORT_PERIOD_INVALID',
        errors: [expect.objectContaining({ field: 'period' })],
      }),
    );
  });

  it('refuses a period that has not ended, up to and including its last day', () => {
    const attempt = (today: string) => () => reportPeriod('monthly', '2026-11', today);
    expect(attempt('2026-11-30')).toThrow(ApiError);
    expect(attempt('2026-11-30')).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_NOT_ENDED' }));
    expect(attempt('2026-12-01')).not.toThrow();
    expect(() => reportPeriod('quarterly', '2026Q4', '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'REPORT_PERIOD_NOT_ENDED' }),
    );
  });
});
