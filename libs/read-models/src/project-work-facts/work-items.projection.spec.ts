import {
  lifeAt,
  lifeUpTo,
  projectLife,
  PROJECT_ID,
  PROJECT_STREAM,
  recorded,
  recordedLate,
} from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { workFollowUps, workLeads, workMilestoneSpells, workNeeds, workNotices } from './work-items.projection';

const plan1 = '2024-04-20T02:00:00.000Z';
const plan2 = '2024-06-01T02:00:00.000Z';
const closedAt = '2024-06-30T15:59:59.999Z';
const closedRecordedAt = '2024-07-02T01:00:00.000Z';

describe('work items projections', () => {
  const [history, landed] = lifeAt(projectLife.length);
  const late = recordedLate(landed, closedRecordedAt);

  it('give every spell of every milestone a row, the last one marked, with the completion and the closing', () => {
    const spell = (milestoneId: string, n: number, since: string, rest: object) => ({
      projectId: PROJECT_ID,
      milestoneId,
      spell: n,
      ...rest,
      since,
      recordedAt: since,
    });
    projectionSpecFor(workMilestoneSpells)
      .given(history)
      .when(late)
      .thenMatches([
        spell('m-land', 0, plan1, { last: false, dueOn: '2024-05-31', departmentCode: 'natural-resources' }),
        spell('m-land', 1, plan2, {
          last: true,
          dueOn: '2024-05-31',
          completedAt: '2024-05-20T02:00:00.000Z',
          completedRecordedAt: '2024-05-20T02:00:00.000Z',
          closedAt,
          closedRecordedAt,
        }),
        spell('m-build', 0, plan1, { last: false, dueOn: '2024-06-30', departmentCode: 'industry' }),
        spell('m-build', 1, plan2, { last: true, dueOn: null, departmentCode: null, completedAt: null }),
        spell('m-sign', 0, plan2, { last: true, dueOn: '2024-06-25', departmentCode: 'commerce', closedAt }),
      ]);
  });

  it('give every need under every lead spell, every lead spell, notice and 回访 a row', () => {
    const need = {
      projectId: PROJECT_ID,
      needId: 'n-land',
      raisedAt: '2024-03-01T02:00:00.000Z',
      raisedRecordedAt: '2024-03-01T02:00:00.000Z',
      removedAt: null,
      removedRecordedAt: null,
      resolvedAt: '2024-05-10T02:00:00.000Z',
      resolvedRecordedAt: '2024-05-10T02:00:00.000Z',
      closedAt,
      closedRecordedAt,
    };
    const underIndustry = { lead: 0, last: false, department: 'industry', leadSince: plan1, leadRecordedAt: plan1 };
    const underCommerce = { lead: 1, last: true, department: 'commerce', leadSince: plan2, leadRecordedAt: plan2 };
    const talent = { needId: 'n-talent', resolvedAt: null, resolvedRecordedAt: null };
    // Each need once under each lead spell, until its first end: resolution, the next spell or the closing.
    projectionSpecFor(workNeeds)
      .given(history)
      .when(late)
      .then([
        { ...need, ...underIndustry, endedAt: need.resolvedAt, endedRecordedAt: need.resolvedRecordedAt },
        { ...need, ...underCommerce, endedAt: need.resolvedAt, endedRecordedAt: need.resolvedRecordedAt },
        { ...need, ...talent, ...underIndustry, endedAt: plan2, endedRecordedAt: plan2 },
        { ...need, ...talent, ...underCommerce, endedAt: closedAt, endedRecordedAt: closedRecordedAt },
      ]);
    projectionSpecFor(workLeads)
      .given(history)
      .when(late)
      .then([
        { projectId: PROJECT_ID, lead: 0, department: 'industry', since: plan1, recordedAt: plan1 },
        { projectId: PROJECT_ID, lead: 1, department: 'commerce', since: plan2, recordedAt: plan2 },
      ]);

    const life = lifeUpTo(projectLife.length);
    const [issued, signed, followedUp] = recorded(
      PROJECT_STREAM,
      [
        {
          type: 'SupervisionNoticeIssued',
          data: {
            noticeId: 'notice-1',
            milestoneId: 'm-land',
            departmentCode: 'natural-resources',
            level: 'reminder',
            message: '请加快用地预审',
            respondBy: '2024-07-10',
            source: 'manual',
            occurredAt: '2024-07-03T02:00:00.000Z',
          },
        },
        {
          type: 'SupervisionNoticeAcknowledged',
          data: { noticeId: 'notice-1', occurredAt: '2024-07-03T08:00:00.000Z' },
        },
        {
          type: 'NeedFollowedUp',
          data: {
            followUpId: 'f-1',
            needId: 'n-land',
            satisfaction: 'basically',
            occurredAt: '2024-07-04T02:00:00.000Z',
          },
        },
      ],
      life.length + 1,
    );
    projectionSpecFor(workNotices)
      .given([...life, issued])
      .when(recordedLate(signed, '2024-07-05T00:00:00.000Z'))
      .then([
        {
          projectId: PROJECT_ID,
          noticeId: 'notice-1',
          departmentCode: 'natural-resources',
          issuedAt: '2024-07-03T02:00:00.000Z',
          issuedRecordedAt: issued.recordedAt,
          acknowledgedAt: '2024-07-03T08:00:00.000Z',
          acknowledgedRecordedAt: '2024-07-05T00:00:00.000Z',
        },
      ]);
    projectionSpecFor(workFollowUps)
      .given([...life, issued, signed])
      .when(followedUp)
      .then([
        {
          projectId: PROJECT_ID,
          followUp: 0,
          satisfaction: 'basically',
          at: '2024-07-04T02:00:00.000Z',
          recordedAt: followedUp.recordedAt,
        },
      ]);
  });
});
