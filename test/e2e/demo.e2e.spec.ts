import { DemoPlan, generateDemoPlan, summarizeDemoPlan } from '../../apps/api/src/demo/demo-data.generator';
import { hasData, SeedResult, seedDemoData } from '../../apps/api/src/demo/demo-seeder';
import { adminToken, authHeaders } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';

/** `npm run demo` in small: a demo plan played through the real HTTP API on a fresh database. */
describe('demo data (e2e)', () => {
  let api: RunningApi;
  let plan: DemoPlan;
  let seeded: SeedResult;
  let emptyBefore: boolean;

  beforeAll(async () => {
    api = await startApi();
    plan = generateDemoPlan({ seed: 11, today: new Date(), projects: 24 });
    emptyBefore = !(await hasData(api.baseUrl, api.adminPassword));
    seeded = await seedDemoData(plan, { baseUrl: api.baseUrl, adminPassword: api.adminPassword, concurrency: 4 });
  }, 120_000);

  afterAll(() => api?.stop());

  it('seeds an empty database, every call accepted', async () => {
    expect(emptyBefore).toBe(true);
    expect(seeded.calls).toBe(summarizeDemoPlan(plan).calls);
    expect(seeded.projectIds.size).toBe(plan.projects.length);
    expect(await hasData(api.baseUrl, api.adminPassword)).toBe(true);
  });

  it('leaves every project in the status its story ends in', async () => {
    const headers = authHeaders(await adminToken(api));
    for (const project of plan.projects) {
      const response = await fetch(`${api.baseUrl}/api/projects/${seeded.projectIds.get(project.key)}`, { headers });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe(project.status);
    }
  });

  it('shows the seeded projects on the dashboard', async () => {
    const summary = summarizeDemoPlan(plan);
    const response = await fetch(`${api.baseUrl}/api/dashboard/summary?minPosition=${seeded.lastPosition}`, { headers: authHeaders(await adminToken(api)) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ projects: summary.projects, inLibrary: summary.inLibrary, landed: summary.landed });
  });
});
