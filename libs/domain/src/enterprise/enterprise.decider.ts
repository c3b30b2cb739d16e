import { assertNotBeforePrevious, businessDate, resolveOccurredAt } from '../kernel/business-time';
import { Decider } from '../kernel/decider';
import { INPUT_LIMITS } from '../kernel/input-limits';
import {
  calendarDate,
  oneOf,
  optionalList,
  optionalOneOf,
  optionalText,
  requiredText,
  withoutUndefined,
} from '../kernel/validation';
import { ChangeEnterpriseTier, EnterpriseCommand, RegisterEnterprise, UpdateEnterprise } from './enterprise.commands';
import { enterpriseErrors } from './enterprise.errors';
import { ENTERPRISE_TIERS, EnterpriseEvent, EnterpriseTier } from './enterprise.events';
import { isValidUnifiedSocialCreditCode } from './unified-social-credit-code';

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string | null;
  district: string | null;
  tier: EnterpriseTier;
  /**
   * Every tier held, oldest first: `since` is the business date (CST) it was held from; null for
   * the tier given at registration, which holds before any recorded change.
   */
  tierHistory: TierStep[];
  registeredAt: string;
  /** Business time of the latest event: no later event may claim an earlier time. */
  lastOccurredAt: string;
}

export interface TierStep {
  tier: EnterpriseTier;
  since: string | null;
}

/** null: nothing has been registered on this stream. */
export type EnterpriseState = Enterprise | null;

function decide(command: EnterpriseCommand, state: EnterpriseState): EnterpriseEvent[] {
  switch (command.type) {
    case 'RegisterEnterprise':
      return register(command, state);
    case 'UpdateEnterprise':
      return update(command, state);
    case 'ChangeEnterpriseTier':
      return changeTier(command, state);
  }
}

function register({ data, metadata }: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  if (state !== null) throw enterpriseErrors.alreadyExists();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  return [
    {
      type: 'EnterpriseRegistered',
      data: withoutUndefined({
        enterpriseId: requiredText(data.enterpriseId, 'enterpriseId'),
        name: requiredText(data.name, 'name', INPUT_LIMITS.enterprise.name),
        creditCode: creditCodeOf(data.creditCode),
        district: optionalText(data.district, 'district', INPUT_LIMITS.enterprise.district),
        tier: oneOf(data.tier, ENTERPRISE_TIERS, 'tier'),
        occurredAt,
      }),
    },
  ];
}

function update({ data, metadata }: UpdateEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  if (state === null) throw enterpriseErrors.notFound();
  const occurredAt = resolveOccurredAt(data.occurredAt, metadata.now);
  const changes = withoutUndefined({
    name: data.name === undefined ? undefined : requiredText(data.name, 'name', INPUT_LIMITS.enterprise.name),
    district: optionalText(data.district, 'district', INPUT_LIMITS.enterprise.district),
    tier: optionalOneOf(data.tier, ENTERPRISE_TIERS, 'tier'),
  });
  if (Object.keys(changes).length === 0) throw enterpriseErrors.nothingToUpdate();
  assertNotBeforePrevious(occurredAt, state.lastOccurredAt);
  return [{ type: 'EnterpriseUpdated', data: { ...changes, occurredAt } }];
}

function changeTier({ data, metadata }: ChangeEnterpriseTier, state: EnterpriseState): EnterpriseEvent[] {
  if (state === null) throw enterpriseErrors.notFound();
  const tier = oneOf(data.tier, ENTERPRISE_TIERS, 'tier');
  const since = calendarDate(data.since, 'since');
  const evidenceFileIds = optionalList(
    data.evidenceFileIds,
    'evidenceFileIds',
    INPUT_LIMITS.enterprise.evidenceFileIds,
  )?.map((id, i) => requiredText(id, `evidenceFileIds[${i}]`));
  const occurredAt = resolveOccurredAt(undefined, metadata.now);
  if (since > businessDate(occurredAt)) throw enterpriseErrors.tierSinceInFuture();
  const previous = state.tierHistory[state.tierHistory.length - 1].since;
  if (previous !== null && since < previous) throw enterpriseErrors.tierSinceBeforePrevious(previous);
  if (tier === state.tier) throw enterpriseErrors.tierUnchanged(tier);
  return [
    {
      type: 'EnterpriseTierChanged',
      data: withoutUndefined({
        tier,
        since,
        evidenceFileIds: evidenceFileIds?.length ? evidenceFileIds : undefined,
        occurredAt,
      }),
    },
  ];
}

/** Stored in capitals, as printed on the business licence; people often type it in lower case. */
function creditCodeOf(value: unknown): string | undefined {
  const code = optionalText(value, 'creditCode')?.toUpperCase();
  if (code !== undefined && !isValidUnifiedSocialCreditCode(code)) throw enterpriseErrors.invalidCreditCode();
  return code;
}

function evolve(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  if (event.type === 'EnterpriseRegistered') {
    const { data } = event;
    return {
      id: data.enterpriseId,
      name: data.name,
      creditCode: data.creditCode ?? null,
      district: data.district ?? null,
      tier: data.tier,
      tierHistory: [{ tier: data.tier, since: null }],
      registeredAt: data.occurredAt,
      lastOccurredAt: data.occurredAt,
    };
  }
  // A stored stream always starts with EnterpriseRegistered; anything else means it is corrupt.
  if (state === null)
    throw new Error(`${event.type} cannot apply to an enterprise stream that has no EnterpriseRegistered event.`);
  if (event.type === 'EnterpriseTierChanged') {
    const { tier, since, occurredAt } = event.data;
    return { ...state, tier, tierHistory: [...state.tierHistory, { tier, since }], lastOccurredAt: occurredAt };
  }
  const { occurredAt, ...changes } = event.data;
  // A tier set by an update (before tier changes had their own command) is held from that day.
  const tierHistory =
    changes.tier !== undefined && changes.tier !== state.tier
      ? [...state.tierHistory, { tier: changes.tier, since: businessDate(occurredAt) }]
      : state.tierHistory;
  return { ...state, ...changes, tierHistory, lastOccurredAt: occurredAt };
}

export const enterpriseDecider: Decider<EnterpriseState, EnterpriseCommand, EnterpriseEvent> = {
  decide,
  evolve,
  initialState: () => null,
};
