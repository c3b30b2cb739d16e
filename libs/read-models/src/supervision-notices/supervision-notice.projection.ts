import { parseStreamId } from '@luodi/domain';
import { CreateSupervisionNotices1764722000000 } from '../migrations/1764722000000-create-supervision-notices.migration';
import { ProjectionEvent } from '../projection-event';
import { RowProjection } from '../projector/projection';
import { SupervisionNoticeRow } from './supervision-notice.entity';

export function evolveSupervisionNotice(
  row: SupervisionNoticeRow | null,
  event: ProjectionEvent,
): SupervisionNoticeRow | null {
  switch (event.type) {
    case 'SupervisionNoticeIssued': {
      if (row !== null) return row;
      const { data } = event;
      return {
        noticeId: data.noticeId,
        projectId: parseStreamId(event.streamId)!.id,
        milestoneId: data.milestoneId ?? null,
        needId: data.needId ?? null,
        departmentCode: data.departmentCode,
        level: data.level,
        message: data.message,
        respondBy: data.respondBy,
        source: data.source,
        step: data.step ?? null,
        issuedAt: data.occurredAt,
        acknowledgedAt: null,
        answeredAt: null,
        note: null,
        late: false,
        escalatedAt: null,
      };
    }
    case 'SupervisionNoticeAcknowledged':
      return row && { ...row, acknowledgedAt: event.data.occurredAt };
    case 'SupervisionNoticeAnswered':
      return row && { ...row, answeredAt: event.data.occurredAt, note: event.data.note, late: event.data.late };
    case 'SupervisionNoticeEscalated':
      return row && { ...row, escalatedAt: event.data.occurredAt };
    default:
      return row;
  }
}

export const supervisionNotices: RowProjection<SupervisionNoticeRow> = {
  kind: 'rows',
  name: 'supervision-notices',
  entity: SupervisionNoticeRow,
  key: 'noticeId',
  migrations: [CreateSupervisionNotices1764722000000],
  target: (event, stream) => {
    if (stream?.kind !== 'project') return null;
    switch (event.type) {
      case 'SupervisionNoticeIssued':
      case 'SupervisionNoticeAcknowledged':
      case 'SupervisionNoticeAnswered':
      case 'SupervisionNoticeEscalated':
        return { key: event.data.noticeId };
      default:
        return null;
    }
  },
  evolve: evolveSupervisionNotice,
};
