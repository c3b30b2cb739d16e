import { conferenceStream } from '@luodi/domain';
import { RunningApi, startApi } from '../support/start-api';
import {
  createWorld,
  dateDaysAgo,
  daysAgo,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  patch,
  post,
  projectAt,
  World,
} from './projects.helpers';

let api: RunningApi;
let world: World;
let events: EventsTable;
/** A conference scheduled with an English theme, with one library project presented there. */
let conferenceId: string;
/** The position of that presentation: the read models hold both from there on. */
let presentedAt: number;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
  const created = await post(api, '/api/conferences', world.taskforce, {
    title: '第八届民营经济创意会',
    theme: '海洋经济',
    themeEn: '  Ocean economy ',
    heldOn: dateDaysAgo(40),
  });
  if (created.status !== 201) throw new Error(`scheduling the conference failed: ${created.status}`);
  conferenceId = created.body.id;
  const project = await projectAt(world, 'approved');
  const presented = await post(api, `/api/projects/${project.id}/presentations`, world.taskforce, {
    conferenceId,
    occurredAt: daysAgo(30),
  });
  if (presented.status !== 200) throw new Error(`presenting the project failed: ${presented.status}`);
  presentedAt = presented.body.position;
});
afterAll(async () => {
  await events.close();
  await api.stop();
});

interface Themed {
  theme: string | null;
  themeEn: string | null;
}

/** The conference as the list and as its dashboard bar have it, read at `position`. */
async function readModels(position: number): Promise<{ list: Themed; bar: Themed }> {
  const list = (await get(api, `/api/conferences?minPosition=${position}`, world.leader)).body;
  const bars = (await get(api, `/api/dashboard/landing-rate?groupBy=conference&minPosition=${position}`, world.leader))
    .body;
  const pick = ({ theme, themeEn }: Themed): Themed => ({ theme, themeEn });
  return {
    list: pick(list.find((c: { id: string }) => c.id === conferenceId)),
    bar: pick(bars.find((b: { key: string }) => b.key === conferenceId)),
  };
}

describe('conference themes in English', () => {
  it('given at scheduling (trimmed): the stream, the list and the dashboard bar carry it', async () => {
    expect((await get(api, `/api/conferences/${conferenceId}`, world.industry)).body).toMatchObject({
      theme: '海洋经济',
      themeEn: 'Ocean economy',
      version: 1,
    });
    const both = { theme: '海洋经济', themeEn: 'Ocean economy' };
    expect(await readModels(presentedAt)).toEqual({ list: both, bar: both });
  });

  it('200: the task force changes it and the admin clears it (null); the read models follow', async () => {
    const changed = await patch(api, `/api/conferences/${conferenceId}`, world.taskforce, {
      themeEn: ' The blue economy ',
    });
    expect({ status: changed.status, id: changed.body.id, version: changed.body.version }).toEqual({
      status: 200,
      id: conferenceId,
      version: 2,
    });
    const renamed = { theme: '海洋经济', themeEn: 'The blue economy' };
    expect(await readModels(changed.body.position)).toEqual({ list: renamed, bar: renamed });

    const cleared = await patch(api, `/api/conferences/${conferenceId}`, world.admin, { themeEn: null });
    expect({ status: cleared.status, version: cleared.body.version }).toEqual({ status: 200, version: 3 });
    const chineseOnly = { theme: '海洋经济', themeEn: null };
    expect(await readModels(cleared.body.position)).toEqual({ list: chineseOnly, bar: chineseOnly });
    expect(await events.types(conferenceStream(conferenceId))).toEqual([
      'ConferenceScheduled',
      'ConferenceThemeNamedInEnglish',
      'ConferenceThemeNamedInEnglish',
    ]);

    // Giving the theme it already has records nothing.
    await patch(api, `/api/conferences/${conferenceId}`, world.admin, { themeEn: 'Ocean economy' });
    const before = await events.count(conferenceStream(conferenceId));
    const again = await patch(api, `/api/conferences/${conferenceId}`, world.admin, { themeEn: 'Ocean economy ' });
    expect({ status: again.status, version: again.body.version }).toEqual({ status: 200, version: before });
    expect(await events.count(conferenceStream(conferenceId))).toBe(before);
  });

  it('400 problem naming themeEn for an English theme that is not text or too long, or left out; nothing written', async () => {
    const path = `/api/conferences/${conferenceId}`;
    for (const body of [{ themeEn: 42 }, { themeEn: ['x'] }, { themeEn: 'x'.repeat(201) }, {}]) {
      const reply = await expectRefused(events, () => patch(api, path, world.taskforce, body), 400, 'INVALID_INPUT');
      expect({ body, fields: [...new Set(fieldsOf(reply))] }).toEqual({ body, fields: ['themeEn'] });
    }
    for (const themeEn of [7, 'x'.repeat(201)]) {
      const reply = await expectRefused(
        events,
        () => post(api, '/api/conferences', world.taskforce, { title: '第九届', themeEn, heldOn: dateDaysAgo(1) }),
        400,
        'INVALID_INPUT',
      );
      expect([...new Set(fieldsOf(reply))]).toEqual(['themeEn']);
    }
    // 200 characters, the theme's own limit, are accepted.
    const longest = await patch(api, path, world.taskforce, { themeEn: 'x'.repeat(200) });
    expect(longest.status).toBe(200);
  });

  it('404 CONFERENCE_NOT_FOUND for a conference that does not exist; 403 for leaders, reviewers and departments', async () => {
    await expectRefused(
      events,
      () => patch(api, `/api/conferences/${crypto.randomUUID()}`, world.admin, { themeEn: 'x' }),
      404,
      'CONFERENCE_NOT_FOUND',
    );
    for (const user of [world.leader, world.reviewer, world.industry])
      await expectRefused(events, () => patch(api, `/api/conferences/${conferenceId}`, user, { themeEn: 'x' }), 403);
  });
});
