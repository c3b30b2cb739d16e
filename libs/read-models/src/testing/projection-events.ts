import { conferenceStream, enterpriseStream, projectStream } from '@luodi/domain';
import type { ConferenceEvent, EnterpriseEvent, ProjectEvent } from '@luodi/domain';
import { ProjectionEvent } from '../projection-event';

type DomainEvent = ProjectEvent | EnterpriseEvent | ConferenceEvent;

/**
 * Domain events as the store would record them on one stream: stream positions from 1, global
 * positions from `firstPosition`, each recorded when it happened (for the projection specs).
 */
export function recorded(streamId: string, events: DomainEvent[], firstPosition = 1): ProjectionEvent[] {
  return events.map(
    (event, i) =>
      ({
        ...event,
        streamId,
        streamPosition: i + 1,
        globalPosition: firstPosition + i,
        recordedAt: occurredAtOf(event),
      }) as ProjectionEvent,
  );
}

/** The same event recorded at another time (a late report). */
export const recordedLate = (event: ProjectionEvent, recordedAt: string): ProjectionEvent => ({ ...event, recordedAt });

const occurredAtOf = (event: DomainEvent): string =>
  'occurredAt' in event.data && typeof event.data.occurredAt === 'string'
    ? event.data.occurredAt
    : '2024-01-01T00:00:00.000Z';

export const ENTERPRISE_ID = '0b7e6f52-5a43-4d55-9d3c-6f0b3c1c7a01';
export const PROJECT_ID = '6a1f2c3d-4b5e-4f60-8a7b-9c0d1e2f3a4b';
export const CONFERENCE_ID = 'c0f3e1a2-7b6d-4c5e-9f80-a1b2c3d4e5f6';

/**
 * One project's life: submitted 1 March 2024, revised, approved 10 March, presented at the
 * third conference 15 April, planned 20 April (lead: industry), a need resolved and a milestone
 * done in May, the plan revised in June (lead: commerce), landed 30 June.
 */
export const projectLife: ProjectEvent[] = [
  {
    type: 'ProjectSubmitted',
    data: {
      projectId: PROJECT_ID,
      enterpriseId: ENTERPRISE_ID,
      enterpriseName: '青岛海洋科技有限公司',
      title: '智慧海洋牧场',
      summary: 'Smart ocean ranch with sensor buoys',
      industryChain: 'marine',
      district: '黄岛区',
      investmentYuan: 300_000_000,
      needs: [
        { needId: 'n-land', kind: 'land', description: '50 亩用地' },
        { needId: 'n-talent', kind: 'talent', description: '海洋工程师' },
      ],
      occurredAt: '2024-03-01T02:00:00.000Z',
    },
  },
  { type: 'SubmissionRevised', data: { investmentYuan: 320_000_000, occurredAt: '2024-03-05T02:00:00.000Z' } },
  {
    type: 'ProjectReviewed',
    data: {
      reviewId: 'r-1',
      reviewer: { userId: 'u-expert', username: 'expert' },
      verdict: 'approved',
      scores: { idea: 90, validation: 85, feasibility: 80 },
      occurredAt: '2024-03-10T02:00:00.000Z',
    },
  },
  {
    type: 'ProjectPresented',
    data: {
      conferenceId: CONFERENCE_ID,
      conferenceTitle: '第三届民营经济创意会',
      heldOn: '2024-04-15',
      occurredAt: '2024-04-15T06:00:00.000Z',
    },
  },
  {
    type: 'LandingPlanAssigned',
    data: {
      planId: 'plan-1',
      leadDepartment: 'industry',
      supportingDepartments: ['natural-resources'],
      milestones: [
        {
          milestoneId: 'm-land',
          title: '用地预审',
          dueOn: '2024-05-31',
          departmentCode: 'natural-resources',
          owner: '王工',
        },
        { milestoneId: 'm-build', title: '开工建设', dueOn: '2024-06-30', departmentCode: 'industry', owner: '李处' },
      ],
      occurredAt: '2024-04-20T02:00:00.000Z',
    },
  },
  {
    type: 'NeedResolved',
    data: { needId: 'n-land', resolution: '已列入供地计划', occurredAt: '2024-05-10T02:00:00.000Z' },
  },
  {
    type: 'ProgressReported',
    data: {
      progressId: 'p-1',
      milestoneId: 'm-land',
      note: '预审通过',
      done: true,
      reporter: { userId: 'u-nr', username: 'nr', role: 'department', departmentCode: 'natural-resources' },
      occurredAt: '2024-05-20T02:00:00.000Z',
    },
  },
  {
    type: 'MilestoneCompleted',
    data: { milestoneId: 'm-land', progressId: 'p-1', occurredAt: '2024-05-20T02:00:00.000Z' },
  },
  {
    type: 'LandingPlanRevised',
    data: {
      planId: 'plan-2',
      revision: 2,
      replacesPlanId: 'plan-1',
      leadDepartment: 'commerce',
      supportingDepartments: ['industry', 'natural-resources'],
      milestones: [
        {
          milestoneId: 'm-land',
          title: '用地预审',
          dueOn: '2024-05-31',
          departmentCode: 'natural-resources',
          owner: '王工',
        },
        { milestoneId: 'm-sign', title: '签约', dueOn: '2024-06-25', departmentCode: 'commerce', owner: '赵科' },
      ],
      occurredAt: '2024-06-01T02:00:00.000Z',
    },
  },
  {
    type: 'ProjectLanded',
    data: {
      landedOn: '2024-06-30',
      actualInvestmentYuan: 350_000_000,
      evidence: '合同',
      occurredAt: '2024-06-30T15:59:59.999Z',
    },
  },
];

/** After the landing of projectLife: its date corrected, then the landing revoked. */
export const landingCorrections: ProjectEvent[] = [
  {
    type: 'LandingCorrected',
    data: {
      reason: '日期有误',
      landedOn: '2024-06-20',
      landedAt: '2024-06-20T15:59:59.999Z',
      previousLandedOn: '2024-06-30',
      correctedBy: { userId: 'user-staff', username: 'staff.liu' },
      occurredAt: '2024-07-10T02:00:00.000Z',
    },
  },
  {
    type: 'LandingRevoked',
    data: {
      reason: '尚未投产',
      previousLandedOn: '2024-06-20',
      correctedBy: { userId: 'user-staff', username: 'staff.liu' },
      occurredAt: '2024-07-20T02:00:00.000Z',
    },
  },
];

export const PROJECT_STREAM = projectStream(PROJECT_ID);
export const ENTERPRISE_STREAM = enterpriseStream(ENTERPRISE_ID);
export const CONFERENCE_STREAM = conferenceStream(CONFERENCE_ID);

/** The first `n` events of the project's life, recorded. */
export const lifeUpTo = (n: number): ProjectionEvent[] => recorded(PROJECT_STREAM, projectLife.slice(0, n), 101);

/** The project's life split for a given/when/then spec: its first `n - 1` events as the history, event `n` as what happens. */
export function lifeAt(n: number): [history: ProjectionEvent[], event: ProjectionEvent] {
  const life = lifeUpTo(n);
  return [life.slice(0, n - 1), life[n - 1]];
}
