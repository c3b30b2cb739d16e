import { enterpriseStream } from '@luodi/domain';
import { ENTERPRISE_STREAM, foldRow, lifeUpTo, PROJECT_ID, ENTERPRISE_ID, projectLife, recorded, CONFERENCE_ID, PROJECT_STREAM, CONFERENCE_STREAM } from '../testing/projection-events';
import { evolveProjectList } from './project-list.projection';

describe('project list projection', () => {
  it('makes the row from the submission', () => {
    expect(foldRow(evolveProjectList, lifeUpTo(1))).toEqual({
      id: PROJECT_ID,
      title: '智慧海洋牧场',
      summary: 'Smart ocean ranch with sensor buoys',
      enterpriseId: ENTERPRISE_ID,
      enterpriseName: '青岛海洋科技有限公司',
      industryChain: 'marine',
      district: '黄岛区',
      investmentYuan: 300_000_000,
      status: 'submitted',
      leadDepartment: null,
      supportingDepartments: [],
      departments: [],
      conferenceId: null,
      conferenceTitle: null,
      submittedAt: '2024-03-01T02:00:00.000Z',
      enteredLibraryAt: null,
      landedOn: null,
      withdrawnAt: null,
      version: 1,
      position: 101,
      updatedAt: '2024-03-01T02:00:00.000Z',
    });
  });

  it('takes revisions, enters the library on approval and follows the project to landing', () => {
    const approved = foldRow(evolveProjectList, lifeUpTo(3));
    expect(approved).toMatchObject({ status: 'approved', investmentYuan: 320_000_000, enteredLibraryAt: '2024-03-10T02:00:00.000Z', version: 3, position: 103 });

    const assigned = foldRow(evolveProjectList, lifeUpTo(5));
    expect(assigned).toMatchObject({
      status: 'assigned',
      conferenceId: CONFERENCE_ID,
      conferenceTitle: '第三届民营经济创意会',
      leadDepartment: 'industry',
      supportingDepartments: ['natural-resources'],
      departments: ['industry', 'natural-resources'],
    });

    const landed = foldRow(evolveProjectList, lifeUpTo(projectLife.length));
    expect(landed).toMatchObject({
      status: 'landed',
      landedOn: '2024-06-30',
      leadDepartment: 'commerce',
      supportingDepartments: ['industry', 'natural-resources'],
      // departmentsActingOn of the plan in force: the rows department users' reads filter on.
      departments: ['commerce', 'industry', 'natural-resources'],
      version: projectLife.length,
      updatedAt: '2024-06-30T15:59:59.999Z',
    });
  });

  it('keeps a project submitted on a revise verdict but counts the event in its version', () => {
    const submitted = foldRow(evolveProjectList, lifeUpTo(1))!;
    const [revise] = recorded(PROJECT_STREAM, [
      { type: 'ProjectReviewed', data: { reviewId: 'r-0', reviewer: { userId: 'u', username: 'e' }, verdict: 'revise', scores: { idea: 60, validation: 50, feasibility: 40 }, occurredAt: '2024-03-02T00:00:00.000Z' } },
    ], 150);
    const row = evolveProjectList(submitted, { ...revise, streamPosition: 2 });
    expect(row).toMatchObject({ status: 'submitted', enteredLibraryAt: null, version: 2, position: 150 });
  });

  it('records withdrawal and rejection', () => {
    const submitted = foldRow(evolveProjectList, lifeUpTo(1))!;
    const [withdrawn] = recorded(PROJECT_STREAM, [{ type: 'ProjectWithdrawn', data: { reason: '资金不足', occurredAt: '2024-03-03T00:00:00.000Z' } }]);
    expect(evolveProjectList(submitted, withdrawn)).toMatchObject({ status: 'withdrawn', withdrawnAt: '2024-03-03T00:00:00.000Z' });
    const [rejected] = recorded(PROJECT_STREAM, [
      { type: 'ProjectReviewed', data: { reviewId: 'r-0', reviewer: { userId: 'u', username: 'e' }, verdict: 'rejected', scores: { idea: 10, validation: 10, feasibility: 10 }, occurredAt: '2024-03-02T00:00:00.000Z' } },
    ]);
    expect(evolveProjectList(submitted, rejected)).toMatchObject({ status: 'rejected', enteredLibraryAt: null });
  });

  it('renames the enterprise on the rows of its projects only', () => {
    const row = foldRow(evolveProjectList, lifeUpTo(2))!;
    const [renamed] = recorded(ENTERPRISE_STREAM, [{ type: 'EnterpriseUpdated', data: { name: '青岛蓝海科技集团', occurredAt: '2024-03-06T00:00:00.000Z' } }]);
    expect(evolveProjectList(row, renamed)).toEqual({ ...row, enterpriseName: '青岛蓝海科技集团' });

    const [otherRenamed] = recorded(enterpriseStream('someone-else'), [{ type: 'EnterpriseUpdated', data: { name: 'Other', occurredAt: '2024-03-06T00:00:00.000Z' } }]);
    expect(evolveProjectList(row, otherRenamed)).toBe(row);
    const [tierOnly] = recorded(ENTERPRISE_STREAM, [{ type: 'EnterpriseUpdated', data: { tier: 'national', occurredAt: '2024-03-06T00:00:00.000Z' } }]);
    expect(evolveProjectList(row, tierOnly)).toBe(row);
  });

  it('ignores events of other kinds and counts unknown project events in the version only', () => {
    const row = foldRow(evolveProjectList, lifeUpTo(2))!;
    const [conference] = recorded(CONFERENCE_STREAM, [{ type: 'ConferenceScheduled', data: { conferenceId: CONFERENCE_ID, title: 'x', heldOn: '2024-04-15', occurredAt: '2024-03-06T00:00:00.000Z' } }]);
    expect(evolveProjectList(row, conference)).toBe(row);
    const future = { type: 'ProjectTagged', data: { occurredAt: '2024-03-07T00:00:00.000Z' }, streamId: PROJECT_STREAM, streamPosition: 3, globalPosition: 999 } as never;
    expect(evolveProjectList(row, future)).toEqual({ ...row, version: 3, position: 999, updatedAt: '2024-03-07T00:00:00.000Z' });
  });
});
