import {
  landingCorrections,
  lifeAt,
  lifeUpTo,
  projectLife,
  PROJECT_ID,
  PROJECT_STREAM,
  recorded,
  recordedLate,
} from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { projectWorkFacts } from './project-work-facts.projection';

const spec = projectionSpecFor(projectWorkFacts);
const plan1 = '2024-04-20T02:00:00.000Z';
const plan2 = '2024-06-01T02:00:00.000Z';

describe('project work facts projection', () => {
  it('keeps each milestone’s spells across plans, its completion, the needs and the lead departments', () => {
    const [history, landed] = lifeAt(projectLife.length);
    spec
      .given(history)
      .when(recordedLate(landed, '2024-07-02T01:00:00.000Z'))
      .then([
        {
          projectId: PROJECT_ID,
          title: '智慧海洋牧场',
          milestones: [
            {
              milestoneId: 'm-land',
              spells: [
                {
                  since: plan1,
                  recordedAt: plan1,
                  title: '用地预审',
                  dueOn: '2024-05-31',
                  departmentCode: 'natural-resources',
                },
                {
                  since: plan2,
                  recordedAt: plan2,
                  title: '用地预审',
                  dueOn: '2024-05-31',
                  departmentCode: 'natural-resources',
                },
              ],
              completedAt: '2024-05-20T02:00:00.000Z',
              completedRecordedAt: '2024-05-20T02:00:00.000Z',
            },
            {
              milestoneId: 'm-build',
              spells: [
                { since: plan1, recordedAt: plan1, title: '开工建设', dueOn: '2024-06-30', departmentCode: 'industry' },
                // Left out of the second plan: dropped from then on.
                { since: plan2, recordedAt: plan2, title: '开工建设', dueOn: null, departmentCode: null },
              ],
              completedAt: null,
              completedRecordedAt: null,
            },
            {
              milestoneId: 'm-sign',
              spells: [
                { since: plan2, recordedAt: plan2, title: '签约', dueOn: '2024-06-25', departmentCode: 'commerce' },
              ],
              completedAt: null,
              completedRecordedAt: null,
            },
          ],
          needs: [
            {
              needId: 'n-land',
              kind: 'land',
              description: '50 亩用地',
              raisedAt: '2024-03-01T02:00:00.000Z',
              raisedRecordedAt: '2024-03-01T02:00:00.000Z',
              removedAt: null,
              removedRecordedAt: null,
              resolvedAt: '2024-05-10T02:00:00.000Z',
              resolvedRecordedAt: '2024-05-10T02:00:00.000Z',
            },
            {
              needId: 'n-talent',
              kind: 'talent',
              description: '海洋工程师',
              raisedAt: '2024-03-01T02:00:00.000Z',
              raisedRecordedAt: '2024-03-01T02:00:00.000Z',
              removedAt: null,
              removedRecordedAt: null,
              resolvedAt: null,
              resolvedRecordedAt: null,
            },
          ],
          leads: [
            { department: 'industry', since: plan1, recordedAt: plan1 },
            { department: 'commerce', since: plan2, recordedAt: plan2 },
          ],
          notices: [],
          followUps: [],
          closedAt: '2024-06-30T15:59:59.999Z',
          closedRecordedAt: '2024-07-02T01:00:00.000Z',
        },
      ]);
  });

  it('changes nothing for a progress report', () => {
    const progress = projectLife.findIndex((e) => e.type === 'ProgressReported') + 1;
    const [history, reported] = lifeAt(progress);
    spec.given(history).when(reported).thenUnchanged();
  });

  it('counts a need sent back by an unsatisfied 回访 as open again, and a revoked landing as an open project', () => {
    const life = lifeUpTo(projectLife.length);
    const [reopened, revoked] = recorded(
      PROJECT_STREAM,
      [
        { type: 'NeedReopened', data: { needId: 'n-land', followUpId: 'f-1', occurredAt: '2024-07-15T02:00:00.000Z' } },
        landingCorrections[1],
      ],
      life.length + 1,
    );
    spec
      .given(life)
      .when(reopened)
      .thenMatches([
        { needs: [{ needId: 'n-land', resolvedAt: null, resolvedRecordedAt: null }, { needId: 'n-talent' }] },
      ]);
    spec
      .given([...life, reopened])
      .when(revoked)
      .thenMatches([{ closedAt: null, closedRecordedAt: null }]);
  });

  it('keeps each supervision notice with its signature, and each 回访, on both time axes', () => {
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
    spec
      .given([...life, issued, recordedLate(signed, '2024-07-05T00:00:00.000Z')])
      .when(followedUp)
      .thenMatches([
        {
          notices: [
            {
              noticeId: 'notice-1',
              departmentCode: 'natural-resources',
              issuedAt: '2024-07-03T02:00:00.000Z',
              issuedRecordedAt: issued.recordedAt,
              acknowledgedAt: '2024-07-03T08:00:00.000Z',
              acknowledgedRecordedAt: '2024-07-05T00:00:00.000Z',
            },
          ],
          followUps: [
            {
              needId: 'n-land',
              satisfaction: 'basically',
              at: '2024-07-04T02:00:00.000Z',
              recordedAt: followedUp.recordedAt,
            },
          ],
        },
      ]);
  });
});
