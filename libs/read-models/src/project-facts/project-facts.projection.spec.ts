import {
  lifeAt,
  lifeUpTo,
  projectLife,
  PROJECT_ID,
  ENTERPRISE_ID,
  CONFERENCE_ID,
  recorded,
  recordedLate,
  PROJECT_STREAM,
} from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { projectFacts } from './project-facts.projection';

const spec = projectionSpecFor(projectFacts);

describe('project facts projection', () => {
  it('records the business time of every status change and the lead department history', () => {
    const [history, landed] = lifeAt(projectLife.length);
    spec
      .given(history)
      .when(landed)
      .then([
        {
          projectId: PROJECT_ID,
          enterpriseId: ENTERPRISE_ID,
          industryChain: 'marine',
          district: '黄岛区',
          investmentYuan: 320_000_000,
          actualInvestmentYuan: 350_000_000,
          submittedAt: '2024-03-01T02:00:00.000Z',
          submittedRecordedAt: '2024-03-01T02:00:00.000Z',
          enteredLibraryAt: '2024-03-10T02:00:00.000Z',
          enteredLibraryRecordedAt: '2024-03-10T02:00:00.000Z',
          rejectedAt: null,
          rejectedRecordedAt: null,
          presentedAt: '2024-04-15T06:00:00.000Z',
          conferenceId: CONFERENCE_ID,
          presentedRecordedAt: '2024-04-15T06:00:00.000Z',
          assignedAt: '2024-04-20T02:00:00.000Z',
          assignedRecordedAt: '2024-04-20T02:00:00.000Z',
          leadDepartments: ['industry', 'commerce'],
          leadSince: ['2024-04-20T02:00:00.000Z', '2024-06-01T02:00:00.000Z'],
          leadRecordedAt: ['2024-04-20T02:00:00.000Z', '2024-06-01T02:00:00.000Z'],
          landedOn: '2024-06-30',
          landedAt: '2024-06-30T15:59:59.999Z',
          landedRecordedAt: '2024-06-30T15:59:59.999Z',
          landingOn: [],
          landingRecordedAt: [],
          withdrawnAt: null,
          withdrawnRecordedAt: null,
        },
      ]);
  });

  it('keeps the record time of a fact apart from its business time: a landing reported late', () => {
    const [history, landed] = lifeAt(projectLife.length);
    spec
      .given(history)
      .when(recordedLate(landed, '2024-08-05T01:00:00.000Z'))
      .thenMatches([
        {
          landedOn: '2024-06-30',
          landedAt: '2024-06-30T15:59:59.999Z',
          landedRecordedAt: '2024-08-05T01:00:00.000Z',
          enteredLibraryRecordedAt: '2024-03-10T02:00:00.000Z',
        },
      ]);
  });

  it('records the record time of each lead period, and of the first plan only as the assignment', () => {
    const [revised] = recorded(PROJECT_STREAM, [
      {
        type: 'LandingPlanRevised',
        data: {
          planId: 'plan-2',
          revision: 2,
          replacesPlanId: 'plan-1',
          leadDepartment: 'commerce',
          supportingDepartments: [],
          milestones: [],
          occurredAt: '2024-05-01T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given(lifeUpTo(5))
      .when(recordedLate(revised, '2024-05-03T00:00:00.000Z'))
      .thenMatches([
        {
          assignedRecordedAt: '2024-04-20T02:00:00.000Z',
          leadSince: ['2024-04-20T02:00:00.000Z', '2024-05-01T00:00:00.000Z'],
          leadRecordedAt: ['2024-04-20T02:00:00.000Z', '2024-05-03T00:00:00.000Z'],
        },
      ]);
  });

  it('starts no new lead period when a revised plan keeps the lead', () => {
    const [sameLead] = recorded(PROJECT_STREAM, [
      {
        type: 'LandingPlanRevised',
        data: {
          planId: 'plan-2',
          revision: 2,
          replacesPlanId: 'plan-1',
          leadDepartment: 'industry',
          supportingDepartments: [],
          milestones: [],
          occurredAt: '2024-05-01T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given(lifeUpTo(5))
      .when(sameLead)
      .thenMatches([
        {
          assignedAt: '2024-04-20T02:00:00.000Z',
          leadDepartments: ['industry'],
          leadSince: ['2024-04-20T02:00:00.000Z'],
        },
      ]);
  });

  it('records rejection and withdrawal times; a landing without actual investment leaves it null', () => {
    const [rejected] = recorded(PROJECT_STREAM, [
      {
        type: 'ProjectReviewed',
        data: {
          reviewId: 'r',
          reviewer: { userId: 'u', username: 'e' },
          verdict: 'rejected',
          scores: { idea: 1, validation: 1, feasibility: 1 },
          occurredAt: '2024-03-02T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given(lifeUpTo(1))
      .when(rejected)
      .thenMatches([{ rejectedAt: '2024-03-02T00:00:00.000Z', enteredLibraryAt: null }]);
    const [withdrawn] = recorded(PROJECT_STREAM, [
      { type: 'ProjectWithdrawn', data: { reason: 'x', occurredAt: '2024-03-04T00:00:00.000Z' } },
    ]);
    spec
      .given(lifeUpTo(1))
      .when(withdrawn)
      .thenMatches([{ withdrawnAt: '2024-03-04T00:00:00.000Z' }]);
    const [landed] = recorded(PROJECT_STREAM, [
      { type: 'ProjectLanded', data: { landedOn: '2024-07-01', occurredAt: '2024-07-01T15:59:59.999Z' } },
    ]);
    spec
      .given(lifeUpTo(5))
      .when(landed)
      .thenMatches([{ landedOn: '2024-07-01', actualInvestmentYuan: null }]);
  });

  it('keeps every version of a corrected landing with its record time; a revocation is a null date', () => {
    const life = lifeUpTo(projectLife.length);
    const correctedBy = { userId: 'user-staff', username: 'staff.liu' };
    const [corrected, revoked, landedAgain] = recorded(
      PROJECT_STREAM,
      [
        {
          type: 'LandingCorrected',
          data: {
            reason: '日期有误',
            landedOn: '2024-06-20',
            landedAt: '2024-06-20T15:59:59.999Z',
            previousLandedOn: '2024-06-30',
            correctedBy,
            occurredAt: '2024-07-10T02:00:00.000Z',
          },
        },
        {
          type: 'LandingRevoked',
          data: {
            reason: '尚未投产',
            previousLandedOn: '2024-06-20',
            correctedBy,
            occurredAt: '2024-07-20T02:00:00.000Z',
          },
        },
        {
          type: 'ProjectLanded',
          data: { landedOn: '2024-08-01', occurredAt: '2024-08-01T15:59:59.999Z' },
        },
      ],
      200,
    );
    spec
      .given(life)
      .when(corrected)
      .thenMatches([
        {
          landedOn: '2024-06-20',
          landedAt: '2024-06-20T15:59:59.999Z',
          landedRecordedAt: '2024-07-10T02:00:00.000Z',
          landingOn: ['2024-06-30', '2024-06-20'],
          landingRecordedAt: ['2024-06-30T15:59:59.999Z', '2024-07-10T02:00:00.000Z'],
        },
      ]);
    spec
      .given([...life, corrected])
      .when(revoked)
      .thenMatches([
        {
          landedOn: null,
          landedAt: null,
          actualInvestmentYuan: 350_000_000,
          landingOn: ['2024-06-30', '2024-06-20', null],
          landingRecordedAt: ['2024-06-30T15:59:59.999Z', '2024-07-10T02:00:00.000Z', '2024-07-20T02:00:00.000Z'],
        },
      ]);
    spec
      .given([...life, corrected, revoked])
      .when(landedAgain)
      .thenMatches([
        {
          landedOn: '2024-08-01',
          landedAt: '2024-08-01T15:59:59.999Z',
          actualInvestmentYuan: null,
          landingOn: ['2024-06-30', '2024-06-20', null, '2024-08-01'],
          landingRecordedAt: [
            '2024-06-30T15:59:59.999Z',
            '2024-07-10T02:00:00.000Z',
            '2024-07-20T02:00:00.000Z',
            '2024-08-01T15:59:59.999Z',
          ],
        },
      ]);
  });

  it('leaves the row unchanged for events that change no fact', () => {
    const [needResolved, progressReported] = lifeUpTo(7).slice(5);
    spec.given(lifeUpTo(5)).when(needResolved, progressReported).thenUnchanged();
  });
});
