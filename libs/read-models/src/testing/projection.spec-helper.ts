import { parseStreamId } from '@luodi/domain';
import { DerivedProjection, RowProjection } from '../projector/projection';
import { DerivedRows, HeldRows } from '../projector/read-model-writer';
import { ProjectionEvent } from '../projection-event';

/** What `toMatchObject` compares: any fields, at any depth. */
export type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * Given/when/then for projections, like the deciders' `specFor`:
 *
 *   const spec = projectionSpecFor(projectList);
 *   spec.given(lifeUpTo(4)).when(planAssigned).thenMatches([{ status: 'assigned' }]);
 *   spec.given(lifeUpTo(4)).when(otherStreamsEvent).thenUnchanged();
 *
 * The events reach the rows through the writer's own in-memory code (HeldRows, DerivedRows):
 * an event changes only the rows its projection's `target` names, as in the projector. No
 * database: the tables start empty. Events and rows are deep-frozen, so a projection that
 * mutates its input fails the spec.
 */
export function projectionSpecFor<Row extends object>(projection: RowProjection<Row> | DerivedProjection<Row>) {
  const rowsAfter = (history: readonly ProjectionEvent[], events: readonly ProjectionEvent[]) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- sources of different row types (see projection.ts)
    const sources: readonly RowProjection<any>[] = projection.kind === 'rows' ? [projection] : projection.sources;
    const held = sources.map((source) => new HeldRows<object>(source));
    const rows = (): object[] => {
      if (projection.kind === 'rows') return [...held[0].rows.values()];
      const derived = new DerivedRows(projection, held);
      const keys = new Set(held.flatMap((h) => [...h.rows.keys()]));
      return [...keys].flatMap((key) => derived.derive(key));
    };
    const fold = (event: ProjectionEvent) => {
      for (const h of held) {
        const target = h.projection.target(deepFreeze(event), parseStreamId(event.streamId));
        if (target) for (const key of h.keysOf(target)) h.evolve(key, event);
        for (const row of h.rows.values()) deepFreeze(row);
      }
    };
    history.forEach(fold);
    const before = rows();
    events.forEach(fold);
    return { before, after: rows() as Row[] };
  };

  return {
    given(history: readonly ProjectionEvent[]) {
      return {
        when(...events: ProjectionEvent[]) {
          const { before, after } = rowsAfter(history, events);
          return {
            /** Every row of the table after the events, exactly. */
            then(expected: readonly Row[]): void {
              expect(after).toStrictEqual(expected);
            },
            /** Every row of the table after the events, these fields of each. */
            thenMatches(expected: readonly DeepPartial<Row>[]): void {
              expect(after).toMatchObject(expected);
            },
            /** No row changed: a row projection hands back the very same objects (the writer writes nothing). */
            thenUnchanged(): void {
              expect(after).toHaveLength(before.length);
              if (projection.kind === 'rows') after.forEach((row, i) => expect(row).toBe(before[i]));
              else expect(after).toStrictEqual(before);
            },
          };
        },
      };
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
