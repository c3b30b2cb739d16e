import { DemoPlan, generateDemoPlan, summarizeDemoPlan } from '../../apps/api/src/demo/demo-data.generator';
import { generateMatchmakingPlan } from '../../apps/api/src/demo/demo-matchmaking.generator';
import { hasData, SeedResult, seedDemoData, seedMatchmakingData } from '../../apps/api/src/demo/demo-seeder';
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
    const response = await fetch(`${api.baseUrl}/api/dashboard/summary?minPosition=${seeded.lastPosition}`, {
      headers: authHeaders(await adminToken(api)),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      projects: summary.projects,
      inLibrary: summary.inLibrary,
      landed: summary.landed,
    });
  });

  it('seeds the matchmaking events, and their dashboard counts what the plan holds', async () => {
    const matchmaking = generateMatchmakingPlan({ seed: 11, today: new Date() });
    const result = await seedMatchmakingData(matchmaking, { baseUrl: api.baseUrl, concurrency: 4 });
    const { enterprises, tierChanges, events, demands, cooperations } = matchmaking;
    const stages = cooperations.reduce((n, c) => n + c.stages.length + (c.project ? 1 : 0), 0);
    expect(result.calls).toBe(
      enterprises.length + tierChanges.length + events.length + demands.length + cooperations.length + stages,
    );
    const signed = cooperations.filter((c) => c.stages.some((s) => s.stage === 'signed'));
    const response = await fetch(
      `${api.baseUrl}/api/dashboard/matchmaking?groupBy=event&minPosition=${result.lastPosition}`,
      {
        headers: authHeaders(await adminToken(api)),
      },
    );
    const { totals } = (await response.json()) as { totals: Record<string, number> };
    expect(totals).toMatchObject({
      demands: demands.length,
      proposals: cooperations.length,
      signed: signed.length,
      signedAmountYuan: signed.reduce((sum, c) => sum + c.stages.find((s) => s.stage === 'signed')!.amountYuan!, 0),
    });
  }, 120_000);
});
