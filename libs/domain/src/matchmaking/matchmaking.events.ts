import { DomainEvent } from '../kernel/decider';

/**
 * Matchmaking between chain leaders and SMEs: a matchmaking event (国企民企面对面恳谈会, 百场万企
 * 对接会, 政企交融汇), the demands large enterprises publish, and the cooperations SMEs propose
 * on them, followed stage by stage until signed and delivering, or dropped.
 */

export const MATCHMAKING_KINDS = ['soe-private', 'bai-chang-wan-qi', 'gov-enterprise', 'other'] as const;
export type MatchmakingKind = (typeof MATCHMAKING_KINDS)[number];

/** The twelve demand categories of the 百场万企 campaign; the labels are the web's (zh-CN). */
export const DEMAND_CATEGORIES = [
  'rnd', // 技术研发
  'procurement', // 采购订单
  'components', // 产品配套
  'tech-transfer', // 科研成果转化
  'digital', // 数字化赋能
  'resource-sharing', // 创新资源共享
  'green', // 绿色低碳发展
  'supply-chain-finance', // 供应链金融
  'talent', // 人才共享共用
  'quality', // 质量标准提升
  'space', // 空间载体服务
  'cross-border', // 跨境经贸合作
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

/**
 * A cooperation starts as an `intent` (the proposal) and moves forward; `delivering` follows
 * `signed`; `dropped` ends it at any stage before, with the reason in `note`.
 */
export const COOPERATION_STAGES = ['intent', 'negotiating', 'trial', 'signed', 'delivering', 'dropped'] as const;
export type CooperationStage = (typeof COOPERATION_STAGES)[number];

export type MatchmakingEventScheduled = DomainEvent<
  'MatchmakingEventScheduled',
  {
    eventId: string;
    title: string;
    kind: MatchmakingKind;
    heldOn: string;
    hosts?: string[];
    district?: string;
    occurredAt: string;
  }
>;

export type MatchmakingEventEvent = MatchmakingEventScheduled;

export type DemandPublished = DomainEvent<
  'DemandPublished',
  {
    demandId: string;
    /** The enterprise that needs it (a chain leader), with its name as registered then. */
    publisherId: string;
    publisherName: string;
    category: DemandCategory;
    title: string;
    description?: string;
    budgetYuan?: number;
    /** Business date (CST) by which the publisher wants it. */
    deadline?: string;
    /** The matchmaking event it was published at. */
    eventId?: string;
    occurredAt: string;
  }
>;

export type DemandEvent = DemandPublished;

/** Carries what the dashboards group by (publisher, category, event), copied from the demand. */
export type CooperationProposed = DomainEvent<
  'CooperationProposed',
  {
    cooperationId: string;
    demandId: string;
    demandTitle: string;
    publisherId: string;
    publisherName: string;
    category: DemandCategory;
    /** The proposing enterprise (usually an SME). */
    enterpriseId: string;
    enterpriseName: string;
    summary: string;
    /** Where it was proposed: the event given, else the demand's own. */
    eventId?: string;
    /** The departments that follow it. */
    departments?: string[];
    occurredAt: string;
  }
>;

export type CooperationStageChanged = DomainEvent<
  'CooperationStageChanged',
  { stage: Exclude<CooperationStage, 'intent'>; amountYuan?: number; note?: string; occurredAt: string }
>;

/** The signed cooperation became a project (which names this cooperation in its ProjectSubmitted). */
export type CooperationProjectLinked = DomainEvent<
  'CooperationProjectLinked',
  { projectId: string; occurredAt: string }
>;

export type CooperationEvent = CooperationProposed | CooperationStageChanged | CooperationProjectLinked;
