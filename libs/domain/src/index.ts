export * from './kernel/decider';
export * from './kernel/domain.error';
export * from './kernel/business-time';
export { hasVisibleText, ValidationErrorCode } from './kernel/validation';
export * from './kernel/user-role';
export * from './kernel/stream-ids';
export * from './kernel/input-limits';

export * from './project/project.events';
export * from './project/project.commands';
export * from './project/project.errors';
export type {
  Project,
  ProjectMilestone,
  ProjectNeed,
  ProjectPlan,
  ProjectReview,
  ProjectState,
  ProjectStatus,
  SupervisionNotice,
} from './project/project.state';
export * from './project/supervision.errors';
export {
  type ItemWarning,
  evolveNotice,
  ladderNoticesOf,
  ladderOfProject,
  needDueOn,
  NOTICE_TEXT_MAX,
  openSupervisedItems,
  schedulerNoticeId,
  type SupervisedItem,
} from './project/project.supervision';
export * from './supervision/warning-ladder';
export * from './project/project.access';
export { openNeed, planFrom, reopenedNeed, revisedNeeds } from './project/project.evolve';
export * from './project/project.decider';

export * from './enterprise/enterprise.events';
export * from './enterprise/enterprise.commands';
export * from './enterprise/enterprise.errors';
export * from './enterprise/enterprise.decider';
export * from './enterprise/unified-social-credit-code';

export * from './conference/conference.events';
export * from './conference/conference.commands';
export * from './conference/conference.errors';
export * from './conference/conference.decider';

export * from './matchmaking/matchmaking.events';
export * from './matchmaking/matchmaking.commands';
export * from './matchmaking/matchmaking.errors';
export * from './matchmaking/matchmaking-event.decider';
export * from './matchmaking/demand.decider';
export * from './matchmaking/cooperation.decider';
export * from './supervision/supervision-settings.decider';

export * from './notification/notification.rules';

export * from './reference/industry-chain.decider';
