import { dictionaries, getLang, setLang, translate, translateCode } from './i18n';

describe('dictionaries', () => {
  const zh = dictionaries['zh-CN'];
  const en = dictionaries.en;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(zh[key]) });
    }
  });

  it('leave no message empty', () => {
    for (const dictionary of [zh, en]) {
      for (const [key, text] of Object.entries(dictionary))
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('name every project status, need kind, verdict and event type of the API', () => {
    const codes = {
      status: ['submitted', 'approved', 'rejected', 'presented', 'assigned', 'landed', 'withdrawn'],
      need: ['land', 'talent', 'financing', 'orders', 'policy', 'other'],
      verdict: ['approved', 'rejected', 'revise'],
      role: ['admin', 'taskforce', 'reviewer', 'department', 'leader'],
      event: [
        'ProjectSubmitted',
        'ProjectReviewed',
        'SubmissionRevised',
        'ProjectPresented',
        'LandingPlanAssigned',
        'LandingPlanRevised',
        'ProgressReported',
        'MilestoneCompleted',
        'NeedResolved',
        'ProjectLanded',
        'ProjectWithdrawn',
        'LandingCorrected',
        'LandingRevoked',
        'NeedFollowedUp',
        'NeedReopened',
      ],
    };
    for (const [prefix, values] of Object.entries(codes)) {
      for (const value of values) expect(`${prefix}.${value}` in zh).toBe(true);
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'pager.info', { page: 2, pages: 5, total: 93 })).toBe('第 2 / 5 页，共 93 条');
    expect(translate('en', 'pager.info', { page: 2, pages: 5, total: 93 })).toBe('Page 2 of 5, 93 in total');
  });

  it('leaves a placeholder without a value visible rather than dropping it', () => {
    expect(translate('en', 'kpi.withdrawn', {})).toBe('Withdrawn: {n}');
  });

  it('translates codes from the API and passes unknown ones through', () => {
    expect(translateCode('zh-CN', 'status', 'landed')).toBe('已落地');
    expect(translateCode('en', 'status', 'landed')).toBe('Landed');
    expect(translateCode('zh-CN', 'status', 'archived')).toBe('archived');
    expect(translateCode('zh-CN', 'event', 'SomethingNew')).toBe('SomethingNew');
  });
});

describe('language choice', () => {
  it('defaults to zh-CN and switches (without storage in Node)', () => {
    expect(getLang()).toBe('zh-CN');
    setLang('en');
    expect(getLang()).toBe('en');
    setLang('zh-CN');
    expect(getLang()).toBe('zh-CN');
  });
});

describe('language persistence', () => {
  const store = new Map<string, string>();
  const fakeStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  };

  beforeEach(() => {
    store.clear();
    (globalThis as { localStorage?: unknown }).localStorage = fakeStorage;
  });

  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('starts from the stored choice and stores a new one', () => {
    store.set('luodi.lang', 'en');
    jest.isolateModules(() => {
      const fresh = jest.requireActual<typeof import('./i18n')>('./i18n');
      expect(fresh.getLang()).toBe('en');
      fresh.setLang('zh-CN');
    });
    expect(store.get('luodi.lang')).toBe('zh-CN');
  });

  it('ignores a stored value it does not know', () => {
    store.set('luodi.lang', 'fr');
    jest.isolateModules(() => {
      expect(jest.requireActual<typeof import('./i18n')>('./i18n').getLang()).toBe('zh-CN');
    });
  });
});
