import type { CooperationStage, DemandCategory, EnterpriseTier, MatchmakingKind } from '@luodi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, instantColumn, textColumn } from '../column-types';

/** One row per matchmaking event (恳谈会, 百场万企 对接会): lists and dashboard labels. */
@Entity({ name: 'matchmaking_events' })
export class MatchmakingEventRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('title'))
  title: string;

  @Column(textColumn('kind'))
  kind: MatchmakingKind;

  @Column(dateColumn('held_on', false))
  heldOn: string;

  @Column({ name: 'hosts', type: 'text', array: true })
  hosts: string[];

  @Column(textColumn('district', true))
  district: string | null;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column(bigintColumn('position'))
  position: number;
}

/** One row per published demand: the demand board and the dashboard's demand counts. */
@Entity({ name: 'demand_board' })
export class DemandBoardRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('publisher_id'))
  publisherId: string;

  @Column(textColumn('publisher_name'))
  publisherName: string;

  @Column(textColumn('category'))
  category: DemandCategory;

  @Column(textColumn('title'))
  title: string;

  @Column(textColumn('description', true))
  description: string | null;

  @Column(bigintColumn('budget_yuan', true))
  budgetYuan: number | null;

  @Column(dateColumn('deadline'))
  deadline: string | null;

  @Column(textColumn('event_id', true))
  eventId: string | null;

  /** Business time of publication. */
  @Column(instantColumn('published_at', false))
  publishedAt: string;

  /** When the store recorded it: the `knownAt` axis. */
  @Column(instantColumn('recorded_at', false))
  recordedAt: string;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column(bigintColumn('position'))
  position: number;
}

/** One stage of a cooperation, on both time axes. */
export interface CooperationFactStep {
  stage: CooperationStage;
  occurredAt: string;
  recordedAt: string;
  amountYuan?: number;
  note?: string;
}

/**
 * One row per cooperation with every stage on both time axes, so the dashboard as it stood (and
 * as it was known) at any time is one pass over this table; `stage` is the current one.
 */
@Entity({ name: 'cooperation_facts' })
export class CooperationFactsRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('demand_id'))
  demandId: string;

  @Column(textColumn('demand_title'))
  demandTitle: string;

  @Column(textColumn('publisher_id'))
  publisherId: string;

  @Column(textColumn('publisher_name'))
  publisherName: string;

  @Column(textColumn('category'))
  category: DemandCategory;

  @Column(textColumn('enterprise_id'))
  enterpriseId: string;

  @Column(textColumn('enterprise_name'))
  enterpriseName: string;

  @Column(textColumn('summary'))
  summary: string;

  @Column(textColumn('event_id', true))
  eventId: string | null;

  /** Department codes that follow it: their users see it. */
  @Column({ name: 'departments', type: 'text', array: true })
  departments: string[];

  @Column(textColumn('stage'))
  stage: CooperationStage;

  /** The proposal first. */
  @Column({ name: 'steps', type: 'jsonb' })
  steps: CooperationFactStep[];

  @Column(bigintColumn('signed_amount_yuan', true))
  signedAmountYuan: number | null;

  @Column(textColumn('project_id', true))
  projectId: string | null;

  @Column(instantColumn('proposed_at', false))
  proposedAt: string;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column(bigintColumn('position'))
  position: number;
}

export interface TierFactStep {
  tier: EnterpriseTier;
  /** null: the registered tier, held before any recorded change. */
  since: string | null;
  recordedAt: string;
}

/** One row per enterprise: its tier ladder on both time axes, for tier as of any date. */
@Entity({ name: 'enterprise_tiers' })
export class EnterpriseTiersRow {
  @PrimaryColumn({ name: 'enterprise_id', type: 'text' })
  enterpriseId: string;

  @Column(textColumn('district', true))
  district: string | null;

  /** Oldest first. */
  @Column({ name: 'steps', type: 'jsonb' })
  steps: TierFactStep[];
}
