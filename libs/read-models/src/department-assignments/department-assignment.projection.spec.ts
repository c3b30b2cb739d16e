import { enterpriseStream } from '@luodi/domain';
import { ENTERPRISE_ID, ENTERPRISE_STREAM, lifeAt, lifeUpTo, PROJECT_ID, recorded } from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { departmentAssignments } from './department-assignment.projection';

const spec = projectionSpecFor(departmentAssignments);

describe('department assignments projection', () => {
  it('has no rows before a plan', () => {
    const [history, next] = lifeAt(4);
    spec.given(history).when(next).then([]);
  });

  it('files each milestone of the plan under its department, as lead or supporting', () => {
    const [history, next] = lifeAt(5);
    spec
      .given(history)
      .when(next)
      .then([
        {
          projectId: PROJECT_ID,
          milestoneId: 'm-land',
          departmentCode: 'natural-resources',
          role: 'supporting',
          projectTitle: '智慧海洋牧场',
          projectStatus: 'assigned',
          enterpriseId: ENTERPRISE_ID,
          enterpriseName: '青岛海洋科技有限公司',
          title: '用地预审',
          dueOn: '2024-05-31',
          owner: '王工',
          done: false,
          doneAt: null,
        },
        {
          projectId: PROJECT_ID,
          milestoneId: 'm-build',
          departmentCode: 'industry',
          role: 'lead',
          projectTitle: '智慧海洋牧场',
          projectStatus: 'assigned',
          enterpriseId: ENTERPRISE_ID,
          enterpriseName: '青岛海洋科技有限公司',
          title: '开工建设',
          dueOn: '2024-06-30',
          owner: '李处',
          done: false,
          doneAt: null,
        },
      ]);
  });

  it('marks a completed milestone done', () => {
    const [history, next] = lifeAt(8);
    spec
      .given(history)
      .when(next)
      .thenMatches([
        { milestoneId: 'm-land', done: true, doneAt: '2024-05-20T02:00:00.000Z' },
        { milestoneId: 'm-build', done: false, doneAt: null },
      ]);
  });

  it('follows a revised plan: a kept milestone keeps its completion, a dropped one leaves the inbox', () => {
    const [history, next] = lifeAt(9);
    spec
      .given(history)
      .when(next)
      .thenMatches([
        { milestoneId: 'm-land', departmentCode: 'natural-resources', role: 'supporting', done: true },
        { milestoneId: 'm-sign', departmentCode: 'commerce', role: 'lead', done: false },
      ]);
  });

  it('carries the project status, so a landed project leaves the inbox', () => {
    const [history, next] = lifeAt(10);
    spec
      .given(history)
      .when(next)
      .thenMatches([{ projectStatus: 'landed' }, { projectStatus: 'landed' }]);
  });

  it("takes the enterprise's new name on every row of its projects", () => {
    const [renamed] = recorded(
      ENTERPRISE_STREAM,
      [{ type: 'EnterpriseUpdated', data: { name: '青岛蓝海科技集团', occurredAt: '2024-04-21T00:00:00.000Z' } }],
      200,
    );
    spec
      .given(lifeUpTo(5))
      .when(renamed)
      .thenMatches([{ enterpriseName: '青岛蓝海科技集团' }, { enterpriseName: '青岛蓝海科技集团' }]);
  });

  it("is unchanged by another enterprise's rename and by an update that keeps the name", () => {
    const [otherRenamed] = recorded(
      enterpriseStream('someone-else'),
      [{ type: 'EnterpriseUpdated', data: { name: 'Other', occurredAt: '2024-04-21T00:00:00.000Z' } }],
      200,
    );
    const [tierOnly] = recorded(
      ENTERPRISE_STREAM,
      [{ type: 'EnterpriseUpdated', data: { tier: 'national', occurredAt: '2024-04-21T00:00:00.000Z' } }],
      201,
    );
    spec.given(lifeUpTo(5)).when(otherRenamed, tierOnly).thenUnchanged();
  });
});
