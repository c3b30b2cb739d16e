import { conferenceList } from './conference-list/conference-list.projection';
import { departmentAssignments } from './department-assignments/department-assignment.projection';
import { enterpriseList } from './enterprise-list/enterprise-list.projection';
import {
  cooperationFacts,
  demandBoard,
  enterpriseTiers,
  matchmakingEvents,
} from './matchmaking/matchmaking.projection';
import { notificationNotices, notifications } from './notifications/notification.projection';
import { projectDossier } from './project-dossier/project-dossier.projection';
import { projectCohort } from './project-facts/project-cohort.projection';
import { projectFacts } from './project-facts/project-facts.projection';
import { projectListDepartments } from './project-list/project-list-departments.projection';
import { projectList } from './project-list/project-list.projection';
import { projectWorkFacts } from './project-work-facts/project-work-facts.projection';
import {
  workFollowUps,
  workLeads,
  workMilestoneSpells,
  workNeeds,
  workNotices,
} from './project-work-facts/work-items.projection';
import { ReadModel } from './projector/projection';
import { supervisionNotices } from './supervision-notices/supervision-notice.projection';

/**
 * Every read model, once: the projector and the rebuild write these (in this order; a derived
 * one after its sources), the service's data source takes their entities and migrations, the
 * metrics label by their names and the tests snapshot their tables. A new read model is one line here.
 */
export const readModels: readonly ReadModel[] = [
  projectList,
  projectListDepartments,
  projectDossier,
  projectFacts,
  projectCohort,
  departmentAssignments,
  enterpriseList,
  conferenceList,
  matchmakingEvents,
  demandBoard,
  cooperationFacts,
  enterpriseTiers,
  projectWorkFacts,
  workMilestoneSpells,
  workNeeds,
  workLeads,
  workNotices,
  workFollowUps,
  supervisionNotices,
  notificationNotices,
  notifications,
];

/** TypeORM entities of the read models: the one description of each row (see row-table.ts). */
export const readModelEntities: Function[] = readModels.map((model) => model.entity);
