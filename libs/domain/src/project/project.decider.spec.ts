import { specFor } from '../kernel/decider.spec-helper';
import { INPUT_LIMITS } from '../kernel/input-limits';
import { CorrectLanding, FollowUpNeed, ProjectCommand } from './project.commands';
import { ProjectEvent } from './project.events';
import { projectDecider } from './project.decider';
import { ProjectStatus } from './project.state';
import {
  assignLandingPlan,
  CONFERENCE,
  departmentUser,
  ENTERPRISE,
  historyIn,
  landingPlanAssigned,
  landingPlanRevised,
  landProject,
  milestoneCompleted,
  NOW,
  presentProject,
  progressReported,
  projectLanded,
  projectPresented,
  projectReviewed,
  projectSubmitted,
  projectWithdrawn,
  needResolved,
  reportProgress,
  resolveNeed,
  reviewProject,
  reviseSubmission,
  submissionRevised,
  submitProject,
  T,
  TASKFORCE,
  withdrawProject,
} from './project.test-fixtures';

const spec = specFor(projectDecider);
const CLOSED: ProjectStatus[] = ['rejected', 'landed', 'withdrawn'];

const correctLanding = (data: Partial<CorrectLanding['data']> = {}, now = NOW): CorrectLanding => ({
  type: 'CorrectLanding',
  data: { reason: '原登记日期有误', correctedBy: { userId: 'user-staff', username: 'staff.liu' }, ...data },
  metadata: { now },
});

const followUpNeed = (data: Partial<FollowUpNeed['data']> = {}, now = NOW): FollowUpNeed => ({
  type: 'FollowUpNeed',
  data: {
    followUpId: 'follow-up-1',
    noticeId: 'notice-1',
    responseDays: 5,
    needId: 'need-land',
    satisfaction: 'satisfied',
    ...data,
  },
  metadata: { now },
});

describe('project decider', () => {
  describe('any command but SubmitProject', () => {
    it.each<[string, ProjectCommand]>([
      ['ReviewProject', reviewProject()],
      ['ReviseSubmission', reviseSubmission()],
      ['PresentProject', presentProject()],
      ['AssignLandingPlan', assignLandingPlan()],
      ['ReportProgress', reportProgress()],
      ['ResolveNeed', resolveNeed()],
      ['LandProject', landProject()],
      ['WithdrawProject', withdrawProject()],
      ['CorrectLanding', correctLanding({ revoke: true })],
      ['FollowUpNeed', followUpNeed()],
    ])('%s on an empty stream: PROJECT_NOT_FOUND', (_, command) => {
      spec.given([]).when(command).thenThrows('not-found', 'PROJECT_NOT_FOUND');
    });
  });

  describe('business time of commands that take occurredAt', () => {
    // Each command in a status that allows it; the stream's last event happened at `last`.
    const cases: [string, ProjectStatus, (occurredAt: string) => ProjectCommand][] = [
      ['ReviewProject', 'submitted', (occurredAt) => reviewProject({ occurredAt })],
      ['ReviseSubmission', 'submitted', (occurredAt) => reviseSubmission({ occurredAt })],
      [
        'PresentProject',
        'approved',
        (occurredAt) => presentProject({ occurredAt, conference: { ...CONFERENCE, heldOn: '2024-03-01' } }),
      ],
      ['AssignLandingPlan', 'presented', (occurredAt) => assignLandingPlan({ occurredAt })],
      ['ReportProgress', 'assigned', (occurredAt) => reportProgress({ occurredAt })],
      ['ResolveNeed', 'assigned', (occurredAt) => resolveNeed({ occurredAt })],
      ['WithdrawProject', 'assigned', (occurredAt) => withdrawProject({ occurredAt })],
    ];
    const lastOccurredAt = (status: ProjectStatus) => historyIn[status]().at(-1)!.data.occurredAt;

    it.each(cases)('%s dated in the future: OCCURRED_AT_IN_FUTURE', (_, status, command) => {
      spec
        .given(historyIn[status]())
        .when(command('2024-06-01T04:00:00.001Z'))
        .thenThrows('invalid', 'OCCURRED_AT_IN_FUTURE', 'occurredAt');
    });

    it.each(cases)('%s with a malformed occurredAt: INVALID_OCCURRED_AT', (_, status, command) => {
      spec
        .given(historyIn[status]())
        .when(command('1 June 2024'))
        .thenThrows('invalid', 'INVALID_OCCURRED_AT', 'occurredAt');
    });

    it.each(cases)('%s dated before the previous event: OCCURRED_AT_BEFORE_PREVIOUS_EVENT', (_, status, command) => {
      const justBefore = new Date(Date.parse(lastOccurredAt(status)) - 1).toISOString();
      spec
        .given(historyIn[status]())
        .when(command(justBefore))
        .thenThrows('conflict', 'OCCURRED_AT_BEFORE_PREVIOUS_EVENT');
    });

    it.each(cases)(
      '%s dated at the same instant as the previous event is recorded at that instant',
      (_, status, command) => {
        const events = projectDecider.decide(
          command(lastOccurredAt(status)),
          historyIn[status]().reduce(projectDecider.evolve, null),
        );
        expect(events.map((e) => e.data.occurredAt)).toEqual(events.map(() => lastOccurredAt(status)));
      },
    );
  });

  describe('SubmitProject', () => {
    it('on an empty stream records the submission with the enterprise id and name, dated now', () => {
      spec
        .given([])
        .when(submitProject())
        .then([projectSubmitted({ occurredAt: NOW })]);
    });

    it('keeps a past occurredAt, normalised to UTC', () => {
      spec
        .given([])
        .when(submitProject({ occurredAt: '2024-03-01T10:00:00+08:00' }))
        .then([projectSubmitted({ occurredAt: '2024-03-01T02:00:00.000Z' })]);
    });

    it('trims text and leaves out blank optional fields', () => {
      spec
        .given([])
        .when(submitProject({ title: '  智能港口装卸机器人 ', summary: '  ', district: undefined, needs: [] }))
        .then([projectSubmitted({ summary: undefined, district: undefined, needs: [], occurredAt: NOW })]);
    });

    it('for an enterprise the caller could not find: ENTERPRISE_NOT_FOUND on enterpriseId', () => {
      spec
        .given([])
        .when(submitProject({ enterprise: null }))
        .thenThrows('invalid', 'ENTERPRISE_NOT_FOUND', 'enterpriseId');
    });

    it('on a stream that already holds a project: PROJECT_ALREADY_EXISTS', () => {
      spec.given([projectSubmitted()]).when(submitProject()).thenThrows('conflict', 'PROJECT_ALREADY_EXISTS');
    });

    it.each<[string, string, string, Partial<ReturnType<typeof submitProject>['data']>]>([
      ['a blank projectId', 'TEXT_REQUIRED', 'projectId', { projectId: ' ' }],
      ['a blank title', 'TEXT_REQUIRED', 'title', { title: '' }],
      ['a missing industry chain', 'TEXT_REQUIRED', 'industryChain', { industryChain: undefined }],
      ['a summary that is not text', 'INVALID_TEXT', 'summary', { summary: 7 as unknown as string }],
      ['a negative investment', 'INVALID_AMOUNT', 'investmentYuan', { investmentYuan: -1 }],
      ['a fractional investment', 'INVALID_AMOUNT', 'investmentYuan', { investmentYuan: 1.5 }],
      ['needs that are not a list', 'INVALID_LIST', 'needs', { needs: 'land' as never }],
      ['a need that is not an object', 'INVALID_OBJECT', 'needs[0]', { needs: [null as never] }],
      [
        'a need of an unknown kind',
        'INVALID_CHOICE',
        'needs[0].kind',
        { needs: [{ needId: 'n', kind: 'money' as never, description: 'x' }] },
      ],
      [
        'a need without description',
        'TEXT_REQUIRED',
        'needs[1].description',
        {
          needs: [
            { needId: 'a', kind: 'land', description: 'x' },
            { needId: 'b', kind: 'talent', description: ' ' },
          ],
        },
      ],
      [
        'two needs with the same id',
        'DUPLICATE_ID',
        'needs[1].needId',
        {
          needs: [
            { needId: 'a', kind: 'land', description: 'x' },
            { needId: 'a', kind: 'talent', description: 'y' },
          ],
        },
      ],
      ['a title over the limit', 'INVALID_TEXT', 'title', { title: '长'.repeat(INPUT_LIMITS.project.title + 1) }],
      [
        'a summary over the limit',
        'INVALID_TEXT',
        'summary',
        { summary: 'x'.repeat(INPUT_LIMITS.project.summary + 1) },
      ],
      [
        'more needs than the limit',
        'INVALID_LIST',
        'needs',
        {
          needs: Array.from({ length: INPUT_LIMITS.project.needs + 1 }, (_, i) => ({
            needId: `n-${i}`,
            kind: 'land' as const,
            description: 'x',
          })),
        },
      ],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given([]).when(submitProject(data)).thenThrows('invalid', code, field);
    });

    it('dated in the future: OCCURRED_AT_IN_FUTURE', () => {
      spec
        .given([])
        .when(submitProject({ occurredAt: '2024-06-01T12:00:00.001+08:00' }))
        .thenThrows('invalid', 'OCCURRED_AT_IN_FUTURE', 'occurredAt');
    });
  });

  describe('ReviewProject', () => {
    it('records an approval', () => {
      spec
        .given(historyIn.submitted())
        .when(reviewProject())
        .then([projectReviewed({ occurredAt: NOW })]);
    });

    it('records a rejection', () => {
      spec
        .given(historyIn.submitted())
        .when(reviewProject({ verdict: 'rejected', comment: undefined, occurredAt: T.reviewed }))
        .then([projectReviewed({ verdict: 'rejected', comment: undefined })]);
    });

    it('records a revise verdict, after which the panel may review again', () => {
      spec
        .given(historyIn.submitted())
        .when(reviewProject({ verdict: 'revise', occurredAt: T.reviewed }))
        .then([projectReviewed({ verdict: 'revise' })]);
      spec
        .given([
          projectSubmitted(),
          projectReviewed({ verdict: 'revise' }),
          projectReviewed({ reviewId: 'review-2', verdict: 'revise' }),
        ])
        .when(reviewProject({ reviewId: 'review-3' }))
        .then([projectReviewed({ reviewId: 'review-3', occurredAt: NOW })]);
    });

    it('keeps only the reviewer id and name from the caller', () => {
      const reviewer = { userId: 'user-expert', username: 'expert.zhang', passwordHash: 'secret' };
      spec
        .given(historyIn.submitted())
        .when(reviewProject({ reviewer }))
        .then([projectReviewed({ occurredAt: NOW })]);
    });

    it.each<ProjectStatus>(['approved', 'rejected', 'presented', 'assigned', 'landed'])(
      'once the project is %s, the decision is final: PROJECT_ALREADY_DECIDED',
      (status) => {
        spec.given(historyIn[status]()).when(reviewProject()).thenThrows('conflict', 'PROJECT_ALREADY_DECIDED');
      },
    );

    it('on a withdrawn project: PROJECT_CLOSED', () => {
      spec
        .given([projectSubmitted(), projectWithdrawn()])
        .when(reviewProject())
        .thenThrows('conflict', 'PROJECT_CLOSED');
    });

    it.each<[string, string, string, Partial<ReturnType<typeof reviewProject>['data']>]>([
      ['an unknown verdict', 'INVALID_CHOICE', 'verdict', { verdict: 'maybe' as never }],
      [
        'an idea score above 100',
        'INVALID_SCORE',
        'scores.idea',
        { scores: { idea: 101, validation: 50, feasibility: 50 } },
      ],
      [
        'a negative validation score',
        'INVALID_SCORE',
        'scores.validation',
        { scores: { idea: 50, validation: -1, feasibility: 50 } },
      ],
      [
        'a fractional feasibility score',
        'INVALID_SCORE',
        'scores.feasibility',
        { scores: { idea: 50, validation: 50, feasibility: 50.5 } },
      ],
      ['a missing score', 'INVALID_SCORE', 'scores.feasibility', { scores: { idea: 50, validation: 50 } as never }],
      ['no scores', 'INVALID_OBJECT', 'scores', { scores: null as never }],
      ['a blank reviewId', 'TEXT_REQUIRED', 'reviewId', { reviewId: '' }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given(historyIn.submitted()).when(reviewProject(data)).thenThrows('invalid', code, field);
    });

    it('accepts the score bounds 0 and 100', () => {
      const scores = { idea: 0, validation: 100, feasibility: 0 };
      spec
        .given(historyIn.submitted())
        .when(reviewProject({ scores }))
        .then([projectReviewed({ scores, occurredAt: NOW })]);
    });
  });

  describe('ReviseSubmission', () => {
    const afterRevise = () => [projectSubmitted(), projectReviewed({ verdict: 'revise' })];

    it('records only the fields that change', () => {
      spec
        .given(afterRevise())
        .when(reviseSubmission({ title: ' 港口机器人二期 ', investmentYuan: 350_000_000 }))
        .then([submissionRevised({ title: '港口机器人二期', investmentYuan: 350_000_000, occurredAt: NOW })]);
    });

    it('replaces the list of needs', () => {
      const needs = [{ needId: 'need-talent', kind: 'talent' as const, description: '引进 10 名工程师' }];
      spec
        .given(afterRevise())
        .when(
          reviseSubmission({
            investmentYuan: undefined,
            needs,
            summary: '新摘要',
            industryChain: 'marine',
            district: 'Laoshan',
          }),
        )
        .then([
          submissionRevised({
            needs,
            summary: '新摘要',
            industryChain: 'marine',
            district: 'Laoshan',
            occurredAt: NOW,
          }),
        ]);
    });

    it('is allowed while submitted even without a revise verdict', () => {
      spec
        .given(historyIn.submitted())
        .when(reviseSubmission())
        .then([submissionRevised({ investmentYuan: 350_000_000, occurredAt: NOW })]);
    });

    it('that changes nothing: NOTHING_TO_REVISE', () => {
      spec
        .given(afterRevise())
        .when(reviseSubmission({ investmentYuan: undefined, summary: '  ' }))
        .thenThrows('invalid', 'NOTHING_TO_REVISE');
    });

    it.each<[string, string, string, Partial<ReturnType<typeof reviseSubmission>['data']>]>([
      ['a blank title', 'TEXT_REQUIRED', 'title', { title: ' ' }],
      ['a blank industry chain', 'TEXT_REQUIRED', 'industryChain', { industryChain: '' }],
      ['a negative investment', 'INVALID_AMOUNT', 'investmentYuan', { investmentYuan: -5 }],
      [
        'needs of an unknown kind',
        'INVALID_CHOICE',
        'needs[0].kind',
        { needs: [{ needId: 'a', kind: 'love' as never, description: 'x' }] },
      ],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given(afterRevise()).when(reviseSubmission(data)).thenThrows('invalid', code, field);
    });

    it.each<ProjectStatus>(['approved', 'rejected', 'presented', 'assigned', 'landed'])(
      'once the project is %s: PROJECT_ALREADY_DECIDED',
      (status) => {
        spec.given(historyIn[status]()).when(reviseSubmission()).thenThrows('conflict', 'PROJECT_ALREADY_DECIDED');
      },
    );

    it('on a withdrawn project: PROJECT_CLOSED', () => {
      spec
        .given([projectSubmitted(), projectWithdrawn()])
        .when(reviseSubmission())
        .thenThrows('conflict', 'PROJECT_CLOSED');
    });
  });

  describe('PresentProject', () => {
    it('records the presentation of a library project at the conference', () => {
      spec
        .given(historyIn.approved())
        .when(presentProject({ occurredAt: T.presented }))
        .then([projectPresented()]);
    });

    it('at a conference the caller could not find: CONFERENCE_NOT_FOUND on conferenceId', () => {
      spec
        .given(historyIn.approved())
        .when(presentProject({ conference: null }))
        .thenThrows('invalid', 'CONFERENCE_NOT_FOUND', 'conferenceId');
    });

    it('dated before the conference was held: PRESENTATION_BEFORE_CONFERENCE', () => {
      spec
        .given(historyIn.approved())
        .when(presentProject({ occurredAt: '2024-04-14T15:59:59.999Z' }))
        .thenThrows('conflict', 'PRESENTATION_BEFORE_CONFERENCE');
    });

    it('dated on the day the conference is held (CST) is recorded', () => {
      spec
        .given(historyIn.approved())
        .when(presentProject({ occurredAt: '2024-04-14T16:00:00.000Z' }))
        .then([projectPresented({ occurredAt: '2024-04-14T16:00:00.000Z' })]);
    });

    it('at a conference dated after today: PRESENTATION_BEFORE_CONFERENCE', () => {
      spec
        .given(historyIn.approved())
        .when(presentProject({ conference: { ...CONFERENCE, heldOn: '2025-01-10' } }))
        .thenThrows('conflict', 'PRESENTATION_BEFORE_CONFERENCE');
    });

    it('before approval: PROJECT_NOT_IN_LIBRARY', () => {
      spec.given(historyIn.submitted()).when(presentProject()).thenThrows('conflict', 'PROJECT_NOT_IN_LIBRARY');
    });

    it.each<ProjectStatus>(['presented', 'assigned'])('when already %s: PROJECT_ALREADY_PRESENTED', (status) => {
      spec.given(historyIn[status]()).when(presentProject()).thenThrows('conflict', 'PROJECT_ALREADY_PRESENTED');
    });

    it.each(CLOSED)('when %s: PROJECT_CLOSED', (status) => {
      spec.given(historyIn[status]()).when(presentProject()).thenThrows('conflict', 'PROJECT_CLOSED');
    });
  });

  describe('AssignLandingPlan', () => {
    it('assigns the first plan to a presented project', () => {
      spec
        .given(historyIn.presented())
        .when(assignLandingPlan({ occurredAt: T.assigned }))
        .then([landingPlanAssigned()]);
    });

    it('accepts a plan without supporting departments', () => {
      spec
        .given(historyIn.presented())
        .when(assignLandingPlan({ supportingDepartments: [] }))
        .then([landingPlanAssigned({ supportingDepartments: [], occurredAt: NOW })]);
    });

    it('revises the plan of an assigned project: revision 2 replaces plan 1', () => {
      spec
        .given(historyIn.assigned())
        .when(assignLandingPlan({ planId: 'plan-2', occurredAt: T.progress }))
        .then([landingPlanRevised()]);
    });

    it('numbers every further revision', () => {
      spec
        .given([...historyIn.assigned(), landingPlanRevised()])
        .when(assignLandingPlan({ planId: 'plan-3' }))
        .then([landingPlanRevised({ planId: 'plan-3', revision: 3, replacesPlanId: 'plan-2', occurredAt: NOW })]);
    });

    it('before the project was presented: PROJECT_NOT_PRESENTED', () => {
      spec.given(historyIn.approved()).when(assignLandingPlan()).thenThrows('conflict', 'PROJECT_NOT_PRESENTED');
    });

    it('before approval: PROJECT_NOT_IN_LIBRARY', () => {
      spec.given(historyIn.submitted()).when(assignLandingPlan()).thenThrows('conflict', 'PROJECT_NOT_IN_LIBRARY');
    });

    it.each(CLOSED)('when %s: PROJECT_CLOSED', (status) => {
      spec.given(historyIn[status]()).when(assignLandingPlan()).thenThrows('conflict', 'PROJECT_CLOSED');
    });

    const milestone = {
      milestoneId: 'm-1',
      title: '开工',
      dueOn: '2024-08-01',
      departmentCode: 'industry',
      owner: '王伟',
    };

    it.each<[string, string, string, Partial<ReturnType<typeof assignLandingPlan>['data']>]>([
      ['an unknown lead department', 'UNKNOWN_DEPARTMENT', 'leadDepartment', { leadDepartment: 'police' }],
      ['a blank lead department', 'TEXT_REQUIRED', 'leadDepartment', { leadDepartment: '' }],
      [
        'an unknown supporting department',
        'UNKNOWN_DEPARTMENT',
        'supportingDepartments[1]',
        { supportingDepartments: ['finance', 'police'] },
      ],
      [
        'the lead also supporting',
        'LEAD_ALSO_SUPPORTING',
        'supportingDepartments[1]',
        { supportingDepartments: ['finance', 'industry'] },
      ],
      [
        'a supporting department twice',
        'DUPLICATE_DEPARTMENT',
        'supportingDepartments[2]',
        { supportingDepartments: ['finance', 'resources', 'finance'] },
      ],
      [
        'supporting departments that are not a list',
        'INVALID_LIST',
        'supportingDepartments',
        { supportingDepartments: 'finance' as never },
      ],
      ['no milestones', 'MILESTONE_REQUIRED', 'milestones', { milestones: [] }],
      ['milestones that are not a list', 'INVALID_LIST', 'milestones', { milestones: undefined }],
      ['a milestone that is not an object', 'INVALID_OBJECT', 'milestones[0]', { milestones: ['开工' as never] }],
      [
        'a milestone of an unknown department',
        'UNKNOWN_DEPARTMENT',
        'milestones[1].departmentCode',
        { milestones: [milestone, { ...milestone, milestoneId: 'm-2', departmentCode: 'police' }] },
      ],
      [
        'a milestone with an impossible due date',
        'INVALID_DATE',
        'milestones[0].dueOn',
        { milestones: [{ ...milestone, dueOn: '2024-02-30' }] },
      ],
      [
        'a milestone due "next month"',
        'INVALID_DATE',
        'milestones[0].dueOn',
        { milestones: [{ ...milestone, dueOn: 'next month' }] },
      ],
      [
        'a milestone without title',
        'TEXT_REQUIRED',
        'milestones[0].title',
        { milestones: [{ ...milestone, title: ' ' }] },
      ],
      [
        'a milestone without owner',
        'TEXT_REQUIRED',
        'milestones[0].owner',
        { milestones: [{ ...milestone, owner: '' }] },
      ],
      [
        'a milestone without id',
        'TEXT_REQUIRED',
        'milestones[0].milestoneId',
        { milestones: [{ ...milestone, milestoneId: '' }] },
      ],
      [
        'two milestones with the same id',
        'DUPLICATE_ID',
        'milestones[1].milestoneId',
        { milestones: [milestone, milestone] },
      ],
      ['a blank planId', 'TEXT_REQUIRED', 'planId', { planId: ' ' }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given(historyIn.presented()).when(assignLandingPlan(data)).thenThrows('invalid', code, field);
    });
  });

  describe('ReportProgress', () => {
    it('records a note on a milestone', () => {
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ note: '正在谈判', occurredAt: T.progress }))
        .then([progressReported({ note: '正在谈判', done: false })]);
    });

    it('with done records the progress and completes the milestone', () => {
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ done: true, occurredAt: T.progress }))
        .then([progressReported(), milestoneCompleted()]);
    });

    it('records a general note without a milestone', () => {
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ milestoneId: undefined, done: false, note: '企业已进场' }))
        .then([progressReported({ milestoneId: undefined, done: false, note: '企业已进场', occurredAt: NOW })]);
    });

    it('may add a note to a milestone that is already done', () => {
      spec
        .given([...historyIn.assigned(), progressReported(), milestoneCompleted()])
        .when(reportProgress({ progressId: 'progress-2', note: '补充材料' }))
        .then([progressReported({ progressId: 'progress-2', note: '补充材料', done: false, occurredAt: NOW })]);
    });

    it('completing a milestone twice: MILESTONE_ALREADY_DONE', () => {
      spec
        .given([...historyIn.assigned(), progressReported(), milestoneCompleted()])
        .when(reportProgress({ progressId: 'progress-2', done: true }))
        .thenThrows('conflict', 'MILESTONE_ALREADY_DONE');
    });

    it('a milestone completed before a plan revision that keeps it stays done: MILESTONE_ALREADY_DONE', () => {
      spec
        .given([...historyIn.assigned(), progressReported(), milestoneCompleted(), landingPlanRevised()])
        .when(reportProgress({ progressId: 'progress-2', done: true }))
        .thenThrows('conflict', 'MILESTONE_ALREADY_DONE');
    });

    it('on a milestone that is not in the plan: MILESTONE_NOT_FOUND on milestoneId', () => {
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ milestoneId: 'm-other' }))
        .thenThrows('invalid', 'MILESTONE_NOT_FOUND', 'milestoneId');
    });

    it('on a milestone the revised plan dropped: MILESTONE_NOT_FOUND', () => {
      const milestones = [
        { milestoneId: 'm-new', title: '投产', dueOn: '2024-12-31', departmentCode: 'industry', owner: '王伟' },
      ];
      spec
        .given([...historyIn.assigned(), landingPlanRevised({ milestones })])
        .when(reportProgress({ milestoneId: 'm-contract' }))
        .thenThrows('invalid', 'MILESTONE_NOT_FOUND', 'milestoneId');
    });

    it('done without a milestone: MILESTONE_REQUIRED_FOR_DONE on milestoneId', () => {
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ milestoneId: undefined, done: true }))
        .thenThrows('invalid', 'MILESTONE_REQUIRED_FOR_DONE', 'milestoneId');
    });

    it.each<[string, string, string, Partial<ReturnType<typeof reportProgress>['data']>]>([
      ['a blank note', 'TEXT_REQUIRED', 'note', { note: '  ' }],
      ['a blank progressId', 'TEXT_REQUIRED', 'progressId', { progressId: '' }],
      ['done that is not a boolean', 'INVALID_FLAG', 'done', { done: 'yes' as never }],
      ['a milestoneId that is not text', 'INVALID_TEXT', 'milestoneId', { milestoneId: 3 as never }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given(historyIn.assigned()).when(reportProgress(data)).thenThrows('invalid', code, field);
    });

    it.each<ProjectStatus>(['submitted', 'approved', 'presented'])(
      'while %s, without a plan: PROJECT_NOT_ASSIGNED',
      (status) => {
        spec.given(historyIn[status]()).when(reportProgress()).thenThrows('conflict', 'PROJECT_NOT_ASSIGNED');
      },
    );

    it.each(CLOSED)('when %s: PROJECT_CLOSED', (status) => {
      spec.given(historyIn[status]()).when(reportProgress()).thenThrows('conflict', 'PROJECT_CLOSED');
    });

    describe('by a department user', () => {
      it('on a milestone of their own department is recorded', () => {
        const reporter = departmentUser('resources');
        spec
          .given(historyIn.assigned())
          .when(reportProgress({ milestoneId: 'm-land', done: true, reporter }))
          .then([
            progressReported({ milestoneId: 'm-land', reporter, occurredAt: NOW }),
            milestoneCompleted({ milestoneId: 'm-land', occurredAt: NOW }),
          ]);
      });

      it("on another department's milestone, even as lead: NOT_YOUR_ASSIGNMENT", () => {
        spec
          .given(historyIn.assigned())
          .when(reportProgress({ milestoneId: 'm-land', reporter: departmentUser('industry') }))
          .thenThrows('forbidden', 'NOT_YOUR_ASSIGNMENT');
      });

      it.each(['industry', 'resources'])('generally, as lead or supporting department (%s), is recorded', (code) => {
        const reporter = departmentUser(code);
        spec
          .given(historyIn.assigned())
          .when(reportProgress({ milestoneId: undefined, reporter }))
          .then([progressReported({ milestoneId: undefined, done: false, reporter, occurredAt: NOW })]);
      });

      it('generally, as the owner of a milestone only, is recorded', () => {
        const reporter = departmentUser('finance');
        const milestones = [
          ...landingPlanAssigned().data.milestones,
          { milestoneId: 'm-loan', title: '发放贷款', dueOn: '2024-09-30', departmentCode: 'finance', owner: '赵敏' },
        ];
        spec
          .given([...historyIn.presented(), landingPlanAssigned({ milestones })])
          .when(reportProgress({ milestoneId: undefined, reporter }))
          .then([progressReported({ milestoneId: undefined, done: false, reporter, occurredAt: NOW })]);
      });

      it('generally, on a project their department does not work on: NOT_YOUR_ASSIGNMENT', () => {
        spec
          .given(historyIn.assigned())
          .when(reportProgress({ milestoneId: undefined, reporter: departmentUser('finance') }))
          .thenThrows('forbidden', 'NOT_YOUR_ASSIGNMENT');
      });

      it('without a department code: NOT_YOUR_ASSIGNMENT', () => {
        spec
          .given(historyIn.assigned())
          .when(reportProgress({ milestoneId: undefined, reporter: departmentUser(undefined) }))
          .thenThrows('forbidden', 'NOT_YOUR_ASSIGNMENT');
      });
    });

    it('by task-force staff on any milestone is recorded, with only the reporter fields the history needs', () => {
      const reporter = { ...TASKFORCE, email: 'staff@example.cn' };
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ milestoneId: 'm-land', reporter }))
        .then([progressReported({ milestoneId: 'm-land', done: false, reporter: TASKFORCE, occurredAt: NOW })]);
    });
  });

  describe('ResolveNeed', () => {
    it.each<ProjectStatus>(['submitted', 'approved', 'presented', 'assigned'])(
      'records the resolution while %s',
      (status) => {
        spec
          .given(historyIn[status]())
          .when(resolveNeed())
          .then([needResolved({ occurredAt: NOW })]);
      },
    );

    it('of a need the project does not have: NEED_NOT_FOUND on needId', () => {
      spec
        .given(historyIn.assigned())
        .when(resolveNeed({ needId: 'need-orders' }))
        .thenThrows('invalid', 'NEED_NOT_FOUND', 'needId');
    });

    it('of a need a revision dropped: NEED_NOT_FOUND', () => {
      spec
        .given([projectSubmitted(), submissionRevised({ needs: [] })])
        .when(resolveNeed())
        .thenThrows('invalid', 'NEED_NOT_FOUND', 'needId');
    });

    it('twice: NEED_ALREADY_RESOLVED', () => {
      spec
        .given([...historyIn.assigned(), needResolved()])
        .when(resolveNeed())
        .thenThrows('conflict', 'NEED_ALREADY_RESOLVED');
    });

    it('kept resolved across a revision that keeps the need: NEED_ALREADY_RESOLVED', () => {
      spec
        .given([
          projectSubmitted(),
          needResolved({ occurredAt: T.submitted }),
          submissionRevised({ needs: projectSubmitted().data.needs }),
        ])
        .when(resolveNeed())
        .thenThrows('conflict', 'NEED_ALREADY_RESOLVED');
    });

    it.each(CLOSED)('when %s: PROJECT_CLOSED', (status) => {
      spec.given(historyIn[status]()).when(resolveNeed()).thenThrows('conflict', 'PROJECT_CLOSED');
    });

    it.each<[string, Partial<ReturnType<typeof resolveNeed>['data']>, string]>([
      ['a blank resolution', { resolution: ' ' }, 'resolution'],
      ['a blank needId', { needId: '' }, 'needId'],
    ])('with %s: TEXT_REQUIRED', (_, data, field) => {
      spec.given(historyIn.assigned()).when(resolveNeed(data)).thenThrows('invalid', 'TEXT_REQUIRED', field);
    });

    it('with a resolution over the limit: INVALID_TEXT', () => {
      const resolution = 'x'.repeat(INPUT_LIMITS.project.needResolution + 1);
      spec
        .given(historyIn.assigned())
        .when(resolveNeed({ resolution }))
        .thenThrows('invalid', 'INVALID_TEXT', 'resolution');
    });

    describe('by a department user', () => {
      it.each(['industry', 'resources'])('of a department acting on the project (%s) is recorded', (code) => {
        spec
          .given(historyIn.assigned())
          .when(resolveNeed({ resolvedBy: departmentUser(code) }))
          .then([needResolved({ occurredAt: NOW })]);
      });

      it.each<[string, ProjectEvent[], string | undefined]>([
        ['a department the plan does not name', historyIn.assigned(), 'finance'],
        ['any department before a plan', historyIn.presented(), 'industry'],
        ['a user without a department code', historyIn.assigned(), undefined],
      ])('of %s: NOT_YOUR_PROJECT', (_, history, code) => {
        spec
          .given(history)
          .when(resolveNeed({ resolvedBy: departmentUser(code) }))
          .thenThrows('forbidden', 'NOT_YOUR_PROJECT');
      });

      it('outside the project is refused before its input and status are looked at: NOT_YOUR_PROJECT', () => {
        spec
          .given(historyIn.landed())
          .when(resolveNeed({ needId: '', resolvedBy: departmentUser('finance') }))
          .thenThrows('forbidden', 'NOT_YOUR_PROJECT');
      });
    });
  });

  describe('LandProject', () => {
    /** Every milestone done and every need resolved at the time of the history's last event. */
    const withNothingOpen = (history: ProjectEvent[]): ProjectEvent[] => {
      const occurredAt = history.at(-1)!.data.occurredAt;
      return [
        ...history,
        milestoneCompleted({ milestoneId: 'm-contract', occurredAt }),
        milestoneCompleted({ milestoneId: 'm-land', progressId: 'progress-2', occurredAt }),
        needResolved({ needId: 'need-land', occurredAt }),
        needResolved({ needId: 'need-money', occurredAt }),
      ];
    };
    const OPEN_ITEMS = [
      { kind: 'milestone', id: 'm-land', title: '完成用地供应' },
      { kind: 'need', id: 'need-money', title: '需要 2 亿元贷款' },
    ];
    const partlyDone = () => [
      ...historyIn.assigned(),
      milestoneCompleted({ milestoneId: 'm-contract' }),
      needResolved({ needId: 'need-land' }),
    ];

    it('with open milestones or unresolved needs: LANDING_HAS_OPEN_ITEMS listing them, milestones first', () => {
      const error = spec
        .given(partlyDone())
        .when(landProject({ landedOn: '2024-05-20' }))
        .thenThrows('conflict', 'LANDING_HAS_OPEN_ITEMS');
      expect(error.details).toEqual({ openItems: OPEN_ITEMS });
    });

    it('confirmOpenItems: false is no confirmation', () => {
      spec
        .given(partlyDone())
        .when(landProject({ confirmOpenItems: false }))
        .thenThrows('conflict', 'LANDING_HAS_OPEN_ITEMS');
    });

    it('with the open items confirmed lands, recording the items confirmed', () => {
      spec
        .given(partlyDone())
        .when(
          landProject({
            landedOn: '2024-05-20',
            actualInvestmentYuan: 320_000_000,
            evidence: '投资协议及开工许可证',
            confirmOpenItems: true,
          }),
        )
        .then([projectLanded({ confirmedOpenItems: OPEN_ITEMS as never })]);
    });

    it('confirming when nothing is open records no items', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ confirmOpenItems: true }))
        .then([projectLanded({ actualInvestmentYuan: undefined, evidence: undefined })]);
    });

    it('with a confirmOpenItems that is not a flag: INVALID_FLAG on confirmOpenItems', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ confirmOpenItems: 'yes' as never }))
        .thenThrows('invalid', 'INVALID_FLAG', 'confirmOpenItems');
    });

    it('on a past date is recorded at the end of that business day (CST)', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(
          landProject({
            landedOn: '2024-05-20',
            actualInvestmentYuan: 320_000_000,
            evidence: ' 投资协议及开工许可证 ',
          }),
        )
        .then([projectLanded({ occurredAt: '2024-05-20T15:59:59.999Z' })]);
    });

    it('today is recorded at now, since nothing may be dated in the future', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-06-01' }))
        .then([
          projectLanded({
            landedOn: '2024-06-01',
            actualInvestmentYuan: undefined,
            evidence: undefined,
            occurredAt: NOW,
          }),
        ]);
    });

    it('counts today by China Standard Time: at 00:30 CST on 2 June it is already 2 June', () => {
      const now = '2024-06-01T16:30:00.000Z';
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-06-02' }, now))
        .then([
          projectLanded({
            landedOn: '2024-06-02',
            actualInvestmentYuan: undefined,
            evidence: undefined,
            occurredAt: now,
          }),
        ]);
    });

    it('after today (CST): LANDED_ON_IN_FUTURE on landedOn', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-06-02' }, '2024-06-01T15:59:59.999Z'))
        .thenThrows('invalid', 'LANDED_ON_IN_FUTURE', 'landedOn');
    });

    it('on the business date of the previous event is allowed', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-04-20' }))
        .then([
          projectLanded({
            landedOn: '2024-04-20',
            actualInvestmentYuan: undefined,
            evidence: undefined,
            occurredAt: '2024-04-20T15:59:59.999Z',
          }),
        ]);
    });

    it('before the business date of the previous event: LANDED_ON_BEFORE_PREVIOUS_EVENT', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-04-19' }))
        .thenThrows('conflict', 'LANDED_ON_BEFORE_PREVIOUS_EVENT');
    });

    it('compares with the previous event by CST date: 01:00 CST on 21 April is 20 April in UTC, yet 21 April counts', () => {
      const lateAssignment = landingPlanAssigned({ occurredAt: '2024-04-20T17:00:00.000Z' });
      spec
        .given(withNothingOpen([...historyIn.presented(), lateAssignment]))
        .when(landProject({ landedOn: '2024-04-20' }))
        .thenThrows('conflict', 'LANDED_ON_BEFORE_PREVIOUS_EVENT');
    });

    it('when the caller clock runs behind the last event: OCCURRED_AT_BEFORE_PREVIOUS_EVENT', () => {
      spec
        .given(withNothingOpen(historyIn.assigned()))
        .when(landProject({ landedOn: '2024-04-20' }, '2024-04-20T01:00:00.000Z'))
        .thenThrows('conflict', 'OCCURRED_AT_BEFORE_PREVIOUS_EVENT');
    });

    it.each<[string, string, string, Partial<ReturnType<typeof landProject>['data']>]>([
      ['an impossible date', 'INVALID_DATE', 'landedOn', { landedOn: '2024-02-30' }],
      ['a date with a time', 'INVALID_DATE', 'landedOn', { landedOn: '2024-05-20T10:00:00+08:00' }],
      ['a negative actual investment', 'INVALID_AMOUNT', 'actualInvestmentYuan', { actualInvestmentYuan: -1 }],
      ['evidence that is not text', 'INVALID_TEXT', 'evidence', { evidence: ['photo'] as never }],
    ])('with %s: %s on %s', (_, code, field, data) => {
      spec.given(historyIn.assigned()).when(landProject(data)).thenThrows('invalid', code, field);
    });

    it.each<ProjectStatus>(['approved', 'presented'])(
      'while %s, without a landing plan: PROJECT_HAS_NO_LANDING_PLAN',
      (status) => {
        const error = spec
          .given(historyIn[status]())
          .when(landProject())
          .thenThrows('conflict', 'PROJECT_HAS_NO_LANDING_PLAN');
        expect(error.message).toBe('A project can only land once it has a landing plan.');
      },
    );

    it('before approval: PROJECT_NOT_IN_LIBRARY', () => {
      spec.given(historyIn.submitted()).when(landProject()).thenThrows('conflict', 'PROJECT_NOT_IN_LIBRARY');
    });

    it('twice: PROJECT_ALREADY_LANDED', () => {
      spec
        .given(historyIn.landed())
        .when(landProject({ landedOn: '2024-05-25' }))
        .thenThrows('conflict', 'PROJECT_ALREADY_LANDED');
    });

    it.each<ProjectStatus>(['rejected', 'withdrawn'])('when %s: PROJECT_CLOSED', (status) => {
      spec
        .given(historyIn[status]())
        .when(landProject({ landedOn: '2024-05-25' }))
        .thenThrows('conflict', 'PROJECT_CLOSED');
    });
  });

  describe('WithdrawProject', () => {
    it.each<ProjectStatus>(['submitted', 'approved', 'presented', 'assigned'])(
      'records the withdrawal while %s',
      (status) => {
        spec
          .given(historyIn[status]())
          .when(withdrawProject({ reason: ' 企业战略调整 ' }))
          .then([projectWithdrawn({ occurredAt: NOW })]);
      },
    );

    it.each(CLOSED)('when %s: PROJECT_CLOSED', (status) => {
      spec.given(historyIn[status]()).when(withdrawProject()).thenThrows('conflict', 'PROJECT_CLOSED');
    });

    it('without a reason: TEXT_REQUIRED on reason', () => {
      spec
        .given(historyIn.assigned())
        .when(withdrawProject({ reason: '' }))
        .thenThrows('invalid', 'TEXT_REQUIRED', 'reason');
    });
  });

  it('the fixture enterprise and conference reach the events unchanged', () => {
    // Guards the fixtures themselves: the specs above compare against them.
    expect(projectSubmitted().data).toMatchObject({ enterpriseId: ENTERPRISE.id, enterpriseName: ENTERPRISE.name });
    expect(projectPresented().data).toMatchObject({ conferenceId: CONFERENCE.id, heldOn: CONFERENCE.heldOn });
  });
  describe('CorrectLanding', () => {
    const correctedBy = { userId: 'user-staff', username: 'staff.liu' };

    it('to another date records LandingCorrected dated now, the landing at the end of the new date (CST)', () => {
      spec
        .given(historyIn.landed())
        .when(correctLanding({ landedOn: '2024-05-10' }))
        .then([
          {
            type: 'LandingCorrected',
            data: {
              reason: '原登记日期有误',
              landedOn: '2024-05-10',
              landedAt: '2024-05-10T15:59:59.999Z',
              previousLandedOn: '2024-05-20',
              correctedBy,
              occurredAt: NOW,
            },
          },
        ]);
    });

    it('revoke: true records LandingRevoked; the project is back in its plan and may land again', () => {
      spec
        .given(historyIn.landed())
        .when(correctLanding({ revoke: true }))
        .then([
          {
            type: 'LandingRevoked',
            data: { reason: '原登记日期有误', previousLandedOn: '2024-05-20', correctedBy, occurredAt: NOW },
          },
        ]);
      const revoked: ProjectEvent = {
        type: 'LandingRevoked',
        data: { reason: 'x', previousLandedOn: '2024-05-20', correctedBy, occurredAt: NOW },
      };
      const state = [...historyIn.landed(), revoked].reduce(projectDecider.evolve, null)!;
      expect(state).toMatchObject({ status: 'assigned', landedOn: null, actualInvestmentYuan: null });
      spec
        .given([...historyIn.landed(), revoked])
        .when(landProject({ landedOn: '2024-06-01', confirmOpenItems: true }))
        .then([
          projectLanded({
            landedOn: '2024-06-01',
            actualInvestmentYuan: undefined,
            evidence: undefined,
            confirmedOpenItems: [
              { kind: 'milestone', id: 'm-contract', title: '签订投资协议' },
              { kind: 'milestone', id: 'm-land', title: '完成用地供应' },
              { kind: 'need', id: 'need-land', title: '需要 50 亩工业用地' },
              { kind: 'need', id: 'need-money', title: '需要 2 亿元贷款' },
            ],
            occurredAt: NOW,
          }),
        ]);
    });

    it('a second correction is checked against the event before the landing, not the first correction', () => {
      const corrected: ProjectEvent = {
        type: 'LandingCorrected',
        data: {
          reason: 'x',
          landedOn: '2024-05-10',
          landedAt: '2024-05-10T15:59:59.999Z',
          previousLandedOn: '2024-05-20',
          correctedBy,
          occurredAt: '2024-05-30T02:00:00.000Z',
        },
      };
      const events = projectDecider.decide(
        correctLanding({ landedOn: '2024-04-20' }),
        [...historyIn.landed(), corrected].reduce(projectDecider.evolve, null),
      );
      expect(events[0].data).toMatchObject({ landedOn: '2024-04-20', previousLandedOn: '2024-05-10' });
    });

    it.each<ProjectStatus>(['submitted', 'approved', 'presented', 'assigned', 'rejected', 'withdrawn'])(
      'on a project %s (never landed): PROJECT_NOT_LANDED',
      (status) => {
        spec
          .given(historyIn[status]())
          .when(correctLanding({ landedOn: '2024-05-10' }))
          .thenThrows('conflict', 'PROJECT_NOT_LANDED');
      },
    );

    it.each<[string, Partial<CorrectLanding['data']>]>([
      ['neither landedOn nor revoke', {}],
      ['both landedOn and revoke', { landedOn: '2024-05-10', revoke: true }],
      ['revoke: false', { revoke: false }],
      ['revoke: false with a landedOn', { landedOn: '2024-05-10', revoke: false }],
    ])('with %s: CORRECTION_NEEDS_ONE_CHANGE', (_, data) => {
      spec
        .given(historyIn.landed())
        .when(correctLanding(data))
        .thenThrows('invalid', 'CORRECTION_NEEDS_ONE_CHANGE', 'landedOn');
    });

    it('without a reason: TEXT_REQUIRED on reason', () => {
      spec
        .given(historyIn.landed())
        .when(correctLanding({ reason: ' ', revoke: true }))
        .thenThrows('invalid', 'TEXT_REQUIRED', 'reason');
    });

    it('to a date after today: LANDED_ON_IN_FUTURE; before the event preceding the landing: LANDED_ON_BEFORE_PREVIOUS_EVENT', () => {
      spec
        .given(historyIn.landed())
        .when(correctLanding({ landedOn: '2024-06-02' }))
        .thenThrows('invalid', 'LANDED_ON_IN_FUTURE', 'landedOn');
      spec
        .given(historyIn.landed())
        .when(correctLanding({ landedOn: '2024-04-19' }))
        .thenThrows('conflict', 'LANDED_ON_BEFORE_PREVIOUS_EVENT');
    });

    it('to the date already recorded: LANDING_UNCHANGED', () => {
      spec
        .given(historyIn.landed())
        .when(correctLanding({ landedOn: '2024-05-20' }))
        .thenThrows('conflict', 'LANDING_UNCHANGED');
    });
  });
  describe('evidence files', () => {
    it('progress, a resolution and the landing record the evidence files they name', () => {
      const ids = ['file-1', 'file-2'];
      const [progress] = projectDecider.decide(
        reportProgress({ evidenceFileIds: ids }),
        historyIn.assigned().reduce(projectDecider.evolve, null),
      );
      expect(progress.data).toMatchObject({ evidenceFileIds: ids });
      const [resolved] = projectDecider.decide(
        resolveNeed({ evidenceFileIds: ids }),
        historyIn.assigned().reduce(projectDecider.evolve, null),
      );
      expect(resolved.data).toMatchObject({ evidenceFileIds: ids });
      const [landed] = projectDecider.decide(
        landProject({ confirmOpenItems: true, evidenceFileIds: ids }),
        historyIn.assigned().reduce(projectDecider.evolve, null),
      );
      expect(landed.data).toMatchObject({ evidenceFileIds: ids });
    });

    it('an empty list records none; a file named twice: DUPLICATE_ID', () => {
      const [progress] = projectDecider.decide(
        reportProgress({ evidenceFileIds: [] }),
        historyIn.assigned().reduce(projectDecider.evolve, null),
      );
      expect(progress.data).not.toHaveProperty('evidenceFileIds');
      spec
        .given(historyIn.assigned())
        .when(reportProgress({ evidenceFileIds: ['file-1', 'file-1'] }))
        .thenThrows('invalid', 'DUPLICATE_ID', 'evidenceFileIds[1]');
    });
  });
  describe('FollowUpNeed', () => {
    const resolved = () => [...historyIn.assigned(), needResolved()];

    it.each(['satisfied', 'basically'] as const)(
      '%s: records the follow-up; the need stays resolved',
      (satisfaction) => {
        spec
          .given(resolved())
          .when(followUpNeed({ satisfaction, comment: ' 企业认可 ', evidenceFileIds: ['file-1'] }))
          .then([
            {
              type: 'NeedFollowedUp',
              data: {
                followUpId: 'follow-up-1',
                needId: 'need-land',
                satisfaction,
                comment: '企业认可',
                evidenceFileIds: ['file-1'],
                occurredAt: NOW,
              },
            },
          ]);
      },
    );

    it('unsatisfied reopens the need (退回重办) and issues a 督办单 to the lead department: unresolved again, resolvable again, open for landing', () => {
      const events = projectDecider.decide(
        followUpNeed({ satisfaction: 'unsatisfied' }),
        resolved().reduce(projectDecider.evolve, null),
      );
      expect(events).toEqual([
        {
          type: 'NeedFollowedUp',
          data: { followUpId: 'follow-up-1', needId: 'need-land', satisfaction: 'unsatisfied', occurredAt: NOW },
        },
        { type: 'NeedReopened', data: { needId: 'need-land', followUpId: 'follow-up-1', occurredAt: NOW } },
        {
          type: 'SupervisionNoticeIssued',
          data: {
            noticeId: 'notice-1',
            needId: 'need-land',
            departmentCode: 'industry',
            level: 'supervision',
            message: '企业回访不满意，退回重办',
            respondBy: '2024-06-06',
            source: 'manual',
            occurredAt: NOW,
          },
        },
      ]);
      expect(
        projectDecider.decide(
          followUpNeed({ satisfaction: 'unsatisfied', comment: '用地仍未落实' }),
          resolved().reduce(projectDecider.evolve, null),
        )[2].data,
      ).toMatchObject({ message: '企业回访不满意，退回重办：用地仍未落实' });
      const state = [...resolved(), ...events].reduce(projectDecider.evolve, null)!;
      expect(state.needs[0]).toMatchObject({ resolved: false, resolution: null, resolvedAt: null });
      spec
        .given([...resolved(), ...events])
        .when(landProject({ landedOn: '2024-06-01' }))
        .thenThrows('conflict', 'LANDING_HAS_OPEN_ITEMS');
      spec
        .given([...resolved(), ...events])
        .when(resolveNeed({ occurredAt: NOW }))
        .then([needResolved({ occurredAt: NOW })]);
    });

    it('of a need not resolved: NEED_NOT_RESOLVED; of an unknown need: NEED_NOT_FOUND', () => {
      spec.given(historyIn.assigned()).when(followUpNeed()).thenThrows('conflict', 'NEED_NOT_RESOLVED');
      spec
        .given(resolved())
        .when(followUpNeed({ needId: 'need-x' }))
        .thenThrows('invalid', 'NEED_NOT_FOUND', 'needId');
    });

    it('with an unknown satisfaction: INVALID_CHOICE; on a closed project: PROJECT_CLOSED', () => {
      spec
        .given(resolved())
        .when(followUpNeed({ satisfaction: 'happy' as never }))
        .thenThrows('invalid', 'INVALID_CHOICE', 'satisfaction');
      spec
        .given([...resolved(), projectWithdrawn({ occurredAt: T.progress })])
        .when(followUpNeed())
        .thenThrows('conflict', 'PROJECT_CLOSED');
    });
  });
});
