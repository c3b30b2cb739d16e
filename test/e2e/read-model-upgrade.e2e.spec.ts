import { readModels } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { snapshotReadModels } from '../../libs/read-models/src/testing/table-snapshot';
import { InlineProjectorService } from '../../apps/api/src/projection/inline-projector.service';
import { RunningApi, startApi, startApiOn } from '../support/start-api';
import { createWorld, get, projectAt, World } from './projects.helpers';

/**
 * An upgrade that adds a derived read model (e.g. the scorecards' work_* tables) migrates an
 * empty table beside the stored rows it derives from: the next projector to start fills it from
 * them, without a rebuild, and the read models are as if they had always been there.
 */
let api: RunningApi;
let world: World;
let dataSource: DataSource;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  dataSource = api.app.get(DataSource);
}, 60_000);

afterAll(() => api?.stop());

const derivedTables = () =>
  readModels.filter((m) => m.kind === 'derived').map((m) => dataSource.getMetadata(m.entity).tableName);

async function rowCounts(tables: string[]): Promise<number[]> {
  return Promise.all(
    tables.map(async (t) => (await dataSource.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n as number),
  );
}

it('fills the empty derived read models from their sources when the projector starts', async () => {
  for (let i = 0; i < 3; i++) await projectAt(world, 'assigned');
  const [{ head }] = await dataSource.query('SELECT max(global_position)::int AS head FROM events');
  expect((await get(api, `/api/projects?minPosition=${head}`, world.taskforce)).status).toBe(200);
  const before = await snapshotReadModels(dataSource);
  const tables = derivedTables();
  expect(tables).toEqual(expect.arrayContaining(['department_assignments', 'work_milestone_spells', 'work_needs']));
  // Every project has a plan with milestones and needs: the tables to be filled are not empty.
  for (const table of ['department_assignments', 'work_milestone_spells', 'work_needs', 'work_leads'])
    expect(before[table].length).toBeGreaterThan(0);

  // The old version stops; the upgrade's migration leaves the new tables empty.
  await api.app.get(InlineProjectorService).onModuleDestroy();
  await dataSource.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
  expect(await rowCounts(tables)).toEqual(tables.map(() => 0));

  const upgraded = await startApiOn(api.databaseUrl);
  try {
    const filled = tables.filter((t) => before[t].length > 0);
    const deadline = Date.now() + 20_000;
    while ((await rowCounts(filled)).some((n) => n === 0) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Equal row for row, every read model (work_notices and work_follow_ups stay empty: none were made).
    expect(await snapshotReadModels(dataSource)).toEqual(before);
    const inbox = await get(upgraded, '/api/departments/resources/assignments', world.taskforce);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThan(0);
  } finally {
    await upgraded.stop();
  }
});
