import { ConferenceListRow } from './conference-list/conference-list.entity';
import { DepartmentAssignmentRow } from './department-assignments/department-assignment.entity';
import { EnterpriseListRow } from './enterprise-list/enterprise-list.entity';
import { ProjectDossierRow } from './project-dossier/project-dossier.entity';
import { ProjectCohortRow } from './project-facts/project-cohort.entity';
import { ProjectFactsRow } from './project-facts/project-facts.entity';
import { ProjectListRow } from './project-list/project-list.entity';
import { ProjectWorkFactsRow } from './project-work-facts/project-work-facts.entity';
import {
  CooperationFactsRow,
  DemandBoardRow,
  EnterpriseTiersRow,
  MatchmakingEventRow,
} from './matchmaking/matchmaking.entity';

export { readModelEntities, readModels } from './registry';
export type { DerivedProjection, FeedProjection, ReadModel, RowProjection, Target } from './projector/projection';
export { readModelMigrations, readModelTableMigrations } from './migrations';

export * from './paging';
export * from './projection-event';
export {
  ProjectListRow,
  ProjectDossierRow,
  DepartmentAssignmentRow,
  ProjectFactsRow,
  ProjectCohortRow,
  ProjectWorkFactsRow,
  EnterpriseListRow,
  ConferenceListRow,
};
export { MatchmakingEventRow, DemandBoardRow, CooperationFactsRow, EnterpriseTiersRow };
export type { CooperationFactStep, TierFactStep } from './matchmaking/matchmaking.entity';
export * from './matchmaking/matchmaking.projection';
export * from './matchmaking/matchmaking.query';
export type {
  DossierLanding,
  DossierMilestone,
  DossierNeed,
  DossierPlan,
  DossierWithdrawal,
} from './project-dossier/project-dossier.entity';

export { evolveProjectList, projectList } from './project-list/project-list.projection';
export { evolveProjectDossier, projectDossier } from './project-dossier/project-dossier.projection';
export {
  departmentAssignmentsOf,
  departmentAssignments,
} from './department-assignments/department-assignment.projection';
export { evolveProjectFacts, projectFacts } from './project-facts/project-facts.projection';
export { projectCohort, projectCohortRow } from './project-facts/project-cohort.projection';
export { evolveProjectWorkFacts, projectWorkFacts } from './project-work-facts/project-work-facts.projection';
export {
  workFollowUps,
  workLeads,
  workMilestoneSpells,
  workNeeds,
  workNotices,
} from './project-work-facts/work-items.projection';
export type {
  LeadSpell,
  MilestoneFact,
  MilestoneSpell,
  NeedFact,
} from './project-work-facts/project-work-facts.entity';
export { evolveEnterpriseList, enterpriseList } from './enterprise-list/enterprise-list.projection';
export { evolveConferenceList, conferenceList } from './conference-list/conference-list.projection';

export * from './project-list/project-list.query';
export * from './project-list/project-ledger.query';
export * from './department-assignments/department-assignments.query';
export * from './enterprise-list/enterprise-list.query';
export * from './conference-list/conference-list.query';
export * from './project-facts/dashboard.query';
export * from './project-work-facts/project-work-facts.query';
export * from './project-work-facts/department-tallies.query';
export { SupervisionNoticeRow } from './supervision-notices/supervision-notice.entity';
export { evolveSupervisionNotice, supervisionNotices } from './supervision-notices/supervision-notice.projection';
export * from './supervision-notices/supervision-notices.query';
export { NotificationNoticeRow, NotificationRow } from './notifications/notification.entity';
export { notificationNotices, notifications } from './notifications/notification.projection';
export * from './notifications/notifications.query';

export * from './projector/checkpoints';
export * from './projector/read-model-writer';
export * from './projector/projector';
export * from './projector/rebuild';
export * from './projector/projection-status';
export * from './supervision-notices/milestone-ladder.query';
