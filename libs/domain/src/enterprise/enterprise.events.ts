import { DomainEvent } from '../kernel/decider';

/** 专精特新 levels: municipal, provincial, national (national = 专精特新"小巨人"). */
export const ENTERPRISE_TIERS = ['none', 'municipal', 'provincial', 'national'] as const;
export type EnterpriseTier = (typeof ENTERPRISE_TIERS)[number];

export type EnterpriseRegistered = DomainEvent<
  'EnterpriseRegistered',
  { enterpriseId: string; name: string; creditCode?: string; district?: string; tier: EnterpriseTier; occurredAt: string }
>;

/** Carries only the fields the update set, e.g. the tier when the enterprise becomes a 小巨人. */
export type EnterpriseUpdated = DomainEvent<
  'EnterpriseUpdated',
  { name?: string; district?: string; tier?: EnterpriseTier; occurredAt: string }
>;

export type EnterpriseEvent = EnterpriseRegistered | EnterpriseUpdated;
