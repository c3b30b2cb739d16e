import { specFor } from '../kernel/decider.spec-helper';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { ChangeEnterpriseTier, RegisterEnterprise, UpdateEnterprise } from './enterprise.commands';
import { Enterprise, enterpriseDecider } from './enterprise.decider';
import { EnterpriseRegistered, EnterpriseTierChanged, EnterpriseUpdated } from './enterprise.events';

const spec = specFor(enterpriseDecider);

const NOW = '2024-06-01T04:00:00.000Z';
const REGISTERED_AT = '2024-01-15T02:00:00.000Z';
const CREDIT_CODE = '91370200163562681G';

const registerEnterprise = (data: Partial<RegisterEnterprise['data']> = {}, now = NOW): RegisterEnterprise => ({
  type: 'RegisterEnterprise',
  data: {
    enterpriseId: 'enterprise-1',
    name: '青岛海智装备有限公司',
    creditCode: CREDIT_CODE,
    district: 'Huangdao',
    tier: 'municipal',
    ...data,
  },
  metadata: { now },
});

const updateEnterprise = (data: Partial<UpdateEnterprise['data']> = {}, now = NOW): UpdateEnterprise => ({
  type: 'UpdateEnterprise',
  data: { tier: 'national', ...data },
  metadata: { now },
});

const enterpriseRegistered = (data: Partial<EnterpriseRegistered['data']> = {}): EnterpriseRegistered => ({
  type: 'EnterpriseRegistered',
  data: {
    enterpriseId: 'enterprise-1',
    name: '青岛海智装备有限公司',
    creditCode: CREDIT_CODE,
    district: 'Huangdao',
    tier: 'municipal',
    occurredAt: REGISTERED_AT,
    ...data,
  },
});

const enterpriseUpdated = (data: Partial<EnterpriseUpdated['data']> = {}): EnterpriseUpdated => ({
  type: 'EnterpriseUpdated',
  data: { tier: 'national', occurredAt: NOW, ...data },
});

const changeTier = (data: Partial<ChangeEnterpriseTier['data']> = {}, now = NOW): ChangeEnterpriseTier => ({
  type: 'ChangeEnterpriseTier',
  data: { tier: 'provincial', since: '2024-05-20', ...data },
  metadata: { now },
});

const tierChanged = (data: Partial<EnterpriseTierChanged['data']> = {}): EnterpriseTierChanged => ({
  type: 'EnterpriseTierChanged',
  data: { tier: 'provincial', since: '2024-05-20', occurredAt: NOW, ...data },
});

describe('enterprise decider', () => {
  describe('RegisterEnterprise', () => {
    it('on an empty stream registers the enterprise, dated now', () => {
      spec
        .given([])
        .when(registerEnterprise())
        .then([enterpriseRegistered({ occurredAt: NOW })]);
    });

    it('keeps a past occurredAt', () => {
      spec
        .given([])
        .when(registerEnterprise({ occurredAt: '2024-01-15T10:00:00+08:00' }))
        .then([enterpriseRegistered()]);
    });

    it('without credit code or district leaves them out', () => {
      const { creditCode: _c, district: _d, ...rest } = enterpriseRegistered({ occurredAt: NOW }).data;
      spec
        .given([])
        .when(registerEnterprise({ creditCode: undefined, district: ' ' }))
        .then([{ type: 'EnterpriseRegistered', data: rest }]);
    });

    it('stores the credit code in capitals', () => {
      spec
        .given([])
        .when(registerEnterprise({ creditCode: ' 91370200163562681g ' }))
        .then([enterpriseRegistered({ occurredAt: NOW })]);
    });

    it('on a stream that already holds an enterprise: ENTERPRISE_ALREADY_EXISTS', () => {
      spec
        .given([enterpriseRegistered()])
        .when(registerEnterprise())
        .thenThrows('conflict', 'ENTERPRISE_ALREADY_EXISTS');
    });

    it.each<[string, string, string, Partial<RegisterEnterprise['data']>]>([
      [
        'a credit code with a wrong check character',
        'INVALID_CREDIT_CODE',
        'creditCode',
        { creditCode: '91370200163562681H' },
      ],
      ['a credit code of 17 characters', 'INVALID_CREDIT_CODE', 'creditCode', { creditCode: '9137020016356268' }],
      ['a credit code with the letter O', 'INVALID_CREDIT_CODE', 'creditCode', { creditCode: '9137020O163562681G' }],
      ['a credit code that is not text', 'INVALID_TEXT', 'creditCode', { creditCode: 91370200 as never }],
      ['a blank name', 'TEXT_REQUIRED', 'name', { name: ' ' }],
      ['a name over the limit', 'INVALID_TEXT', 'name', { name: '企'.repeat(INPUT_LIMITS.enterprise.name + 1) }],
      ['a blank enterpriseId', 'TEXT_REQUIRED', 'enterpriseId', { enterpriseId: '' }],
      ['an unknown tier', 'INVALID_CHOICE', 'tier', { tier: 'gold' as never }],
      ['no tier', 'INVALID_CHOICE', 'tier', { tier: undefined }],
      [
        'an occurredAt in the future',
        'OCCURRED_AT_IN_FUTURE',
        'occurredAt',
        { occurredAt: '2024-06-02T00:00:00+08:00' },
      ],
      ['a malformed occurredAt', 'INVALID_OCCURRED_AT', 'occurredAt', { occurredAt: '2024-06-01' }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([]).when(registerEnterprise(data)).thenThrows('invalid', code, field);
    });
  });

  describe('UpdateEnterprise', () => {
    it('records the new tier, e.g. when the enterprise becomes a 小巨人', () => {
      spec.given([enterpriseRegistered()]).when(updateEnterprise()).then([enterpriseUpdated()]);
    });

    it('records every field it sets, trimmed', () => {
      spec
        .given([enterpriseRegistered()])
        .when(updateEnterprise({ name: ' 青岛海智科技股份有限公司 ', district: 'Laoshan', tier: 'provincial' }))
        .then([enterpriseUpdated({ name: '青岛海智科技股份有限公司', district: 'Laoshan', tier: 'provincial' })]);
    });

    it('that sets nothing: NOTHING_TO_UPDATE', () => {
      spec
        .given([enterpriseRegistered()])
        .when(updateEnterprise({ tier: undefined }))
        .thenThrows('invalid', 'NOTHING_TO_UPDATE');
    });

    it('on an empty stream: ENTERPRISE_NOT_FOUND', () => {
      spec.given([]).when(updateEnterprise()).thenThrows('not-found', 'ENTERPRISE_NOT_FOUND');
    });

    it.each<[string, string, string, Partial<UpdateEnterprise['data']>]>([
      ['a blank name', 'TEXT_REQUIRED', 'name', { name: '' }],
      [
        'a district over the limit',
        'INVALID_TEXT',
        'district',
        { district: 'x'.repeat(INPUT_LIMITS.enterprise.district + 1) },
      ],
      ['an unknown tier', 'INVALID_CHOICE', 'tier', { tier: 'A+' as never }],
      [
        'an occurredAt in the future',
        'OCCURRED_AT_IN_FUTURE',
        'occurredAt',
        { occurredAt: '2024-06-01T04:00:00.001Z' },
      ],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([enterpriseRegistered()]).when(updateEnterprise(data)).thenThrows('invalid', code, field);
    });

    it('dated before the previous event: OCCURRED_AT_BEFORE_PREVIOUS_EVENT', () => {
      spec
        .given([enterpriseRegistered()])
        .when(updateEnterprise({ occurredAt: '2024-01-15T01:59:59.999Z' }))
        .thenThrows('conflict', 'OCCURRED_AT_BEFORE_PREVIOUS_EVENT');
    });

    it('dated at the instant of the previous event is recorded', () => {
      spec
        .given([enterpriseRegistered()])
        .when(updateEnterprise({ occurredAt: REGISTERED_AT }))
        .then([enterpriseUpdated({ occurredAt: REGISTERED_AT })]);
    });
  });

  describe('ChangeEnterpriseTier (the 专精特新 ladder)', () => {
    it('records the new tier and the day it is held from, which may lie in the past', () => {
      spec.given([enterpriseRegistered()]).when(changeTier()).then([tierChanged()]);
    });

    it('dated today (CST) is recorded', () => {
      // 04:00 UTC is noon in Qingdao on 2024-06-01.
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ since: '2024-06-01' }))
        .then([tierChanged({ since: '2024-06-01' })]);
    });

    it('keeps the evidence files, trimmed', () => {
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ evidenceFileIds: [' file-1 ', 'file-2'] }))
        .then([tierChanged({ evidenceFileIds: ['file-1', 'file-2'] })]);
    });

    it('may step down, when a recognition lapses', () => {
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ tier: 'none' }))
        .then([tierChanged({ tier: 'none' })]);
    });

    it('dated tomorrow (CST): TIER_SINCE_IN_FUTURE', () => {
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ since: '2024-06-02' }))
        .thenThrows('invalid', 'TIER_SINCE_IN_FUTURE', 'since');
    });

    it('may be dated before the registration: the registered tier held until then', () => {
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ since: '2021-09-01' }))
        .then([tierChanged({ since: '2021-09-01' })]);
    });

    it('dated before the previous step of the ladder: TIER_SINCE_BEFORE_PREVIOUS', () => {
      spec
        .given([enterpriseRegistered(), tierChanged({ since: '2024-03-01' })])
        .when(changeTier({ tier: 'national', since: '2024-02-29' }))
        .thenThrows('conflict', 'TIER_SINCE_BEFORE_PREVIOUS');
    });

    it('to the tier it already holds: TIER_UNCHANGED', () => {
      spec
        .given([enterpriseRegistered()])
        .when(changeTier({ tier: 'municipal' }))
        .thenThrows('conflict', 'TIER_UNCHANGED');
    });

    it('on an empty stream: ENTERPRISE_NOT_FOUND', () => {
      spec.given([]).when(changeTier()).thenThrows('not-found', 'ENTERPRISE_NOT_FOUND');
    });

    it.each<[string, string, string, Partial<ChangeEnterpriseTier['data']>]>([
      ['an unknown tier', 'INVALID_CHOICE', 'tier', { tier: 'gold' as never }],
      ['an impossible date', 'INVALID_DATE', 'since', { since: '2024-02-30' }],
      ['a blank evidence file id', 'TEXT_REQUIRED', 'evidenceFileIds[1]', { evidenceFileIds: ['file-1', ' '] }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([enterpriseRegistered()]).when(changeTier(data)).thenThrows('invalid', code, field);
    });
  });

  describe('state (evolve)', () => {
    it('is null before registration', () => {
      expect(spec.given([]).state()).toBeNull();
    });

    it('after registration holds the enterprise', () => {
      expect(spec.given([enterpriseRegistered()]).state()).toEqual<Enterprise>({
        id: 'enterprise-1',
        name: '青岛海智装备有限公司',
        creditCode: CREDIT_CODE,
        district: 'Huangdao',
        tier: 'municipal',
        tierHistory: [{ tier: 'municipal', since: null }],
        registeredAt: REGISTERED_AT,
        lastOccurredAt: REGISTERED_AT,
      });
    });

    it('leaves an absent credit code and district null', () => {
      const { creditCode: _c, district: _d, ...data } = enterpriseRegistered().data;
      expect(spec.given([{ type: 'EnterpriseRegistered', data }]).state()).toMatchObject({
        creditCode: null,
        district: null,
      });
    });

    it('an update changes only the fields it carries', () => {
      expect(spec.given([enterpriseRegistered(), enterpriseUpdated()]).state()).toEqual<Enterprise>({
        id: 'enterprise-1',
        name: '青岛海智装备有限公司',
        creditCode: CREDIT_CODE,
        district: 'Huangdao',
        tier: 'national',
        tierHistory: [
          { tier: 'municipal', since: null },
          { tier: 'national', since: '2024-06-01' },
        ],
        registeredAt: REGISTERED_AT,
        lastOccurredAt: NOW,
      });
    });

    it('an update that leaves the tier as it is adds no step to the ladder', () => {
      expect(
        spec.given([enterpriseRegistered(), enterpriseUpdated({ tier: 'municipal' })]).state()?.tierHistory,
      ).toEqual([{ tier: 'municipal', since: null }]);
    });

    it('a tier change moves the enterprise up the ladder and keeps the steps before', () => {
      const state = spec
        .given([
          enterpriseRegistered(),
          tierChanged({ tier: 'provincial', since: '2024-03-01' }),
          tierChanged({ tier: 'national', since: '2024-05-20' }),
        ])
        .state();
      expect(state).toMatchObject({
        tier: 'national',
        tierHistory: [
          { tier: 'municipal', since: null },
          { tier: 'provincial', since: '2024-03-01' },
          { tier: 'national', since: '2024-05-20' },
        ],
        lastOccurredAt: NOW,
      });
    });

    it('refuses an update before registration: the stream is corrupt', () => {
      expect(() => enterpriseDecider.evolve(null, enterpriseUpdated())).toThrow('no EnterpriseRegistered event');
    });
  });
});
