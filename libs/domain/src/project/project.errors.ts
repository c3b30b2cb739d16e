import { conflict, DomainError, forbidden, invalid, notFound } from '../kernel/domain.error';
import { INPUT_LIMITS } from '../kernel/input-limits';
import type { OpenItem } from './project.events';

/**
 * The rules a project command can break. A closed project (rejected, landed, withdrawn) answers
 * PROJECT_CLOSED unless a more telling code exists (PROJECT_ALREADY_DECIDED for a review after the
 * verdict, PROJECT_ALREADY_LANDED for landing twice).
 */
export const ProjectErrorCode = {
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  PROJECT_ALREADY_EXISTS: 'PROJECT_ALREADY_EXISTS',
  ENTERPRISE_NOT_FOUND: 'ENTERPRISE_NOT_FOUND',
  CONFERENCE_NOT_FOUND: 'CONFERENCE_NOT_FOUND',
  INVALID_SCORE: 'INVALID_SCORE',
  NOTHING_TO_REVISE: 'NOTHING_TO_REVISE',
  PROJECT_ALREADY_DECIDED: 'PROJECT_ALREADY_DECIDED',
  PROJECT_CLOSED: 'PROJECT_CLOSED',
  PROJECT_NOT_IN_LIBRARY: 'PROJECT_NOT_IN_LIBRARY',
  PROJECT_ALREADY_PRESENTED: 'PROJECT_ALREADY_PRESENTED',
  PROJECT_NOT_PRESENTED: 'PROJECT_NOT_PRESENTED',
  UNKNOWN_DEPARTMENT: 'UNKNOWN_DEPARTMENT',
  DUPLICATE_DEPARTMENT: 'DUPLICATE_DEPARTMENT',
  LEAD_ALSO_SUPPORTING: 'LEAD_ALSO_SUPPORTING',
  MILESTONE_REQUIRED: 'MILESTONE_REQUIRED',
  PROJECT_NOT_ASSIGNED: 'PROJECT_NOT_ASSIGNED',
  MILESTONE_NOT_FOUND: 'MILESTONE_NOT_FOUND',
  MILESTONE_REQUIRED_FOR_DONE: 'MILESTONE_REQUIRED_FOR_DONE',
  MILESTONE_ALREADY_DONE: 'MILESTONE_ALREADY_DONE',
  NOT_YOUR_ASSIGNMENT: 'NOT_YOUR_ASSIGNMENT',
  NOT_YOUR_PROJECT: 'NOT_YOUR_PROJECT',
  NEED_NOT_FOUND: 'NEED_NOT_FOUND',
  NEED_ALREADY_RESOLVED: 'NEED_ALREADY_RESOLVED',
  PROJECT_HAS_NO_LANDING_PLAN: 'PROJECT_HAS_NO_LANDING_PLAN',
  PROJECT_ALREADY_LANDED: 'PROJECT_ALREADY_LANDED',
  LANDED_ON_IN_FUTURE: 'LANDED_ON_IN_FUTURE',
  LANDED_ON_BEFORE_PREVIOUS_EVENT: 'LANDED_ON_BEFORE_PREVIOUS_EVENT',
  PRESENTATION_BEFORE_CONFERENCE: 'PRESENTATION_BEFORE_CONFERENCE',
  LANDING_HAS_OPEN_ITEMS: 'LANDING_HAS_OPEN_ITEMS',
  PROJECT_NOT_LANDED: 'PROJECT_NOT_LANDED',
  CORRECTION_NEEDS_ONE_CHANGE: 'CORRECTION_NEEDS_ONE_CHANGE',
  LANDING_UNCHANGED: 'LANDING_UNCHANGED',
  NEED_NOT_RESOLVED: 'NEED_NOT_RESOLVED',
} as const;
export type ProjectErrorCode = (typeof ProjectErrorCode)[keyof typeof ProjectErrorCode];

const C = ProjectErrorCode;

const closedBecause = { rejected: 'was rejected in review', landed: 'has landed', withdrawn: 'was withdrawn' } as const;

export const projectErrors = {
  notFound: (): DomainError => notFound(C.PROJECT_NOT_FOUND, 'There is no project with this id.'),
  alreadyExists: (): DomainError => conflict(C.PROJECT_ALREADY_EXISTS, 'A project with this id already exists.'),
  enterpriseNotFound: (): DomainError =>
    invalid(
      C.ENTERPRISE_NOT_FOUND,
      'There is no enterprise with this id; register the enterprise first.',
      'enterpriseId',
    ),
  conferenceNotFound: (): DomainError =>
    invalid(C.CONFERENCE_NOT_FOUND, 'There is no conference with this id.', 'conferenceId'),
  invalidScore: (field: string): DomainError =>
    invalid(
      C.INVALID_SCORE,
      `Score "${field}" must be a whole number from 0 to ${INPUT_LIMITS.project.scoreMax}.`,
      field,
    ),
  nothingToRevise: (): DomainError =>
    invalid(
      C.NOTHING_TO_REVISE,
      'A revision must change at least one of title, summary, industryChain, district, investmentYuan or needs.',
    ),
  alreadyDecided: (status: string): DomainError =>
    conflict(
      C.PROJECT_ALREADY_DECIDED,
      `The review decision on this project is final (it is ${status}); it can no longer be reviewed or revised.`,
    ),
  closed: (status: keyof typeof closedBecause): DomainError =>
    conflict(
      C.PROJECT_CLOSED,
      `This project ${closedBecause[status]} and is closed; nothing more can be recorded on it.`,
    ),
  notInLibrary: (): DomainError =>
    conflict(
      C.PROJECT_NOT_IN_LIBRARY,
      'This project has not been approved in review, so it is not in the key-project library yet.',
    ),
  alreadyPresented: (): DomainError =>
    conflict(C.PROJECT_ALREADY_PRESENTED, 'This project has already been presented at a conference.'),
  notPresented: (): DomainError =>
    conflict(
      C.PROJECT_NOT_PRESENTED,
      'A landing plan can only be assigned once the project has been presented at a conference.',
    ),
  unknownDepartment: (code: string, field: string): DomainError =>
    invalid(C.UNKNOWN_DEPARTMENT, `There is no department with the code "${code}".`, field),
  duplicateDepartment: (code: string, field: string): DomainError =>
    invalid(C.DUPLICATE_DEPARTMENT, `The department "${code}" is listed more than once.`, field),
  leadAlsoSupporting: (code: string, field: string): DomainError =>
    invalid(
      C.LEAD_ALSO_SUPPORTING,
      `The department "${code}" leads the project, so it cannot also be a supporting department.`,
      field,
    ),
  milestoneRequired: (): DomainError =>
    invalid(C.MILESTONE_REQUIRED, 'A landing plan needs at least one milestone.', 'milestones'),
  notAssigned: (): DomainError =>
    conflict(C.PROJECT_NOT_ASSIGNED, 'Progress can only be reported once the project has a landing plan.'),
  milestoneNotFound: (milestoneId: string): DomainError =>
    invalid(C.MILESTONE_NOT_FOUND, `The current landing plan has no milestone "${milestoneId}".`, 'milestoneId'),
  milestoneRequiredForDone: (): DomainError =>
    invalid(C.MILESTONE_REQUIRED_FOR_DONE, 'Name the milestone that is done.', 'milestoneId'),
  milestoneAlreadyDone: (milestoneId: string): DomainError =>
    conflict(C.MILESTONE_ALREADY_DONE, `The milestone "${milestoneId}" is already done.`),
  notYourAssignment: (): DomainError =>
    forbidden(
      C.NOT_YOUR_ASSIGNMENT,
      'Department users may only report progress on their own department’s assignments.',
    ),
  notYourProject: (): DomainError =>
    forbidden(
      C.NOT_YOUR_PROJECT,
      'Department users can only see and work on projects their department is assigned to.',
    ),
  needNotFound: (needId: string): DomainError =>
    invalid(C.NEED_NOT_FOUND, `This project has no need "${needId}".`, 'needId'),
  needAlreadyResolved: (needId: string): DomainError =>
    conflict(C.NEED_ALREADY_RESOLVED, `The need "${needId}" has already been resolved.`),
  hasNoLandingPlan: (): DomainError =>
    conflict(C.PROJECT_HAS_NO_LANDING_PLAN, 'A project can only land once it has a landing plan.'),
  alreadyLanded: (): DomainError => conflict(C.PROJECT_ALREADY_LANDED, 'This project has already landed.'),
  landedOnInFuture: (today: string): DomainError =>
    invalid(
      C.LANDED_ON_IN_FUTURE,
      `The landing date lies after today (${today}); only a landing that has happened can be recorded.`,
      'landedOn',
    ),
  landedOnBeforePreviousEvent: (previousDate: string): DomainError =>
    conflict(
      C.LANDED_ON_BEFORE_PREVIOUS_EVENT,
      `The landing date lies before the project's previous recorded event (${previousDate}); events must be recorded in the order they happened.`,
    ),
  presentationBeforeConference: (heldOn: string): DomainError =>
    conflict(
      C.PRESENTATION_BEFORE_CONFERENCE,
      `The presentation is dated before the conference was held (${heldOn}); a project can only be presented at a conference that has taken place.`,
    ),
  landingHasOpenItems: (openItems: OpenItem[]): DomainError =>
    conflict(
      C.LANDING_HAS_OPEN_ITEMS,
      `This project still has ${openItems.length} open item(s) (milestones not done, needs not resolved); complete them, or confirm them with "confirmOpenItems": true.`,
      { openItems },
    ),
  notLanded: (): DomainError =>
    conflict(C.PROJECT_NOT_LANDED, 'This project has not landed, so there is no landing to correct.'),
  correctionNeedsOneChange: (): DomainError =>
    invalid(
      C.CORRECTION_NEEDS_ONE_CHANGE,
      'Send exactly one of "landedOn" (the right landing date) or "revoke": true (it has not landed).',
      'landedOn',
    ),
  landingUnchanged: (landedOn: string): DomainError =>
    conflict(C.LANDING_UNCHANGED, `The project is already recorded as landed on ${landedOn}.`),
  needNotResolved: (needId: string): DomainError =>
    conflict(C.NEED_NOT_RESOLVED, `The need "${needId}" is not resolved, so there is nothing to follow up yet.`),
};
