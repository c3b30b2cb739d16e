import { evolveNotice, parseStreamId } from '@luodi/domain';
import { CreateSupervisionNotices1764722000000 } from '../migrations/1764722000000-create-supervision-notices.migration';
import { ProjectionEvent } from '../projection-event';
import { RowProjection } from '../projector/projection';
import { SupervisionNoticeRow } from './supervision-notice.entity';

/** The notice's row: the domain's fold of a notice (evolveNotice), with the project it is on. */
export function evolveSupervisionNotice(
  row: SupervisionNoticeRow | null,
  event: ProjectionEvent,
): SupervisionNoticeRow | null {
  switch (event.type) {
    case 'SupervisionNoticeIssued':
      return row ?? { ...evolveNotice(null, event)!, projectId: parseStreamId(event.streamId)!.id };
    case 'SupervisionNoticeAcknowledged':
    case 'SupervisionNoticeAnswered':
    case 'SupervisionNoticeEscalated':
      return row && { ...row, ...evolveNotice(row, event)! };
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
