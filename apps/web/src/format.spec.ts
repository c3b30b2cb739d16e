import {
  addDays,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPercent,
  formatPercentRange,
  quarterLabel,
  todayInChina,
  wanToYuan,
} from './format';

describe('formatAmount', () => {
  it('writes 亿元 from one hundred million yuan up, with at most two decimals', () => {
    expect(formatAmount(123_000_000, 'zh-CN')).toBe('1.23亿元');
    expect(formatAmount(20_000_000_000, 'zh-CN')).toBe('200亿元');
    expect(formatAmount(100_000_000, 'zh-CN')).toBe('1亿元');
    expect(formatAmount(2_345_678_901, 'zh-CN')).toBe('23.46亿元');
    expect(formatAmount(123_456_789_012, 'zh-CN')).toBe('1,234.57亿元');
  });

  it('writes 万元 with thousands separators below that', () => {
    expect(formatAmount(45_600_000, 'zh-CN')).toBe('4,560万元');
    expect(formatAmount(45_655_000, 'zh-CN')).toBe('4,565.5万元');
    expect(formatAmount(5_000, 'zh-CN')).toBe('0.5万元');
    expect(formatAmount(0, 'zh-CN')).toBe('0万元');
  });

  it('rounds before choosing the unit, so nothing reads 10,000万元', () => {
    expect(formatAmount(99_999_999, 'zh-CN')).toBe('1亿元');
    expect(formatAmount(99_994_999, 'zh-CN')).toBe('9,999.5万元');
  });

  it('writes CNY million and billion in English', () => {
    expect(formatAmount(123_000_000, 'en')).toBe('CNY 123.0 million');
    expect(formatAmount(45_600_000, 'en')).toBe('CNY 45.6 million');
    expect(formatAmount(20_000_000_000, 'en')).toBe('CNY 20.00 billion');
    expect(formatAmount(999_990_000, 'en')).toBe('CNY 1.00 billion');
    expect(formatAmount(50_000, 'en')).toBe('CNY 50,000');
  });

  it('shows a dash for a missing amount and keeps the sign of a negative one', () => {
    expect(formatAmount(undefined, 'zh-CN')).toBe('—');
    expect(formatAmount(null, 'en')).toBe('—');
    expect(formatAmount(Number.NaN, 'zh-CN')).toBe('—');
    expect(formatAmount(-150_000_000, 'zh-CN')).toBe('-1.5亿元');
  });
});

describe('wanToYuan', () => {
  it('turns 万元 typed in a form into whole yuan', () => {
    expect(wanToYuan('4560')).toBe(45_600_000);
    expect(wanToYuan('1,234.5')).toBe(12_345_000);
    expect(wanToYuan(' 0.0001 ')).toBe(1);
    expect(wanToYuan('.5')).toBe(5_000);
  });

  it('gives null for blank or non-numeric input, so the API can name the field', () => {
    expect(wanToYuan('')).toBeNull();
    expect(wanToYuan('abc')).toBeNull();
    expect(wanToYuan('.')).toBeNull();
    expect(wanToYuan('1e5')).toBeNull();
  });
});

describe('percentages', () => {
  it('shows one decimal', () => {
    expect(formatPercent(19 / 29)).toBe('65.5%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercentRange(0.4731, 0.8012)).toBe('47.3%–80.1%');
  });
});

describe('dates', () => {
  it('gives the business date in China Standard Time', () => {
    expect(formatDate('2024-03-31T15:59:59.999Z')).toBe('2024-03-31');
    expect(formatDate('2024-03-31T16:00:00.000Z')).toBe('2024-04-01');
    expect(formatDate('2024-05-01T09:30:00+08:00')).toBe('2024-05-01');
    expect(formatDate('2024-05-01')).toBe('2024-05-01');
    expect(formatDate(undefined)).toBe('—');
  });

  it('gives date and minute for the timeline', () => {
    expect(formatDateTime('2024-03-31T16:05:00Z')).toBe('2024-04-01 00:05');
  });

  it('knows today in China even when it is still yesterday in UTC', () => {
    expect(todayInChina(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 365)).toBe('2025-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('quarterLabel', () => {
  it('labels quarters', () => {
    expect(quarterLabel('2024-03-31')).toBe('2024Q1');
    expect(quarterLabel('2024-12-31')).toBe('2024Q4');
  });
});
