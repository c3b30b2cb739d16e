import { ProjectionEvent } from '../projection-event';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { supervisionNotices } from './supervision-notice.projection';

const spec = projectionSpecFor(supervisionNotices);
let position = 0;
const on = (streamId: string, type: string, data: Record<string, unknown>): ProjectionEvent =>
  ({
    type,
    data,
    streamId,
    streamPosition: ++position,
    globalPosition: position,
    recordedAt: '2024-06-01T04:00:00.000Z',
  }) as unknown as ProjectionEvent;

const issued = on('project-p1', 'SupervisionNoticeIssued', {
  noticeId: 'n1',
  milestoneId: 'm1',
  departmentCode: 'resources',
  level: 'reminder',
  message: '请加快推进',
  respondBy: '2024-06-06',
  source: 'scheduler',
  step: 'yellow',
  occurredAt: '2024-06-01T04:00:00.000Z',
});

describe('supervision_notices', () => {
  it('one row per notice, on the project of its stream', () => {
    spec
      .given([])
      .when(issued)
      .then([
        {
          noticeId: 'n1',
          projectId: 'p1',
          milestoneId: 'm1',
          needId: null,
          departmentCode: 'resources',
          level: 'reminder',
          message: '请加快推进',
          respondBy: '2024-06-06',
          source: 'scheduler',
          step: 'yellow',
          issuedAt: '2024-06-01T04:00:00.000Z',
          acknowledgedAt: null,
          answeredAt: null,
          note: null,
          late: false,
          escalatedAt: null,
        },
      ]);
  });

  it('records signing, answering and escalation', () => {
    spec
      .given([issued])
      .when(
        on('project-p1', 'SupervisionNoticeAcknowledged', { noticeId: 'n1', occurredAt: '2024-06-02T01:00:00.000Z' }),
        on('project-p1', 'SupervisionNoticeAnswered', {
          noticeId: 'n1',
          note: '已办结',
          late: true,
          occurredAt: '2024-06-08T01:00:00.000Z',
        }),
        on('project-p1', 'SupervisionNoticeEscalated', { noticeId: 'n1', occurredAt: '2024-06-08T01:00:00.000Z' }),
      )
      .thenMatches([
        {
          acknowledgedAt: '2024-06-02T01:00:00.000Z',
          answeredAt: '2024-06-08T01:00:00.000Z',
          note: '已办结',
          late: true,
          escalatedAt: '2024-06-08T01:00:00.000Z',
        },
      ]);
  });

  it('ignores other events and other streams', () => {
    spec
      .given([issued])
      .when(on('project-p1', 'ProgressReported', { note: 'x', occurredAt: '2024-06-02T01:00:00.000Z' }))
      .thenUnchanged();
    spec
      .given([issued])
      .when(on('settings-supervision', 'SupervisionSettingsChanged', { occurredAt: '2024-06-02T01:00:00.000Z' }))
      .thenUnchanged();
  });
});
