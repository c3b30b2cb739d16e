import { enterpriseStream, projectStream } from '@luodi/domain';
import {
  ENTERPRISE_STREAM,
  landingCorrections,
  lifeAt,
  lifeUpTo,
  PROJECT_ID,
  ENTERPRISE_ID,
  projectLife,
  recorded,
  CONFERENCE_ID,
  PROJECT_STREAM,
  CONFERENCE_STREAM,
} from '../testing/projection-events';
import { ProjectionEvent } from '../projection-event';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { projectList } from './project-list.projection';
import { searchGramsOf } from './project-search-grams';

const spec = projectionSpecFor(projectList);

describe('project list projection', () => {
  it('makes the row from the submission', () => {
    spec
      .given([])
      .when(lifeUpTo(1)[0])
      .then([
        {
          id: PROJECT_ID,
          title: '智慧海洋牧场',
          summary: 'Smart ocean ranch with sensor buoys',
          enterpriseId: ENTERPRISE_ID,
          enterpriseName: '青岛海洋科技有限公司',
          searchPinyin: 'zhihuihaiyangmuchang zhhymc qingdaohaiyangkejiyouxiangongsi qdhykjyxgs',
          // Of title, enterprise name, summary and pinyin: project-search-grams.spec.ts has the grams themselves.
          searchGrams: searchGramsOf(
            '智慧海洋牧场',
            '青岛海洋科技有限公司',
            'Smart ocean ranch with sensor buoys',
            'zhihuihaiyangmuchang zhhymc qingdaohaiyangkejiyouxiangongsi qdhykjyxgs',
          ),
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
        },
      ]);
  });

  it('takes revisions, enters the library on approval and follows the project to landing', () => {
    const [beforeApproval, approval] = lifeAt(3);
    spec
      .given(beforeApproval)
      .when(approval)
      .thenMatches([
        {
          status: 'approved',
          investmentYuan: 320_000_000,
          enteredLibraryAt: '2024-03-10T02:00:00.000Z',
          version: 3,
          position: 103,
        },
      ]);

    const [beforePlan, plan] = lifeAt(5);
    spec
      .given(beforePlan)
      .when(plan)
      .thenMatches([
        {
          status: 'assigned',
          conferenceId: CONFERENCE_ID,
          conferenceTitle: '第三届民营经济创意会',
          leadDepartment: 'industry',
          supportingDepartments: ['natural-resources'],
          departments: ['industry', 'natural-resources'],
        },
      ]);

    const [beforeLanding, landing] = lifeAt(projectLife.length);
    spec
      .given(beforeLanding)
      .when(landing)
      .thenMatches([
        {
          status: 'landed',
          landedOn: '2024-06-30',
          leadDepartment: 'commerce',
          supportingDepartments: ['industry', 'natural-resources'],
          // departmentsActingOn of the plan in force: the rows department users' reads filter on.
          departments: ['commerce', 'industry', 'natural-resources'],
          version: projectLife.length,
          updatedAt: '2024-06-30T15:59:59.999Z',
        },
      ]);
  });

  it('follows a landing correction, and a revocation back to assigned', () => {
    const all = recorded(PROJECT_STREAM, [...projectLife, ...landingCorrections], 101);
    const life = all.slice(0, projectLife.length);
    const [corrected, revoked] = all.slice(projectLife.length);
    spec
      .given(life)
      .when(corrected)
      .thenMatches([{ status: 'landed', landedOn: '2024-06-20' }]);
    spec
      .given([...life, corrected])
      .when(revoked)
      .thenMatches([{ status: 'assigned', landedOn: null }]);
  });

  it('keeps a project submitted on a revise verdict but counts the event in its version', () => {
    const [revise] = recorded(
      PROJECT_STREAM,
      [
        {
          type: 'ProjectReviewed',
          data: {
            reviewId: 'r-0',
            reviewer: { userId: 'u', username: 'e' },
            verdict: 'revise',
            scores: { idea: 60, validation: 50, feasibility: 40 },
            occurredAt: '2024-03-02T00:00:00.000Z',
          },
        },
      ],
      150,
    );
    spec
      .given(lifeUpTo(1))
      .when({ ...revise, streamPosition: 2 })
      .thenMatches([{ status: 'submitted', enteredLibraryAt: null, version: 2, position: 150 }]);
  });

  it('remakes the search grams when a revision changes title or summary', () => {
    const [revised] = recorded(
      PROJECT_STREAM,
      [{ type: 'SubmissionRevised', data: { summary: '冷链物流', occurredAt: '2024-03-02T00:00:00.000Z' } }],
      150,
    );
    spec
      .given(lifeUpTo(1))
      .when(revised)
      .thenMatches([
        {
          summary: '冷链物流',
          searchGrams: searchGramsOf(
            '智慧海洋牧场',
            '青岛海洋科技有限公司',
            '冷链物流',
            'zhihuihaiyangmuchang zhhymc qingdaohaiyangkejiyouxiangongsi qdhykjyxgs',
          ),
        },
      ]);
  });

  it('records withdrawal and rejection', () => {
    const [withdrawn] = recorded(PROJECT_STREAM, [
      { type: 'ProjectWithdrawn', data: { reason: '资金不足', occurredAt: '2024-03-03T00:00:00.000Z' } },
    ]);
    spec
      .given(lifeUpTo(1))
      .when(withdrawn)
      .thenMatches([{ status: 'withdrawn', withdrawnAt: '2024-03-03T00:00:00.000Z' }]);
    const [rejected] = recorded(PROJECT_STREAM, [
      {
        type: 'ProjectReviewed',
        data: {
          reviewId: 'r-0',
          reviewer: { userId: 'u', username: 'e' },
          verdict: 'rejected',
          scores: { idea: 10, validation: 10, feasibility: 10 },
          occurredAt: '2024-03-02T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given(lifeUpTo(1))
      .when(rejected)
      .thenMatches([{ status: 'rejected', enteredLibraryAt: null }]);
  });

  it('renames the enterprise on the rows of its projects only', () => {
    const [renamed] = recorded(ENTERPRISE_STREAM, [
      { type: 'EnterpriseUpdated', data: { name: '青岛蓝海科技集团', occurredAt: '2024-03-06T00:00:00.000Z' } },
    ]);
    const [other] = recorded(
      projectStream('other-project'),
      [
        {
          ...projectLife[0],
          data: { ...lifeUpTo(1)[0].data, projectId: 'other-project', enterpriseId: 'other-enterprise' },
        } as never,
      ],
      50,
    );
    spec
      .given([...lifeUpTo(2), other])
      .when(renamed)
      .thenMatches([
        {
          id: PROJECT_ID,
          enterpriseName: '青岛蓝海科技集团',
          searchPinyin: 'zhihuihaiyangmuchang zhhymc qingdaolanhaikejijituan qdlhkjjt',
          searchGrams: searchGramsOf(
            '智慧海洋牧场',
            '青岛蓝海科技集团',
            'Smart ocean ranch with sensor buoys',
            'zhihuihaiyangmuchang zhhymc qingdaolanhaikejijituan qdlhkjjt',
          ),
          version: 2,
        },
        { id: 'other-project', enterpriseName: '青岛海洋科技有限公司' },
      ]);
  });

  it("is unchanged by another enterprise's rename and by an update that keeps the name", () => {
    const [otherRenamed] = recorded(enterpriseStream('someone-else'), [
      { type: 'EnterpriseUpdated', data: { name: 'Other', occurredAt: '2024-03-06T00:00:00.000Z' } },
    ]);
    const [tierOnly] = recorded(ENTERPRISE_STREAM, [
      { type: 'EnterpriseUpdated', data: { tier: 'national', occurredAt: '2024-03-06T00:00:00.000Z' } },
    ]);
    spec.given(lifeUpTo(2)).when(otherRenamed, tierOnly).thenUnchanged();
  });

  it('ignores events of other kinds and counts unknown project events in the version only', () => {
    const [conference] = recorded(CONFERENCE_STREAM, [
      {
        type: 'ConferenceScheduled',
        data: { conferenceId: CONFERENCE_ID, title: 'x', heldOn: '2024-04-15', occurredAt: '2024-03-06T00:00:00.000Z' },
      },
    ]);
    spec.given(lifeUpTo(2)).when(conference).thenUnchanged();
    const future = {
      type: 'ProjectTagged',
      data: { occurredAt: '2024-03-07T00:00:00.000Z' },
      streamId: PROJECT_STREAM,
      streamPosition: 3,
      globalPosition: 999,
    } as never;
    spec
      .given(lifeUpTo(2))
      .when(future)
      .thenMatches([
        { id: PROJECT_ID, status: 'submitted', version: 3, position: 999, updatedAt: '2024-03-07T00:00:00.000Z' },
      ]);
  });

  it('a supervision notice moves the version on, not the business time of the latest event', () => {
    const life = lifeUpTo(5);
    const last = life[life.length - 1];
    const notice = {
      type: 'SupervisionNoticeIssued',
      data: {
        noticeId: 'n1',
        milestoneId: 'm1',
        departmentCode: 'industry',
        level: 'reminder',
        message: '请加快推进',
        respondBy: '2024-01-10',
        source: 'scheduler',
        step: 'yellow',
        occurredAt: '2024-01-05T00:00:00.000Z',
      },
      streamId: PROJECT_STREAM,
      streamPosition: last.streamPosition + 1,
      globalPosition: last.globalPosition + 1,
      recordedAt: '2024-06-01T00:00:00.000Z',
    } as unknown as ProjectionEvent;
    spec
      .given(life)
      .when(notice)
      .thenMatches([
        { version: last.streamPosition + 1, position: last.globalPosition + 1, updatedAt: last.data.occurredAt },
      ]);
  });
});
