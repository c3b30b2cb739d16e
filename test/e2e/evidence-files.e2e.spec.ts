import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { TestUser } from '../support/auth-helpers';
import { RunningApi, startApi } from '../support/start-api';
import { zipOf } from './excel.helpers';
import {
  createWorld,
  dateDaysAgo,
  daysAgo,
  EventsTable,
  expectRefused,
  fieldsOf,
  get,
  post,
  projectAt,
  World,
} from './projects.helpers';

/** Evidence (佐证材料): uploads told by their bytes, stored once per SHA-256, read under the project's rules. */
let api: RunningApi;
let world: World;
let events: EventsTable;
let pool: Pool;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  events = new EventsTable(api.databaseUrl);
  pool = new Pool({ connectionString: api.databaseUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await events.close();
  await api.stop();
});

const MB = 1024 * 1024;
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
const office = (folder: 'word' | 'xl') =>
  zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: `${folder}/${folder === 'word' ? 'document' : 'workbook'}.xml`, data: randomBytes(500) },
  ]);

async function upload(user: TestUser, bytes: Buffer, name: string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([bytes]), name);
  const send = () =>
    fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { Authorization: user.headers.Authorization },
      body: form,
    });
  const response = await send().catch((error) =>
    error?.cause?.code === 'ECONNRESET' || error?.cause?.code === 'EPIPE' ? send() : Promise.reject(error),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function download(user: TestUser, fileId: string) {
  const response = await fetch(`${api.baseUrl}/api/files/${fileId}`, { headers: user.headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, headers: response.headers };
}

const blobs = async (sha256: string) =>
  (await pool.query('SELECT count(*)::int AS n FROM evidence_blobs WHERE sha256 = $1', [sha256])).rows[0].n;

describe('POST /api/files', () => {
  it('stores the same 5 MB file once, however often and under whatever name it is uploaded', async () => {
    const bytes = pdf(5 * MB);
    const first = await upload(world.taskforce, bytes, '投资协议.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      fileId: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: 5 * MB,
      mediaType: 'application/pdf',
      name: '投资协议.pdf',
    });
    const second = await upload(world.industry, bytes, 'contract-copy.pdf');
    expect(second.status).toBe(201);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.fileId).not.toBe(first.body.fileId);
    expect(second.body.name).toBe('contract-copy.pdf');
    expect(await blobs(first.body.sha256)).toBe(1);
    const { rows } = await pool.query(
      'SELECT sum(octet_length(content))::int AS bytes FROM evidence_blobs WHERE sha256 = $1',
      [first.body.sha256],
    );
    expect(rows[0].bytes).toBe(5 * MB);
  });

  it('tells the type by the bytes: PNG, JPEG, DOCX and XLSX accepted whatever their names', async () => {
    for (const [bytes, name, mediaType] of [
      [png(), 'photo.pdf', 'image/png'],
      [jpeg(), '现场照片', 'image/jpeg'],
      [office('word'), '报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [office('xl'), 'ledger.bin', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const reply = await upload(world.taskforce, bytes, name);
      expect({ name, status: reply.status, mediaType: reply.body.mediaType }).toEqual({ name, status: 201, mediaType });
    }
  });

  it('415 for an executable renamed .pdf or a zip that is no Office file; 413 above 20 MB; 400 empty or missing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), randomBytes(4000)]);
    const renamed = await upload(world.taskforce, exe, '合同.pdf');
    expect({ status: renamed.status, code: renamed.body.code }).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const zip = await upload(world.taskforce, zipOf([{ name: 'a.txt', data: Buffer.from('x') }]), 'a.docx');
    expect(zip.status).toBe(415);
    const big = await upload(world.taskforce, pdf(21 * MB), 'big.pdf');
    expect({ status: big.status, code: big.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const empty = await upload(world.taskforce, Buffer.alloc(0), 'empty.pdf');
    expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'FILE_EMPTY' });
    const missing = await upload(world.taskforce, png(), 'x.png', 'attachment');
    expect(missing.status).toBe(400);
    const before = (await pool.query('SELECT count(*)::int AS n FROM evidence_files')).rows[0].n;
    await upload(world.taskforce, exe, 'again.pdf');
    expect((await pool.query('SELECT count(*)::int AS n FROM evidence_files')).rows[0].n).toBe(before);
  });

  it('403 for reviewers and leaders, 401 without a token', async () => {
    expect((await upload(world.reviewer, png(), 'x.png')).status).toBe(403);
    expect((await upload(world.leader, png(), 'x.png')).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([png()]), 'x.png');
    expect((await fetch(`${api.baseUrl}/api/files`, { method: 'POST', body: form })).status).toBe(401);
  });
});

describe('evidence on progress, resolutions and landing; GET /api/files/:fileId', () => {
  it('records the files in the events, lists them, and refuses another project’s or an unknown file', async () => {
    const project = await projectAt(world, 'assigned');
    const other = await projectAt(world, 'assigned');
    const state = (await get(api, `/api/projects/${project.id}`, world.taskforce)).body;
    const milestoneId = state.plan.milestones[0].milestoneId;
    const photo = await upload(world.industry, png(), '开工现场.png');

    const progress = await post(api, `/api/projects/${project.id}/progress`, world.industry, {
      milestoneId,
      note: '协议已签订',
      done: true,
      evidenceFileIds: [photo.body.fileId],
      occurredAt: daysAgo(3),
    });
    expect(progress.status).toBe(200);

    // The file is this project's now: not another's, whoever sends it.
    for (const user of [world.industry, world.taskforce]) {
      const refused = await expectRefused(
        events,
        () =>
          post(api, `/api/projects/${other.id}/progress`, user, {
            note: '复用照片',
            evidenceFileIds: [photo.body.fileId],
          }),
        409,
        'EVIDENCE_FILE_OF_ANOTHER_PROJECT',
      );
      expect(fieldsOf(refused)).toEqual(['evidenceFileIds[0]']);
    }
    const unknown = await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${other.id}/progress`, world.industry, { note: 'x', evidenceFileIds: [randomUUID()] }),
      400,
      'EVIDENCE_FILE_NOT_FOUND',
    );
    expect(fieldsOf(unknown)).toEqual(['evidenceFileIds[0]']);
    // Someone else's unattached upload is not yours to attach.
    const taskforceFile = await upload(world.taskforce, pdf(3000), '批复.pdf');
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${other.id}/progress`, world.industry, {
          note: 'x',
          evidenceFileIds: [taskforceFile.body.fileId],
        }),
      400,
      'EVIDENCE_FILE_NOT_FOUND',
    );
    const malformed = await expectRefused(
      events,
      () => post(api, `/api/projects/${other.id}/progress`, world.industry, { note: 'x', evidenceFileIds: ['abc'] }),
      400,
      'INVALID_INPUT',
    );
    expect(fieldsOf(malformed)[0]).toMatch(/^evidenceFileIds/);

    // A refused command releases what it claimed: the file can still go to the right project.
    const late = await upload(world.resources, pdf(3000), '供地批复.pdf');
    const [landNeed] = state.needs;
    await expectRefused(
      events,
      () =>
        post(api, `/api/projects/${project.id}/needs/${landNeed.needId}/resolution`, world.resources, {
          resolution: '已供地',
          evidenceFileIds: [late.body.fileId],
          occurredAt: daysAgo(400),
        }),
      409,
      'OCCURRED_AT_BEFORE_PREVIOUS_EVENT',
    );
    const resolved = await post(
      api,
      `/api/projects/${project.id}/needs/${landNeed.needId}/resolution`,
      world.resources,
      {
        resolution: '已供地',
        evidenceFileIds: [late.body.fileId],
        occurredAt: daysAgo(2),
      },
    );
    expect(resolved.status).toBe(200);

    const landed = await post(api, `/api/projects/${project.id}/landing`, world.taskforce, {
      landedOn: dateDaysAgo(1),
      confirmOpenItems: true,
      evidenceFileIds: [taskforceFile.body.fileId],
    });
    expect(landed.status).toBe(200);

    const history = (await get(api, `/api/projects/${project.id}/history`, world.taskforce)).body.events;
    const named = (type: string) => history.find((e: { type: string }) => e.type === type).data.evidenceFileIds;
    expect(named('ProgressReported')).toEqual([photo.body.fileId]);
    expect(named('NeedResolved')).toEqual([late.body.fileId]);
    expect(named('ProjectLanded')).toEqual([taskforceFile.body.fileId]);

    const listed = await get(api, `/api/projects/${project.id}/evidence`, world.industry);
    expect(listed.status).toBe(200);
    expect(listed.body.map((f: { name: string; attachedTo: { type: string } }) => [f.name, f.attachedTo.type])).toEqual(
      [
        ['开工现场.png', 'ProgressReported'],
        ['供地批复.pdf', 'NeedResolved'],
        ['批复.pdf', 'ProjectLanded'],
      ],
    );
    expect((await get(api, `/api/projects/${project.id}/evidence`, world.commerce)).status).toBe(403);
  });

  it('downloads under the project’s access rules: not another department’s evidence; an unattached file only its uploader', async () => {
    const project = await projectAt(world, 'assigned');
    const bytes = png();
    const photo = await upload(world.industry, bytes, '现场.png');
    // Unattached: the uploader only.
    expect((await download(world.industry, photo.body.fileId)).status).toBe(200);
    expect((await download(world.taskforce, photo.body.fileId)).status).toBe(404);
    expect((await download(world.commerce, photo.body.fileId)).status).toBe(404);

    const reply = await post(api, `/api/projects/${project.id}/progress`, world.industry, {
      note: '现场照片',
      evidenceFileIds: [photo.body.fileId],
    });
    expect(reply.status).toBe(200);
    for (const user of [world.industry, world.resources, world.taskforce, world.leader, world.reviewer]) {
      const file = await download(user, photo.body.fileId);
      expect({ user: user.username, status: file.status }).toEqual({ user: user.username, status: 200 });
      expect(file.bytes.equals(bytes)).toBe(true);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('现场.png'));
    }
    const refused = await download(world.commerce, photo.body.fileId);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString()).code).toBe('NOT_YOUR_PROJECT');
    expect((await download(world.taskforce, randomUUID())).status).toBe(404);
    expect((await download(world.taskforce, 'not-an-id')).status).toBe(404);
  });
});
