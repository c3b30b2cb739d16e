import { evolveProjectDossier } from '../project-dossier/project-dossier.projection';
import { evolveProjectList } from '../project-list/project-list.projection';
import { foldRow, lifeUpTo, PROJECT_ID, ENTERPRISE_ID } from '../testing/projection-events';
import { departmentAssignmentsOf } from './department-assignment.projection';

const inboxAfter = (n: number) => departmentAssignmentsOf(foldRow(evolveProjectList, lifeUpTo(n)), foldRow(evolveProjectDossier, lifeUpTo(n)));

describe('department assignments projection', () => {
  it('has no rows before a plan', () => {
    expect(inboxAfter(4)).toEqual([]);
  });

  it('files each milestone of the plan under its department, as lead or supporting', () => {
    expect(inboxAfter(5)).toEqual([
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
      expect.objectContaining({ milestoneId: 'm-build', departmentCode: 'industry', role: 'lead', done: false }),
    ]);
  });

  it('marks completed milestones done and follows a revised plan', () => {
    expect(inboxAfter(8).find((a) => a.milestoneId === 'm-land')).toMatchObject({ done: true, doneAt: '2024-05-20T02:00:00.000Z' });
    const revised = inboxAfter(9);
    expect(revised.map((a) => [a.milestoneId, a.departmentCode, a.role, a.done])).toEqual([
      ['m-land', 'natural-resources', 'supporting', true],
      ['m-sign', 'commerce', 'lead', false],
    ]);
  });

  it('carries the project status, so a landed project leaves the inbox', () => {
    expect(inboxAfter(10).every((a) => a.projectStatus === 'landed')).toBe(true);
  });
});
