/**
 * The notification latency (`npm run bench:notifications`): from sending a command that notifies
 * (assigning a landing plan) to a local robot receiving its message, over BENCH_NOTIFY_COMMANDS
 * commands (default 200) sent one at a time to the built API (production mode, projector inline)
 * on a fresh bench database. The receiver is a generic webhook on 127.0.0.1 that answers at once;
 * it checks every signature. Writes BENCH_RESULTS (default bench/results-notifications.json) with
 * the load average before and after.
 */
import './module-paths';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import { startApiProcess } from './api-process';
import { createBenchDatabase, openServer } from './database';
import { distribution, msSince, round } from './stats';

const knobs = {
  commands: Number(process.env.BENCH_NOTIFY_COMMANDS ?? 200),
  results: process.env.BENCH_RESULTS ?? 'bench/results-notifications.json',
};
const SECRET = randomBytes(16).toString('hex');
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

async function main(): Promise<void> {
  console.log(`Notification bench: ${os.cpus().length} cores, load average ${loadAverage().join(' ')}`);
  const arrivals = new Map<string, (at: bigint) => void>();
  let badSignatures = 0;
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = process.hrtime.bigint();
      const raw = Buffer.concat(chunks).toString();
      const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
      if (request.headers['x-luodi-signature'] !== expected) badSignatures++;
      response.writeHead(200).end();
      arrivals.get((JSON.parse(raw) as { notification: { projectId: string } }).notification.projectId)?.(at);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const server = await openServer();
  const db = await createBenchDatabase(server);
  const adminPassword = `bench-${randomBytes(12).toString('base64url')}`;
  const api = await startApiProcess(db.url, { adminPassword });
  const results: Record<string, unknown> = {
    started: new Date().toISOString(),
    cores: os.cpus().length,
    loadAverageAtStart: loadAverage(),
    knobs,
  };
  try {
    let token = '';
    const call = async (path: string, body: unknown): Promise<{ id?: string }> => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id?: string; accessToken?: string }>;
    };
    token = ((await call('/api/auth/login', { username: 'admin', password: adminPassword })) as { accessToken: string })
      .accessToken;
    await call('/api/departments', { code: 'industry', name: '市工业和信息化局' });
    await call('/api/departments', { code: 'resources', name: '市自然资源和规划局' });
    const enterprise = await call('/api/enterprises', { name: '青岛基准测试有限公司' });
    const conference = await call('/api/conferences', { title: '基准创意会', heldOn: '2025-01-15' });
    await call('/api/webhooks', {
      name: 'bench',
      kind: 'generic',
      url: receiverUrl,
      secret: SECRET,
      events: ['assignment'],
    });
    console.log(`Preparing ${knobs.commands} presented projects`);
    const projects: string[] = [];
    for (let i = 0; i < knobs.commands; i++) {
      const { id } = await call('/api/projects', {
        enterpriseId: enterprise.id,
        title: `基准项目 ${i}`,
        industryChain: '高端装备',
        investmentYuan: 1_000_000,
      });
      await call(`/api/projects/${id}/reviews`, {
        verdict: 'approved',
        scores: { idea: 80, validation: 80, feasibility: 80 },
      });
      await call(`/api/projects/${id}/presentations`, { conferenceId: conference.id });
      projects.push(id!);
    }
    console.log(`Assigning them one at a time; load average ${loadAverage().join(' ')}`);
    results.loadAverageBeforeMeasuring = loadAverage();
    const commandMs: number[] = [];
    const deliveredMs: number[] = [];
    for (const id of projects) {
      const arrived = new Promise<bigint>((resolve) => arrivals.set(id, resolve));
      const start = process.hrtime.bigint();
      await call(`/api/projects/${id}/assignments`, {
        leadDepartment: 'industry',
        supportingDepartments: ['resources'],
        milestones: [{ title: '签订投资协议', dueOn: '2030-05-31', departmentCode: 'industry', owner: '王伟' }],
      });
      commandMs.push(msSince(start));
      const at = await Promise.race([
        arrived,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no message for ${id} in 30 s`)), 30_000)),
      ]);
      deliveredMs.push(Number(at - start) / 1e6);
    }
    const shape = (values: number[]) =>
      Object.fromEntries(Object.entries(distribution(values)).map(([k, v]) => [k, round(v, 1)]));
    results.commandAnsweredMs = shape(commandMs);
    results.robotReceivedMs = shape(deliveredMs);
    results.badSignatures = badSignatures;
    results.loadAverageAtEnd = loadAverage();
    console.log(`command answered (ms): ${JSON.stringify(results.commandAnsweredMs)}`);
    console.log(`robot received (ms):   ${JSON.stringify(results.robotReceivedMs)}`);
    console.log(`bad signatures: ${badSignatures}; load average ${loadAverage().join(' ')}`);
    writeFileSync(knobs.results, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await api.stop();
    await db.drop();
    await server.stop();
    receiver.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
