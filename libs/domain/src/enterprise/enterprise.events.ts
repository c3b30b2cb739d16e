import { DomainEvent } from '../kernel/decider';

/** 专精特新 levels: municipal, provincial, national (national = 专精特新"小巨人"). */
export const ENTERPRISE_TIERS = ['none', 'municipal', 'provincial', 'national'] as const;
export type EnterpriseTier = (typeof ENTERPRISE_TIERS)[number];

export type EnterpriseRegistered = DomainEvent<
  'EnterpriseRegistered',
  {
    enterpriseId: string;
    name: string;
    creditCode?: string;
    district?: string;
    tier: EnterpriseTier;
    occurredAt: string;
  }
>;

/** Carries only the fields the update set, e.g. the tier when the enterprise becomes a 小巨人. */
export type EnterpriseUpdated = DomainEvent<
  'EnterpriseUpdated',
  { name?: string; district?: string; tier?: EnterpriseTier; occurredAt: string }
>;

/**
 * One step on the cultivation ladder (小微 → 专精特新 municipal → provincial → national 小巨人, or
 * back when a recognition lapses): the tier held `since` that business date. The history is the
 * enterprise's stream; `occurredAt` is when it was recorded, `since` may lie before it.
 */
export type EnterpriseTierChanged = DomainEvent<
  'EnterpriseTierChanged',
  { tier: EnterpriseTier; since: string; evidenceFileIds?: string[]; occurredAt: string }
>;

export type EnterpriseEvent = EnterpriseRegistered | EnterpriseUpdated | EnterpriseTierChanged;
