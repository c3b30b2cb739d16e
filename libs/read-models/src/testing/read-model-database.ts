import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/test-database';
import { readModelMigrations } from '../migrations';
import { ProjectionEvent } from '../projection-event';
import { ReadModel } from '../projector/projection';
import { projectBatch } from '../projector/read-model-writer';
import { readModelEntities } from '../registry';
import { DeepPartial } from './projection.spec-helper';
import { resetReadModels } from './table-snapshot';

/**
 * Given/when/then for what the projector stores, against a real PostgreSQL (for the specs of
 * the SQL the writer runs; pure projections have `projectionSpecFor`). Call it in a describe:
 * it makes one fresh database for the file.
 *
 *   const db = readModelDatabase();
 *   await db.given(lifeUpTo(5)).when(renamed).then(departmentAssignments, [...rows]);
 *
 * `given` and `when` are projected as two batches, each in its own transaction with its own
 * writer as in the live projector, so the `when` batch starts from the rows read back from the
 * tables. Every spec starts from empty tables.
 */
export function readModelDatabase() {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(readModelMigrations);
    dataSource = await new DataSource({
      type: 'postgres',
      url: db.url,
      entities: readModelEntities,
      extra: { max: 2 },
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const project = (events: readonly ProjectionEvent[]) =>
    dataSource.transaction((manager) => projectBatch(manager, events as never, 'public'));

  /** The table's rows in primary-key order, as plain objects. */
  const rowsOf = async (model: ReadModel): Promise<object[]> => {
    const metadata = dataSource.getMetadata(model.entity);
    const query = dataSource.getRepository(model.entity).createQueryBuilder('t');
    for (const column of metadata.primaryColumns) query.addOrderBy(`t.${column.propertyName}`, 'ASC');
    return (await query.getMany()).map((row) => ({ ...row }));
  };

  return {
    given(history: readonly ProjectionEvent[]) {
      return {
        when(...events: ProjectionEvent[]) {
          const stored = async (model: ReadModel) => {
            await resetReadModels(dataSource);
            await project(history);
            await project(events);
            return rowsOf(model);
          };
          return {
            /** Every row of the model's table after both batches, exactly. */
            async then<Row extends object>(
              model: ReadModel & { entity: new () => Row },
              expected: readonly Row[],
            ): Promise<void> {
              expect(await stored(model)).toStrictEqual(expected);
            },
            /** Every row of the model's table after both batches, these fields of each. */
            async thenMatches<Row extends object>(
              model: ReadModel & { entity: new () => Row },
              expected: readonly DeepPartial<Row>[],
            ): Promise<void> {
              expect(await stored(model)).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
