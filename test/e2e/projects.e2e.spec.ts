import { projectStream } from '@luodi/domain';
import { RunningApi, startApi } from '../support/start-api';
import {
  approvingReview,
  createWorld,
  dateDaysAgo,
  daysAgo,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  plan,
  post,
  projectAt,
  Reply,
  validSubmission,
  World,
} from './projects.helpers';

let api: RunningApi;
let world: World;
let events: EventsTable;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
});
afterAll(async () => {
  await events.close();
  await api.stop();
});

const randomId = () => crypto.randomUUID();

describe('POST /api/projects', () => {
  it('201: submits a project and answers {id, version, position}', async () => {
    const reply = await post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId));
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    expect(await events.types(projectStream(reply.body.id))).toEqual(['ProjectSubmitted']);

    const project = await get(api, `/api/projects/${reply.body.id}`, world.taskforce);
    expect(project.body).toMatchObject({
      id: reply.body.id,
      status: 'submitted',
      version: 1,
      enterpriseId: world.enterpriseId,
      enterpriseName: '青岛海智装备有限公司',
      investmentYuan: 200_000_000,
      needs: [
        { needId: expect.any(String), kind: 'land', resolved: false },
        { needId: expect.any(String), kind: 'financing', resolved: false },
      ],
    });
  });

  it('400: names every invalid field, nested ones by JSON path, and writes nothing', async () => {
    const reply = await expectRefused(
      events,
      () =>
        post(api, '/api/projects', world.taskforce, {
          ...validSubmission(world.enterpriseId),
          title: '   ',
          investmentYuan: 1.5,
          needs: [
            { kind: 'land', description: 'ok' },
            { kind: 'money', description: '' },
          ],
          occurredAt: '2024-03-01 10:00',
        }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(reply)).toEqual(
      expect.arrayContaining(['title', 'investmentYuan', 'needs[1].kind', 'needs[1].description', 'occurredAt']),
    );
  });

  it('400: refuses unknown fields, amounts beyond safe integers and a text of numbers', async () => {
    const unknown = await expectRefused(
      events,
      () => post(api, '/api/projects', world.taskforce, { ...validSubmission(world.enterpriseId), budget: 1 }),
      400,
    );
    expect(fieldsOf(unknown)).toEqual(['budget']);
    const huge = await expectRefused(
      events,
      () =>
        post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId, { investmentYuan: 2 ** 53 })),
      400,
    );
    expect(fieldsOf(huge)).toEqual(['investmentYuan']);
    const text = await expectRefused(
      events,
      () => post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId, { investmentYuan: '100' })),
      400,
    );
    expect(fieldsOf(text)).toEqual(['investmentYuan']);
  });

  it('400 ENTERPRISE_NOT_FOUND: the enterprise must be registered', async () => {
    const reply = await expectRefused(
      events,
      () => post(api, '/api/projects', world.taskforce, validSubmission(randomId())),
      400,
      'ENTERPRISE_NOT_FOUND',
    );
    expect(fieldsOf(reply)).toEqual(['enterpriseId']);
  });

  it('400 OCCURRED_AT_IN_FUTURE: nothing can be recorded as happening later than now', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const reply = await expectRefused(
      events,
      () => post(api, '/api/projects', world.taskforce, validSubmission(world.enterpriseId, { occurredAt: future })),
      400,
      'OCCURRED_AT_IN_FUTURE',
    );
    expect(fieldsOf(reply)).toEqual(['occurredAt']);
  });

  it('401 without a token, 403 for roles other than taskforce and admin', async () => {
    await expectRefused(events, () => post(api, '/api/projects', undefined, validSubmission(world.enterpriseId)), 401);
    await expectRefused(
      events,
      () => post(api, '/api/projects', world.reviewer, validSubmission(world.enterpriseId)),
      403,
    );
    await expectRefused(
      events,
      () => post(api, '/api/projects', world.industry, validSubmission(world.enterpriseId)),
      403,
    );
    expect((await post(api, '/api/projects', world.admin, validSubmission(world.enterpriseId))).status).toBe(201);
  });
});

describe('POST /api/projects/:id/reviews', () => {
  it('200: revise keeps the project submitted; approval enters it into the library', async () => {
    const { id } = await projectAt(world, 'submitted');
    const revise = await post(api, `/api/projects/${id}/reviews`, world.reviewer, {
      verdict: 'revise',
      scores: { idea: 70, validation: 40, feasibility: 50 },
      comment: '论证不足',
    });
    expect(revise.status).toBe(200);
    expect(revise.body).toEqual({ id, version: 2, position: expect.any(Number) });
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body).toMatchObject({
      status: 'submitted',
      enteredLibraryAt: null,
    });

    const approve = await post(api, `/api/projects/${id}/reviews`, world.taskforce, approvingReview);
    expect(approve.body.version).toBe(3);
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    expect(project).toMatchObject({ status: 'approved', enteredLibraryAt: expect.any(String) });
    expect(
      project.reviews.map((r: { verdict: string; reviewer: { username: string } }) => [r.verdict, r.reviewer.username]),
    ).toEqual([
      ['revise', world.reviewer.username],
      ['approved', world.taskforce.username],
    ]);
  });

  it('400: scores must be whole numbers 0..100 and the verdict one of three', async () => {
    const { id } = await projectAt(world, 'submitted');
    const reply = await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/reviews`, world.reviewer, {
          verdict: 'maybe',
          scores: { idea: 101, validation: 2.5, feasibility: 10, extra: 1 },
        }),
      400,
    );
    expect(fieldsOf(reply)).toEqual(
      expect.arrayContaining(['verdict', 'scores.idea', 'scores.validation', 'scores.extra']),
    );
    const missing = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/reviews`, world.reviewer, { verdict: 'approved' }),
      400,
    );
    expect(fieldsOf(missing)).toContain('scores');
  });

  it('404 PROJECT_NOT_FOUND for an unknown project', async () => {
    await expectRefused(
      events,
      () => post(api, `/api/projects/${randomId()}/reviews`, world.reviewer, approvingReview),
      404,
      'PROJECT_NOT_FOUND',
    );
  });

  it('409 PROJECT_ALREADY_DECIDED: an approval is final', async () => {
    const { id } = await projectAt(world, 'approved');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/reviews`, world.reviewer, { ...approvingReview, verdict: 'rejected' }),
      409,
      'PROJECT_ALREADY_DECIDED',
    );
  });

  it('403 for leaders and department users', async () => {
    const { id } = await projectAt(world, 'submitted');
    await expectRefused(events, () => post(api, `/api/projects/${id}/reviews`, world.leader, approvingReview), 403);
    await expectRefused(events, () => post(api, `/api/projects/${id}/reviews`, world.industry, approvingReview), 403);
  });
});

describe('POST /api/projects/:id/presentations', () => {
  it('200: presents an approved project at a conference', async () => {
    const { id } = await projectAt(world, 'approved');
    const reply = await post(api, `/api/projects/${id}/presentations`, world.taskforce, {
      conferenceId: world.conferenceId,
    });
    expect(reply.status).toBe(200);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body).toMatchObject({
      status: 'presented',
      conferenceId: world.conferenceId,
      version: 3,
    });
  });

  it('400 CONFERENCE_NOT_FOUND, 400 for an id that is not a UUID', async () => {
    const { id } = await projectAt(world, 'approved');
    const unknown = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/presentations`, world.taskforce, { conferenceId: randomId() }),
      400,
      'CONFERENCE_NOT_FOUND',
    );
    expect(fieldsOf(unknown)).toEqual(['conferenceId']);
    const malformed = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/presentations`, world.taskforce, { conferenceId: 'third' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(malformed)).toEqual(['conferenceId']);
  });

  it('409 PROJECT_NOT_IN_LIBRARY before approval, 409 PROJECT_ALREADY_PRESENTED after presenting', async () => {
    const submitted = await projectAt(world, 'submitted');
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${submitted.id}/presentations`, world.taskforce, { conferenceId: world.conferenceId }),
      409,
      'PROJECT_NOT_IN_LIBRARY',
    );
    const presented = await projectAt(world, 'presented');
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${presented.id}/presentations`, world.taskforce, { conferenceId: world.conferenceId }),
      409,
      'PROJECT_ALREADY_PRESENTED',
    );
  });

  it('409 PRESENTATION_BEFORE_CONFERENCE at a conference not yet held, or dated before it was held', async () => {
    const { id } = await projectAt(world, 'approved');
    const nextYear = await post(api, '/api/conferences', world.taskforce, {
      title: '明年的民营经济创意会',
      heldOn: dateDaysAgo(-365),
    });
    expect(nextYear.status).toBe(201);
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/presentations`, world.taskforce, { conferenceId: nextYear.body.id }),
      409,
      'PRESENTATION_BEFORE_CONFERENCE',
    );
    // The world's conference was held 30 days ago (CST); the day before it is too early, the day itself is not.
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/presentations`, world.taskforce, {
          conferenceId: world.conferenceId,
          occurredAt: `${dateDaysAgo(31)}T23:59:00+08:00`,
        }),
      409,
      'PRESENTATION_BEFORE_CONFERENCE',
    );
    const onTheDay = await post(api, `/api/projects/${id}/presentations`, world.taskforce, {
      conferenceId: world.conferenceId,
      occurredAt: `${dateDaysAgo(30)}T00:00:00+08:00`,
    });
    expect(onTheDay.status).toBe(200);
  });

  it('404 for an unknown project, 403 for reviewers', async () => {
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${randomId()}/presentations`, world.taskforce, { conferenceId: world.conferenceId }),
      404,
      'PROJECT_NOT_FOUND',
    );
    const { id } = await projectAt(world, 'approved');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/presentations`, world.reviewer, { conferenceId: world.conferenceId }),
      403,
    );
  });
});

describe('POST /api/projects/:id/assignments', () => {
  it('200: assigns the landing plan, with an id for every milestone', async () => {
    const { id } = await projectAt(world, 'presented');
    const reply = await post(api, `/api/projects/${id}/assignments`, world.taskforce, plan('industry', 'resources'));
    expect(reply.status).toBe(200);
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    expect(project.status).toBe('assigned');
    expect(project.plan).toMatchObject({
      revision: 1,
      leadDepartment: 'industry',
      supportingDepartments: ['resources'],
      milestones: [
        { milestoneId: expect.any(String), departmentCode: 'industry', dueOn: '2030-05-31', done: false },
        { milestoneId: expect.any(String), departmentCode: 'resources', dueOn: '2030-07-31', done: false },
      ],
    });
  });

  it('200: assigning again revises the plan; a kept milestone id keeps its completion', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [contract] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.plan.milestones;
    expect(
      (
        await post(api, `/api/projects/${id}/progress`, world.industry, {
          milestoneId: contract.milestoneId,
          note: '已签约',
          done: true,
        })
      ).status,
    ).toBe(200);

    const revised = await post(api, `/api/projects/${id}/assignments`, world.taskforce, {
      leadDepartment: 'industry',
      milestones: [
        {
          milestoneId: contract.milestoneId,
          title: contract.title,
          dueOn: contract.dueOn,
          departmentCode: 'industry',
          owner: contract.owner,
        },
        { title: '开工建设', dueOn: '2030-09-30', departmentCode: 'industry', owner: '赵强' },
      ],
    });
    expect(revised.status).toBe(200);
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    expect(project.plan.revision).toBe(2);
    expect(project.plan.milestones.map((m: { title: string; done: boolean }) => [m.title, m.done])).toEqual([
      ['签订投资协议', true],
      ['开工建设', false],
    ]);
    expect((await events.types(projectStream(id))).slice(-1)).toEqual(['LandingPlanRevised']);
  });

  it('400: names the invalid milestone field; unknown departments are refused by code', async () => {
    const { id } = await projectAt(world, 'presented');
    const bad = plan('industry', 'resources');
    bad.milestones[1].dueOn = '2030-02-30';
    const reply = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.taskforce, bad),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(reply)).toEqual(['milestones[1].dueOn']);

    const none = await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/assignments`, world.taskforce, { leadDepartment: 'industry', milestones: [] }),
      400,
    );
    expect(fieldsOf(none)).toEqual(['milestones']);

    const unknown = plan('industry', 'resources');
    unknown.milestones[0].departmentCode = 'no-such-department';
    const refused = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.taskforce, unknown),
      400,
      'UNKNOWN_DEPARTMENT',
    );
    expect(fieldsOf(refused)).toEqual(['milestones[0].departmentCode']);

    // A department created since is known at once, though plans were assigned before it existed.
    unknown.milestones[0].departmentCode = 'created-later';
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.taskforce, unknown),
      400,
      'UNKNOWN_DEPARTMENT',
    );
    expect((await post(api, '/api/departments', world.admin, { code: 'created-later', name: '新设部门' })).status).toBe(
      201,
    );
    expect((await post(api, `/api/projects/${id}/assignments`, world.taskforce, unknown)).status).toBe(200);
  });

  it('409 PROJECT_NOT_PRESENTED before the conference; 404 for an unknown project; 403 for departments', async () => {
    const { id } = await projectAt(world, 'approved');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.taskforce, plan('industry', 'resources')),
      409,
      'PROJECT_NOT_PRESENTED',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${randomId()}/assignments`, world.taskforce, plan('industry', 'resources')),
      404,
      'PROJECT_NOT_FOUND',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.industry, plan('industry', 'resources')),
      403,
    );
  });
});

describe('POST /api/projects/:id/progress', () => {
  it('200: a department user reports on and completes their own milestone', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [own] = (await get(api, `/api/projects/${id}`, world.industry)).body.plan.milestones;
    const reply = await post(api, `/api/projects/${id}/progress`, world.industry, {
      milestoneId: own.milestoneId,
      note: '协议已签署',
      done: true,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.version).toBe(6);
    expect((await events.types(projectStream(id))).slice(-2)).toEqual(['ProgressReported', 'MilestoneCompleted']);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.plan.milestones[0]).toMatchObject({
      done: true,
      doneAt: expect.any(String),
    });
  });

  it('403 NOT_YOUR_ASSIGNMENT on another department’s milestone or project', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [, resourcesMilestone] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.plan.milestones;
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/progress`, world.industry, {
          milestoneId: resourcesMilestone.milestoneId,
          note: '代报',
        }),
      403,
      'NOT_YOUR_ASSIGNMENT',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.commerce, { note: '与我无关' }),
      403,
      'NOT_YOUR_ASSIGNMENT',
    );
  });

  it('400 MILESTONE_NOT_FOUND, 400 for a non-boolean done, 409 MILESTONE_ALREADY_DONE', async () => {
    const { id } = await projectAt(world, 'assigned');
    const missing = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.taskforce, { milestoneId: randomId(), note: 'x' }),
      400,
      'MILESTONE_NOT_FOUND',
    );
    expect(fieldsOf(missing)).toEqual(['milestoneId']);
    const flag = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.taskforce, { note: 'x', done: 'yes' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(flag)).toEqual(['done']);

    const [first] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.plan.milestones;
    expect(
      (
        await post(api, `/api/projects/${id}/progress`, world.taskforce, {
          milestoneId: first.milestoneId,
          note: 'done',
          done: true,
        })
      ).status,
    ).toBe(200);
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/progress`, world.taskforce, {
          milestoneId: first.milestoneId,
          note: 'again',
          done: true,
        }),
      409,
      'MILESTONE_ALREADY_DONE',
    );
  });

  it('409 PROJECT_NOT_ASSIGNED before a plan exists; 403 for leaders', async () => {
    const { id } = await projectAt(world, 'presented');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '进展' }),
      409,
      'PROJECT_NOT_ASSIGNED',
    );
    await expectRefused(events, () => post(api, `/api/projects/${id}/progress`, world.leader, { note: '进展' }), 403);
  });
});

describe('POST /api/projects/:id/needs/:needId/resolution', () => {
  it('200: resolves a need; 409 NEED_ALREADY_RESOLVED the second time; 400 NEED_NOT_FOUND', async () => {
    const { id } = await projectAt(world, 'submitted');
    const [land] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.needs;
    const reply = await post(api, `/api/projects/${id}/needs/${land.needId}/resolution`, world.taskforce, {
      resolution: '已供应 50 亩工业用地',
    });
    expect(reply.status).toBe(200);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body.needs[0]).toMatchObject({
      resolved: true,
      resolution: '已供应 50 亩工业用地',
    });

    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/needs/${land.needId}/resolution`, world.taskforce, { resolution: '再次' }),
      409,
      'NEED_ALREADY_RESOLVED',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/needs/${randomId()}/resolution`, world.taskforce, { resolution: 'x' }),
      400,
      'NEED_NOT_FOUND',
    );
    const blank = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/needs/${land.needId}/resolution`, world.taskforce, { resolution: ' ' }),
      400,
    );
    expect(fieldsOf(blank)).toEqual(['resolution']);
  });

  it('department users resolve needs only on projects their department is part of (else 403 NOT_YOUR_PROJECT)', async () => {
    const { id } = await projectAt(world, 'assigned');
    const [, financing] = (await get(api, `/api/projects/${id}`, world.taskforce)).body.needs;
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/needs/${financing.needId}/resolution`, world.commerce, { resolution: 'x' }),
      403,
      'NOT_YOUR_PROJECT',
    );
    expect(
      (
        await post(api, `/api/projects/${id}/needs/${financing.needId}/resolution`, world.resources, {
          resolution: '银行授信 2 亿元',
        })
      ).status,
    ).toBe(200);
  });

  it('404 for an unknown project', async () => {
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${randomId()}/needs/${randomId()}/resolution`, world.taskforce, { resolution: 'x' }),
      404,
      'PROJECT_NOT_FOUND',
    );
  });
});

describe('POST /api/projects/:id/landing', () => {
  it('200: lands an assigned project on a date', async () => {
    const { id } = await projectAt(world, 'assigned');
    const landedOn = dateDaysAgo(1);
    const reply = await post(api, `/api/projects/${id}/landing`, world.taskforce, {
      landedOn,
      actualInvestmentYuan: 210_000_000,
      evidence: '投产',
      confirmOpenItems: true,
    });
    expect(reply.status).toBe(200);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body).toMatchObject({
      status: 'landed',
      landedOn,
      actualInvestmentYuan: 210_000_000,
    });
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn }),
      409,
      'PROJECT_ALREADY_LANDED',
    );
  });

  it('409 LANDING_HAS_OPEN_ITEMS lists the open milestones and needs; confirmOpenItems lands and records them', async () => {
    const { id } = await projectAt(world, 'assigned');
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    const [first, second] = project.plan.milestones;
    const [land, financing] = project.needs;
    const refused = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: dateDaysAgo(1) }),
      409,
      'LANDING_HAS_OPEN_ITEMS',
    );
    expect(refused.body.openItems).toEqual([
      { kind: 'milestone', id: first.milestoneId, title: first.title },
      { kind: 'milestone', id: second.milestoneId, title: second.title },
      { kind: 'need', id: land.needId, title: land.description },
      { kind: 'need', id: financing.needId, title: financing.description },
    ]);

    // Completing some items leaves the others listed.
    const done = await post(api, `/api/projects/${id}/progress`, world.industry, {
      milestoneId: first.milestoneId,
      note: '协议已签',
      done: true,
      occurredAt: daysAgo(5),
    });
    expect(done.status).toBe(200);
    const resolved = await post(api, `/api/projects/${id}/needs/${land.needId}/resolution`, world.resources, {
      resolution: '已供地',
      occurredAt: daysAgo(4),
    });
    expect(resolved.status).toBe(200);
    const stillOpen = [
      { kind: 'milestone', id: second.milestoneId, title: second.title },
      { kind: 'need', id: financing.needId, title: financing.description },
    ];
    const refusedAgain = await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/landing`, world.taskforce, {
          landedOn: dateDaysAgo(1),
          confirmOpenItems: false,
        }),
      409,
      'LANDING_HAS_OPEN_ITEMS',
    );
    expect(refusedAgain.body.openItems).toEqual(stillOpen);
    const notAFlag = await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/landing`, world.taskforce, {
          landedOn: dateDaysAgo(1),
          confirmOpenItems: 'yes',
        }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(notAFlag)).toEqual(['confirmOpenItems']);

    const landed = await post(api, `/api/projects/${id}/landing`, world.taskforce, {
      landedOn: dateDaysAgo(1),
      confirmOpenItems: true,
    });
    expect(landed.status).toBe(200);
    const history = (await get(api, `/api/projects/${id}/history`, world.taskforce)).body;
    const landing = history.events.find((e: { type: string }) => e.type === 'ProjectLanded');
    expect(landing.data.confirmedOpenItems).toEqual(stillOpen);
  });

  it('200 without confirmation once every milestone is done and every need resolved', async () => {
    const { id } = await projectAt(world, 'assigned');
    const project = (await get(api, `/api/projects/${id}`, world.taskforce)).body;
    for (const [i, m] of project.plan.milestones.entries()) {
      const user = m.departmentCode === 'industry' ? world.industry : world.resources;
      const reply = await post(api, `/api/projects/${id}/progress`, user, {
        milestoneId: m.milestoneId,
        note: '完成',
        done: true,
        occurredAt: daysAgo(10 - i),
      });
      expect(reply.status).toBe(200);
    }
    for (const need of project.needs) {
      const reply = await post(api, `/api/projects/${id}/needs/${need.needId}/resolution`, world.taskforce, {
        resolution: '已解决',
        occurredAt: daysAgo(5),
      });
      expect(reply.status).toBe(200);
    }
    const landed = await post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: dateDaysAgo(1) });
    expect(landed.status).toBe(200);
    const history = (await get(api, `/api/projects/${id}/history`, world.taskforce)).body;
    const landing = history.events.find((e: { type: string }) => e.type === 'ProjectLanded');
    expect(landing.data).not.toHaveProperty('confirmedOpenItems');
  });

  it('400 for a date in the future or not a calendar date; 409 for a date before the previous event', async () => {
    const { id } = await projectAt(world, 'assigned');
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: tomorrow }),
      400,
      'LANDED_ON_IN_FUTURE',
    );
    const invalid = await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: '2024-02-30' }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(invalid)).toEqual(['landedOn']);
    // The plan was assigned 20 days ago.
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${id}/landing`, world.taskforce, {
          landedOn: dateDaysAgo(25),
          confirmOpenItems: true,
        }),
      409,
      'LANDED_ON_BEFORE_PREVIOUS_EVENT',
    );
  });

  it('409 PROJECT_HAS_NO_LANDING_PLAN before assignment; 403 for reviewers', async () => {
    const { id } = await projectAt(world, 'presented');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.taskforce, { landedOn: dateDaysAgo(1) }),
      409,
      'PROJECT_HAS_NO_LANDING_PLAN',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/landing`, world.reviewer, { landedOn: dateDaysAgo(1) }),
      403,
    );
  });
});

describe('POST /api/projects/:id/withdrawal', () => {
  it('200: withdraws an open project; 409 PROJECT_CLOSED afterwards; 400 without a reason', async () => {
    const { id } = await projectAt(world, 'approved');
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/withdrawal`, world.taskforce, { reason: '' }),
      400,
    );
    const reply = await post(api, `/api/projects/${id}/withdrawal`, world.taskforce, {
      reason: '企业战略调整',
      occurredAt: daysAgo(1),
    });
    expect(reply.status).toBe(200);
    expect((await get(api, `/api/projects/${id}`, world.taskforce)).body).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '企业战略调整',
    });
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/withdrawal`, world.taskforce, { reason: '再次' }),
      409,
      'PROJECT_CLOSED',
    );
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/progress`, world.taskforce, { note: '?' }),
      409,
      'PROJECT_CLOSED',
    );
  });
});

describe('GET /api/projects/:id and /history', () => {
  it('sends the version as ETag; 404 PROJECT_NOT_FOUND for an unknown project', async () => {
    const { id, version } = await projectAt(world, 'approved');
    const reply = await get(api, `/api/projects/${id}?minPosition=1`, world.leader);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBe(`"${version}"`);
    expect((await get(api, `/api/projects/${randomId()}`, world.leader)).body.code).toBe('PROJECT_NOT_FOUND');
    expect((await get(api, `/api/projects/${randomId()}/history`, world.leader)).status).toBe(404);
    expect((await get(api, `/api/projects/${id}`)).status).toBe(401);
  });

  it('department users read only projects their department is part of (403 NOT_YOUR_PROJECT)', async () => {
    const { id } = await projectAt(world, 'assigned');
    for (const path of [`/api/projects/${id}`, `/api/projects/${id}/history`]) {
      expect((await get(api, path, world.industry)).status).toBe(200);
      expect((await get(api, path, world.resources)).status).toBe(200);
      const refused = await get(api, path, world.commerce);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'NOT_YOUR_PROJECT' });
    }
    const unassigned = await projectAt(world, 'approved');
    expect((await get(api, `/api/projects/${unassigned.id}`, world.industry)).status).toBe(403);
  });
});

describe('the lifecycle, from enterprise to landing', () => {
  it('walks one project through every step with past business times, and its history tells who did what when', async () => {
    const { taskforce, reviewer, industry, resources } = world;
    const enterprise = await post(api, '/api/enterprises', taskforce, {
      name: '青岛蓝海新材料股份有限公司',
      creditCode: '91350100M000100Y43',
      district: '城阳区',
      tier: 'provincial',
    });
    expect(enterprise.status).toBe(201);
    const conference = await post(api, '/api/conferences', taskforce, {
      title: '第四届民营经济创意会',
      theme: '新材料',
      heldOn: '2024-02-15',
    });
    expect(conference.status).toBe(201);
    expect((await post(api, '/api/departments', world.admin, { code: 'finance', name: '市财政局' })).status).toBe(201);

    const submitted = await post(
      api,
      '/api/projects',
      taskforce,
      validSubmission(enterprise.body.id, { title: '石墨烯涂层产线', occurredAt: '2024-01-05T09:00:00+08:00' }),
    );
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.id;
    const at = (path: string) => `/api/projects/${id}${path}`;

    // Business time: the past is fine, the future is not, and nothing may precede the previous event.
    const future = new Date(Date.now() + 60_000).toISOString();
    await expectRefused(
      events,
      () => post(api, at('/reviews'), reviewer, { ...approvingReview, occurredAt: future }),
      400,
      'OCCURRED_AT_IN_FUTURE',
    );
    await expectRefused(
      events,
      () => post(api, at('/reviews'), reviewer, { ...approvingReview, occurredAt: '2024-01-04T09:00:00+08:00' }),
      409,
      'OCCURRED_AT_BEFORE_PREVIOUS_EVENT',
    );

    // Names the step in a failure message.
    const step = async (name: string, request: Promise<Reply>) => {
      const reply = await request;
      expect({ name, status: reply.status }).toEqual({ name, status: 200 });
      return reply;
    };
    await step(
      'revise',
      post(api, at('/reviews'), reviewer, {
        verdict: 'revise',
        scores: { idea: 80, validation: 50, feasibility: 60 },
        occurredAt: '2024-01-20T10:00:00+08:00',
      }),
    );
    await step(
      'approve',
      post(api, at('/reviews'), reviewer, { ...approvingReview, occurredAt: '2024-02-01T10:00:00+08:00' }),
    );
    await step(
      'present',
      post(api, at('/presentations'), taskforce, {
        conferenceId: conference.body.id,
        occurredAt: '2024-02-15T14:00:00+08:00',
      }),
    );
    await step(
      'assign',
      post(api, at('/assignments'), taskforce, {
        ...plan('industry', 'resources'),
        supportingDepartments: ['resources', 'finance'],
        occurredAt: '2024-02-20T09:00:00+08:00',
      }),
    );

    const { plan: assigned, needs } = (await get(api, at(''), industry)).body;
    const [own, other] = assigned.milestones;
    await step(
      'progress',
      post(api, at('/progress'), industry, {
        milestoneId: own.milestoneId,
        note: '投资协议已签署',
        done: true,
        occurredAt: '2024-03-01T09:00:00+08:00',
      }),
    );
    await expectRefused(
      events,
      () => post(api, at('/progress'), industry, { milestoneId: other.milestoneId, note: '越权' }),
      403,
      'NOT_YOUR_ASSIGNMENT',
    );
    await step(
      'general progress',
      post(api, at('/progress'), resources, { note: '用地预审中', occurredAt: '2024-03-10T09:00:00+08:00' }),
    );
    await step(
      'resolve',
      post(api, at(`/needs/${needs[0].needId}/resolution`), resources, {
        resolution: '已供应 50 亩工业用地',
        occurredAt: '2024-04-01T09:00:00+08:00',
      }),
    );
    const landed = await step(
      'land',
      post(api, at('/landing'), taskforce, {
        landedOn: '2024-05-20',
        actualInvestmentYuan: 180_000_000,
        evidence: '已投产',
        confirmOpenItems: true,
      }),
    );
    expect(landed.body).toEqual({ id, version: 10, position: expect.any(Number) });

    const project = (await get(api, at(''), world.leader)).body;
    expect(project).toMatchObject({
      status: 'landed',
      version: 10,
      submittedAt: '2024-01-05T01:00:00.000Z',
      enteredLibraryAt: '2024-02-01T02:00:00.000Z',
      landedOn: '2024-05-20',
      enterpriseName: '青岛蓝海新材料股份有限公司',
    });

    const history = (await get(api, at('/history'), industry)).body;
    expect(history).toMatchObject({ id, version: 10 });
    expect(
      history.events.map((e: { type: string; actor: { username: string; role: string } }) => [
        e.type,
        e.actor.username,
        e.actor.role,
      ]),
    ).toEqual([
      ['ProjectSubmitted', taskforce.username, 'taskforce'],
      ['ProjectReviewed', reviewer.username, 'reviewer'],
      ['ProjectReviewed', reviewer.username, 'reviewer'],
      ['ProjectPresented', taskforce.username, 'taskforce'],
      ['LandingPlanAssigned', taskforce.username, 'taskforce'],
      ['ProgressReported', industry.username, 'department'],
      ['MilestoneCompleted', industry.username, 'department'],
      ['ProgressReported', resources.username, 'department'],
      ['NeedResolved', resources.username, 'department'],
      ['ProjectLanded', taskforce.username, 'taskforce'],
    ]);
    const [first, , , , , , , , , last] = history.events;
    expect(first).toMatchObject({
      version: 1,
      occurredAt: '2024-01-05T01:00:00.000Z',
      data: { title: '石墨烯涂层产线' },
    });
    // Business time is when it happened; the record time is when it was stored (now).
    expect(Date.parse(first.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(last).toMatchObject({
      version: 10,
      occurredAt: '2024-05-20T15:59:59.999Z',
      data: { landedOn: '2024-05-20' },
    });
    expect(history.events.map((e: { position: number }) => e.position)).toEqual(
      [...history.events.map((e: { position: number }) => e.position)].sort((a, b) => a - b),
    );
  });

  it('withdraws a project in the library; the withdrawal ends it', async () => {
    const { id } = await projectAt(world, 'presented');
    expect(
      (
        await post(api, `/api/projects/${id}/withdrawal`, world.taskforce, {
          reason: '资金链断裂',
          occurredAt: daysAgo(2),
        })
      ).status,
    ).toBe(200);
    const history = (await get(api, `/api/projects/${id}/history`, world.taskforce)).body;
    expect(history.events.map((e: { type: string }) => e.type)).toEqual([
      'ProjectSubmitted',
      'ProjectReviewed',
      'ProjectPresented',
      'ProjectWithdrawn',
    ]);
    await expectRefused(
      events,
      () => post(api, `/api/projects/${id}/assignments`, world.taskforce, plan('industry', 'resources')),
      409,
      'PROJECT_CLOSED',
    );
  });
});
