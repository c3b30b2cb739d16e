import { specFor } from '../kernel/decider.spec-helper';
import { DEFAULT_SUPERVISION_SETTINGS } from '../supervision/warning-ladder';
import { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { ladderOfProject, schedulerNoticeId } from './project.supervision';
import {
  departmentUser,
  historyIn,
  needResolved,
  NOW,
  progressReported,
  PROJECT_ID,
  reportProgress,
  T,
} from './project.test-fixtures';

const spec = specFor(projectDecider);
const TASKFORCE_USER = { role: 'taskforce' as const };

const issue = (
  data: Partial<Extract<ProjectCommand, { type: 'IssueSupervisionNotice' }>['data']> = {},
  now = NOW,
): ProjectCommand => ({
  type: 'IssueSupervisionNotice',
  data: {
    noticeId: 'notice-1',
    milestoneId: 'm-land',
    level: 'reminder',
    message: '请加快用地供应',
    issuedBy: TASKFORCE_USER,
    responseDays: 5,
    ...data,
  },
  metadata: { now },
});

const issued = (data: Record<string, unknown> = {}): ProjectEvent => ({
  type: 'SupervisionNoticeIssued',
  data: {
    noticeId: 'notice-1',
    milestoneId: 'm-land',
    departmentCode: 'resources',
    level: 'reminder',
    message: '请加快用地供应',
    respondBy: '2024-06-06',
    source: 'manual',
    occurredAt: NOW,
    ...data,
  },
});

const command = (type: 'AcknowledgeSupervisionNotice' | 'AnswerSupervisionNotice', data: object, now = NOW) =>
  ({ type, data: { noticeId: 'notice-1', ...data }, metadata: { now } }) as ProjectCommand;

describe('IssueSupervisionNotice', () => {
  it('goes to the department of the milestone, answerable within responseDays by default', () => {
    spec.given(historyIn.assigned()).when(issue()).then([issued()]);
  });

  it('a notice on a need goes to the lead department, by the respondBy asked for', () => {
    spec
      .given(historyIn.assigned())
      .when(issue({ milestoneId: undefined, needId: 'need-land', level: 'supervision', respondBy: '2024-06-01' }))
      .then([
        {
          type: 'SupervisionNoticeIssued',
          data: {
            noticeId: 'notice-1',
            needId: 'need-land',
            departmentCode: 'industry',
            level: 'supervision',
            message: '请加快用地供应',
            respondBy: '2024-06-01',
            source: 'manual',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('needs exactly one item', () => {
    spec
      .given(historyIn.assigned())
      .when(issue({ needId: 'need-land' }))
      .thenThrows('invalid', 'NOTICE_ITEM_REQUIRED', 'milestoneId');
    spec
      .given(historyIn.assigned())
      .when(issue({ milestoneId: undefined }))
      .thenThrows('invalid', 'NOTICE_ITEM_REQUIRED', 'milestoneId');
  });

  it('refuses a respondBy before today, a leader’s reminder, a closed project, another project’s milestone', () => {
    spec
      .given(historyIn.assigned())
      .when(issue({ respondBy: '2024-05-31' }))
      .thenThrows('invalid', 'RESPOND_BY_IN_PAST', 'respondBy');
    spec
      .given(historyIn.assigned())
      .when(issue({ issuedBy: { role: 'leader' } }))
      .thenThrows('forbidden', 'LEADER_ISSUES_SUPERVISION_ONLY');
    spec.given(historyIn.landed()).when(issue()).thenThrows('conflict', 'PROJECT_CLOSED');
    spec.given(historyIn.withdrawn()).when(issue()).thenThrows('conflict', 'PROJECT_CLOSED');
    spec
      .given(historyIn.assigned())
      .when(issue({ milestoneId: 'm-elsewhere' }))
      .thenThrows('invalid', 'MILESTONE_NOT_FOUND', 'milestoneId');
    spec.given(historyIn.presented()).when(issue()).thenThrows('conflict', 'NOTICE_NEEDS_LANDING_PLAN');
  });

  it('a leader may issue a 督办单 (批示)', () => {
    spec
      .given(historyIn.assigned())
      .when(issue({ level: 'supervision', issuedBy: { role: 'leader' } }))
      .then([issued({ level: 'supervision' })]);
  });
});

describe('signing for and answering a notice', () => {
  const withNotice = () => [...historyIn.assigned(), issued()];
  const later = '2024-06-03T02:00:00.000Z';
  const late = '2024-06-07T02:00:00.000Z';

  it('the department signs, then answers on time', () => {
    spec
      .given(withNotice())
      .when(command('AcknowledgeSupervisionNotice', { by: departmentUser('resources') }, later))
      .then([{ type: 'SupervisionNoticeAcknowledged', data: { noticeId: 'notice-1', occurredAt: later } }]);
    spec
      .given(withNotice())
      .when(command('AnswerSupervisionNotice', { note: '已完成挂牌', by: departmentUser('resources') }, later))
      .then([
        {
          type: 'SupervisionNoticeAnswered',
          data: { noticeId: 'notice-1', note: '已完成挂牌', late: false, occurredAt: later },
        },
      ]);
  });

  it('an answer after respondBy is late and escalates the notice', () => {
    spec
      .given(withNotice())
      .when(command('AnswerSupervisionNotice', { note: '已完成', by: departmentUser('resources') }, late))
      .then([
        {
          type: 'SupervisionNoticeAnswered',
          data: { noticeId: 'notice-1', note: '已完成', late: true, occurredAt: late },
        },
        { type: 'SupervisionNoticeEscalated', data: { noticeId: 'notice-1', occurredAt: late } },
      ]);
  });

  it('another department may neither sign nor answer; nobody signs twice or answers twice', () => {
    spec
      .given(withNotice())
      .when(command('AcknowledgeSupervisionNotice', { by: departmentUser('industry') }))
      .thenThrows('forbidden', 'NOT_YOUR_NOTICE');
    spec
      .given(withNotice())
      .when(command('AnswerSupervisionNotice', { note: 'x', by: departmentUser('industry') }))
      .thenThrows('forbidden', 'NOT_YOUR_NOTICE');
    const signed: ProjectEvent = {
      type: 'SupervisionNoticeAcknowledged',
      data: { noticeId: 'notice-1', occurredAt: NOW },
    };
    spec
      .given([...withNotice(), signed])
      .when(command('AcknowledgeSupervisionNotice', { by: departmentUser('resources') }))
      .thenThrows('conflict', 'NOTICE_ALREADY_ACKNOWLEDGED');
    spec
      .given(withNotice())
      .when(command('AcknowledgeSupervisionNotice', { noticeId: 'nope', by: departmentUser('resources') }))
      .thenThrows('not-found', 'NOTICE_NOT_FOUND');
  });
});

describe('SuperviseProject (the scheduler)', () => {
  const settings = DEFAULT_SUPERVISION_SETTINGS;
  const supervise = (now = NOW): ProjectCommand => ({
    type: 'SuperviseProject',
    data: { settings },
    metadata: { now },
  });
  // Both needs resolved at once, so only the milestones are watched: m-contract due 2024-05-31, m-land 2024-07-31.
  const history = () => [
    ...historyIn.assigned(),
    needResolved({ needId: 'need-land', occurredAt: T.assigned }),
    needResolved({ needId: 'need-money', occurredAt: T.assigned }),
  ];
  const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

  it('catches up in the order things fell due, each dated the day it did', () => {
    const events = projectDecider.decide(supervise(), spec.given(history()).state());
    expect(events.map((e) => [e.type, (e.data as { step?: string }).step, e.data.occurredAt])).toEqual([
      ['SupervisionNoticeIssued', 'yellow', startOf('2024-05-24')],
      // The yellow reminder's respondBy (2024-05-29) passed unanswered.
      ['SupervisionNoticeEscalated', undefined, startOf('2024-05-30')],
      ['SupervisionNoticeIssued', 'red', startOf('2024-06-01')],
    ]);
    expect(events[0].data).toMatchObject({
      noticeId: schedulerNoticeId(PROJECT_ID, 'm-contract', 'yellow'),
      milestoneId: 'm-contract',
      departmentCode: 'industry',
      level: 'reminder',
      respondBy: '2024-05-29',
      source: 'scheduler',
    });
  });

  it('issues nothing a second time, however often it runs', () => {
    const first = projectDecider.decide(supervise(), spec.given(history()).state());
    spec
      .given([...history(), ...first])
      .when(supervise())
      .then([]);
    spec
      .given([...history(), ...first])
      .when(supervise('2024-06-01T15:00:00.000Z'))
      .then([]);
  });

  it('dates nothing before the item’s plan, and skips a step the item was already past', () => {
    // Planned on 2024-06-05 with the contract already overdue: red (not yellow) that very moment.
    const plannedLate = '2024-06-05T02:00:00.000Z';
    const history = [
      ...historyIn.presented(),
      {
        ...historyIn.assigned().at(-1)!,
        data: { ...historyIn.assigned().at(-1)!.data, occurredAt: plannedLate },
      } as ProjectEvent,
      needResolved({ needId: 'need-land', occurredAt: plannedLate }),
      needResolved({ needId: 'need-money', occurredAt: plannedLate }),
    ];
    const events = projectDecider.decide(supervise('2024-06-05T04:00:00.000Z'), spec.given(history).state());
    expect(events.map((e) => [(e.data as { step?: string }).step, e.data.occurredAt])).toEqual([['red', plannedLate]]);
  });

  it('dates a notice when it fell due even after a later-dated report, and lets an earlier-dated report follow it', () => {
    const reportedLater = progressReported({ progressId: 'p-late', occurredAt: '2024-05-28T02:00:00.000Z' });
    const events = projectDecider.decide(supervise(), spec.given([...history(), reportedLater]).state());
    expect(events[0].data.occurredAt).toBe(startOf('2024-05-24'));
    // The department records a report dated 2024-05-30, before the red notice of 2024-06-01.
    const report = reportProgress({ progressId: 'p-back', note: '推进中', occurredAt: '2024-05-30T02:00:00.000Z' });
    expect(projectDecider.decide(report, spec.given([...history(), reportedLater, ...events]).state())).toHaveLength(1);
  });

  it('does nothing on a closed project', () => {
    spec.given(historyIn.landed()).when(supervise()).then([]);
  });
});

describe('ladderOfProject', () => {
  const settings = DEFAULT_SUPERVISION_SETTINGS;
  const colours = (events: ProjectEvent[], day: string) =>
    ladderOfProject(spec.given(events).state()!, day, settings).map((i) => [
      i.milestoneId ?? i.needId,
      i.colour,
      i.daysOverdue,
    ]);

  it('reads each open item on a day, as it was that day', () => {
    // Needs are due 5 days after the plan of 2024-04-20; m-contract on 2024-05-31, m-land on 2024-07-31.
    expect(colours(historyIn.assigned(), '2024-04-21')).toEqual([
      ['m-contract', 'green', 0],
      ['m-land', 'green', 0],
      ['need-land', 'yellow', 0],
      ['need-money', 'yellow', 0],
    ]);
    const history = [
      ...historyIn.assigned(),
      needResolved({ needId: 'need-land', occurredAt: '2024-05-01T02:00:00.000Z' }),
    ];
    expect(colours(history, '2024-05-24')).toEqual([
      ['m-contract', 'yellow', 0],
      ['m-land', 'green', 0],
      ['need-money', 'escalated', 29],
    ]);
    // On 2024-04-30 the land need was not resolved yet: red, 5 days overdue.
    expect(colours(history, '2024-04-30')).toContainEqual(['need-land', 'red', 5]);
  });
});
