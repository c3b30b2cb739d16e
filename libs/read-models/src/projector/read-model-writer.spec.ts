import { enterpriseStream } from '@luodi/domain';
import { conferenceList } from '../conference-list/conference-list.projection';
import { departmentAssignments } from '../department-assignments/department-assignment.projection';
import { enterpriseList } from '../enterprise-list/enterprise-list.projection';
import { projectList } from '../project-list/project-list.projection';
import {
  CONFERENCE_ID,
  CONFERENCE_STREAM,
  ENTERPRISE_ID,
  ENTERPRISE_STREAM,
  lifeUpTo,
  PROJECT_ID,
  recorded,
} from '../testing/projection-events';
import { readModelDatabase } from '../testing/read-model-database';

const db = readModelDatabase();
const renamed = recorded(
  ENTERPRISE_STREAM,
  [{ type: 'EnterpriseUpdated', data: { name: '青岛蓝海科技集团', occurredAt: '2024-04-21T00:00:00.000Z' } }],
  200,
);

describe('the read-model writer on PostgreSQL', () => {
  it('stores the inbox rows of a new plan', async () => {
    await db
      .given(lifeUpTo(4))
      .when(lifeUpTo(5)[4])
      .then(departmentAssignments, [
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
        expect.objectContaining({ milestoneId: 'm-land', departmentCode: 'natural-resources', role: 'supporting' }),
      ]);
  });

  it("replaces a project's stored inbox rows when a later batch revises the plan", async () => {
    await db
      .given(lifeUpTo(8))
      .when(lifeUpTo(9)[8])
      .thenMatches(departmentAssignments, [
        { milestoneId: 'm-land', role: 'supporting', done: true, doneAt: '2024-05-20T02:00:00.000Z' },
        { milestoneId: 'm-sign', departmentCode: 'commerce', role: 'lead', done: false },
      ]);
  });

  it('renames the enterprise on the stored list and inbox rows of its projects', async () => {
    await db
      .given(lifeUpTo(5))
      .when(renamed[0])
      .thenMatches(departmentAssignments, [
        { enterpriseName: '青岛蓝海科技集团' },
        { enterpriseName: '青岛蓝海科技集团' },
      ]);
    await db
      .given(lifeUpTo(5))
      .when(renamed[0])
      .thenMatches(projectList, [{ id: PROJECT_ID, enterpriseName: '青岛蓝海科技集团', version: 5 }]);
  });

  it('renames a project submitted in the same batch, and no other enterprise’s', async () => {
    const [otherRenamed] = recorded(
      enterpriseStream('someone-else'),
      [{ type: 'EnterpriseUpdated', data: { name: 'Other', occurredAt: '2024-04-21T00:00:00.000Z' } }],
      201,
    );
    await db
      .given([])
      .when(...lifeUpTo(5), renamed[0], otherRenamed)
      .thenMatches(departmentAssignments, [
        { enterpriseName: '青岛蓝海科技集团' },
        { enterpriseName: '青岛蓝海科技集团' },
      ]);
  });

  it('leaves a landed project’s rows in the table, marked landed (the inbox query leaves them out)', async () => {
    await db
      .given(lifeUpTo(9))
      .when(lifeUpTo(10)[9])
      .thenMatches(departmentAssignments, [{ projectStatus: 'landed' }, { projectStatus: 'landed' }]);
  });

  it("writes each stream's events to its own read models only", async () => {
    const [scheduled] = recorded(
      CONFERENCE_STREAM,
      [
        {
          type: 'ConferenceScheduled',
          data: {
            conferenceId: CONFERENCE_ID,
            title: '第三届民营经济创意会',
            heldOn: '2024-04-15',
            occurredAt: '2024-03-01T00:00:00.000Z',
          },
        },
      ],
      300,
    );
    await db
      .given([])
      .when(scheduled)
      .thenMatches(conferenceList, [
        { id: CONFERENCE_ID, title: '第三届民营经济创意会', heldOn: '2024-04-15', version: 1, position: 300 },
      ]);
    await db.given([]).when(scheduled).then(projectList, []);
    await db.given([]).when(scheduled).then(enterpriseList, []);
  });
});
