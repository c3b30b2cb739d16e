import { departmentsActingOn, mayActOn } from './project.access';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { Project } from './project.state';
import {
  departmentUser,
  historyIn,
  landingPlanAssigned,
  landingPlanRevised,
  REVIEWER,
  TASKFORCE,
} from './project.test-fixtures';

const projectAfter = (events: ProjectEvent[]): Project =>
  events.reduce(projectDecider.evolve, projectDecider.initialState())!;
const actingAfter = (events: ProjectEvent[]): string[] => departmentsActingOn(projectAfter(events).plan);

const loan = {
  milestoneId: 'm-loan',
  title: '发放贷款',
  dueOn: '2024-09-30',
  departmentCode: 'finance',
  owner: '赵敏',
};

describe('which departments may act on a project', () => {
  it.each(['submitted', 'approved', 'presented', 'rejected', 'withdrawn'] as const)(
    'none while %s without a plan',
    (status) => {
      expect(actingAfter(historyIn[status]())).toEqual([]);
    },
  );

  it('given a plan: its lead, its supporting departments and the owners of its milestones, each once', () => {
    const milestones = [...landingPlanAssigned().data.milestones, loan];
    expect(actingAfter([...historyIn.presented(), landingPlanAssigned({ milestones })])).toEqual([
      'industry',
      'resources',
      'finance',
    ]);
  });

  it('given a revised plan: only the departments the plan in force names', () => {
    const revised = landingPlanRevised({
      leadDepartment: 'commerce',
      supportingDepartments: [],
      milestones: [{ ...loan, departmentCode: 'commerce' }],
    });
    expect(actingAfter([...historyIn.assigned(), revised])).toEqual(['commerce']);
  });

  it('still those of the last plan once the project has landed', () => {
    expect(actingAfter(historyIn.landed())).toEqual(['industry', 'resources']);
  });

  it('reads a plan as events, the state and the read models hold it', () => {
    const plan = landingPlanAssigned().data;
    expect(departmentsActingOn(plan)).toEqual(actingAfter(historyIn.assigned()));
    expect(departmentsActingOn(null)).toEqual([]);
  });
});

describe('mayActOn', () => {
  const assigned = projectAfter(historyIn.assigned());

  it.each(['industry', 'resources'])('lets a user of a department acting on the project (%s) act', (code) => {
    expect(mayActOn(departmentUser(code), assigned)).toBe(true);
  });

  it('refuses department users of other departments, or without a department', () => {
    expect(mayActOn(departmentUser('finance'), assigned)).toBe(false);
    expect(mayActOn(departmentUser(undefined), assigned)).toBe(false);
    expect(mayActOn(departmentUser('industry'), projectAfter(historyIn.presented()))).toBe(false);
  });

  it.each(['admin', 'taskforce', 'reviewer', 'leader'] as const)(
    'lets %s act on every project, with or without a plan',
    (role) => {
      expect(mayActOn({ ...TASKFORCE, role }, projectAfter(historyIn.presented()))).toBe(true);
      expect(mayActOn({ ...REVIEWER, role }, assigned)).toBe(true);
    },
  );
});
