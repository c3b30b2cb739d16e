import { parseStreamId } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { AddConferenceListThemeEn1765119400000 } from '../migrations/1765119400000-add-conference-list-theme-en.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { ConferenceListRow } from './conference-list.entity';

/** The conference's row after one more of its events (other events leave it unchanged). */
export function evolveConferenceList(row: ConferenceListRow | null, event: ProjectionEvent): ConferenceListRow | null {
  if (event.type === 'ConferenceScheduled') {
    const { data } = event;
    return {
      id: data.conferenceId,
      title: data.title,
      theme: data.theme ?? null,
      themeEn: data.themeEn ?? null,
      heldOn: data.heldOn,
      version: event.streamPosition,
      position: event.globalPosition,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'conference') return row;
  const themeEn = event.type === 'ConferenceThemeNamedInEnglish' ? { themeEn: event.data.themeEn ?? null } : {};
  return { ...row, ...themeEn, version: event.streamPosition, position: event.globalPosition };
}

export const conferenceList: RowProjection<ConferenceListRow> = {
  kind: 'rows',
  name: 'conference-list',
  entity: ConferenceListRow,
  key: 'id',
  migrations: [CreateReadModels1764100000000, AddConferenceListThemeEn1765119400000],
  target: ownStream('conference'),
  evolve: evolveConferenceList,
};
