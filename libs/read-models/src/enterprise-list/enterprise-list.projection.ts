import { parseStreamId } from '@luodi/domain';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { EnterpriseListRow } from './enterprise-list.entity';

/** The enterprise's row after one more of its events (other events leave it unchanged). */
export function evolveEnterpriseList(row: EnterpriseListRow | null, event: ProjectionEvent): EnterpriseListRow | null {
  if (event.type === 'EnterpriseRegistered') {
    const { data } = event;
    return {
      id: data.enterpriseId,
      name: data.name,
      creditCode: data.creditCode ?? null,
      district: data.district ?? null,
      tier: data.tier,
      registeredAt: data.occurredAt,
      version: event.streamPosition,
      position: event.globalPosition,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'enterprise') return row;
  const next = { ...row, version: event.streamPosition, position: event.globalPosition };
  if (event.type === 'EnterpriseTierChanged') return { ...next, tier: event.data.tier };
  if (event.type !== 'EnterpriseUpdated') return next;
  const { name, district, tier } = event.data;
  return { ...next, name: name ?? next.name, district: district ?? next.district, tier: tier ?? next.tier };
}

export const enterpriseList: RowProjection<EnterpriseListRow> = {
  kind: 'rows',
  name: 'enterprise-list',
  entity: EnterpriseListRow,
  key: 'id',
  migrations: [CreateReadModels1764100000000],
  target: ownStream('enterprise'),
  evolve: evolveEnterpriseList,
};
