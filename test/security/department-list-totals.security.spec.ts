import { RunningApi, startApi } from '../support/start-api';
import { createWorld, daysAgo, get, plan, post, projectAt, validSubmission, World } from '../e2e/projects.helpers';

/**
 * Issue 12, item 10: a department user reading GET /api/enterprises or GET /api/conferences saw
 * the project counts of every department — figures about projects it may not see, which its own
 * enterprise dossier already hides. The lists now count only the department's projects.
 */
let api: RunningApi;
let world: World;
let lastPosition = 0;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  // Under one enterprise, presented at one conference: one project led by industry, one led by
  // commerce (both supported by resources), and one submitted project no department is part of.
  await projectAt(world, 'assigned'); // plan('industry', 'resources')
  const commerce = await projectAt(world, 'presented');
  const assigned = await post(api, `/api/projects/${commerce.id}/assignments`, world.taskforce, {
    ...plan('commerce', 'resources'),
    occurredAt: daysAgo(20),
  });
  expect(assigned.status).toBe(200);
  // Written last, so reading at its position includes every write before it.
  const unassigned = await post(
    api,
    '/api/projects',
    world.taskforce,
    validSubmission(world.enterpriseId, { occurredAt: daysAgo(60) }),
  );
  expect(unassigned.status).toBe(201);
  lastPosition = unassigned.body.position;
});
afterAll(async () => {
  await api.stop();
});

const counts = async (user: keyof Pick<World, 'taskforce' | 'industry' | 'commerce' | 'resources'>) => {
  const [enterprises, conferences] = await Promise.all([
    get(api, `/api/enterprises?minPosition=${lastPosition}`, world[user]),
    get(api, `/api/conferences?minPosition=${lastPosition}`, world[user]),
  ]);
  expect([enterprises.status, conferences.status]).toEqual([200, 200]);
  return {
    enterprise: enterprises.body.items.find((e: { id: string }) => e.id === world.enterpriseId).projects,
    conference: conferences.body.find((c: { id: string }) => c.id === world.conferenceId).projects,
  };
};

describe('project counts on the enterprise and conference lists', () => {
  it("shows a department user only its own department's projects", async () => {
    expect(await counts('industry')).toEqual({ enterprise: 1, conference: 1 });
    expect(await counts('commerce')).toEqual({ enterprise: 1, conference: 1 });
    expect(await counts('resources')).toEqual({ enterprise: 2, conference: 2 });
  });

  it('shows the taskforce the totals of every project', async () => {
    expect(await counts('taskforce')).toEqual({ enterprise: 3, conference: 2 });
  });
});
