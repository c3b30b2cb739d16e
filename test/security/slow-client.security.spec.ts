import { connect, Socket } from 'node:net';
import { RunningApi, startApi } from '../support/start-api';

/**
 * Attack (slowloris): clients that send their headers or body a byte at a time, or just keep
 * connections open, each held a connection for up to 300 s, with no cap on how many. Here the
 * limits are set small, as the configuration allows, to see each one cut a client off.
 */
let api: RunningApi;
beforeAll(async () => {
  api = await startApi({
    LUODI_HTTP_HEADERS_TIMEOUT_MS: '1000',
    LUODI_HTTP_REQUEST_TIMEOUT_MS: '1000',
    LUODI_HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
    LUODI_HTTP_MAX_CONNECTIONS: '5',
  });
});
afterAll(async () => {
  await api.stop();
});

interface Cut {
  afterMs: number;
  answer: string;
}

function open(): Promise<Socket> {
  const { port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Writes `first`, then one byte of `dribble` every 200 ms, until the server closes the connection. */
async function dribble(first: string, dribble: string): Promise<Cut> {
  const socket = await open();
  const started = Date.now();
  let answer = '';
  socket.on('data', (data) => (answer += data.toString()));
  socket.on('error', () => undefined);
  socket.write(first);
  let sent = 0;
  const timer = setInterval(() => sent < dribble.length && socket.write(dribble[sent++]), 200);
  return new Promise((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, answer: answer.split('\r\n')[0] });
    }),
  );
}

describe('a slow client', () => {
  it('that dribbles its body is cut off with 408 once the request timeout has passed', async () => {
    const body = JSON.stringify({ username: 'admin', password: 'x'.repeat(200) });
    const headers = `POST /api/auth/login HTTP/1.1\r\nHost: luodi\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const cut = await dribble(headers, body);
    expect(cut.answer).toBe('HTTP/1.1 408 Request Timeout');
    expect(cut.afterMs).toBeGreaterThanOrEqual(900);
    expect(cut.afterMs).toBeLessThan(4000);
  });

  it('that dribbles its headers is cut off too', async () => {
    const cut = await dribble('GET /api/health HTTP/1.1\r\n', `Host: luodi\r\nX-Slow: ${'a'.repeat(100)}\r\n\r\n`);
    expect(cut.answer).toBe('HTTP/1.1 408 Request Timeout');
    expect(cut.afterMs).toBeLessThan(4000);
  });

  it('that keeps an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const socket = await open();
    const started = Date.now();
    let answer = '';
    socket.on('data', (data) => (answer += data.toString()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: luodi\r\n\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('cannot open more connections than the cap; the one too many is dropped at once', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, open));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const extra = await open();
      let answer = '';
      extra.on('data', (data) => (answer += data.toString()));
      extra.on('error', () => undefined);
      extra.write('GET /api/health HTTP/1.1\r\nHost: luodi\r\n\r\n');
      await new Promise((resolve) => extra.once('close', resolve));
      expect(answer).toBe('');
      expect(Date.now() - started).toBeLessThan(800);
    } finally {
      held.forEach((socket) => socket.destroy());
    }
  });
});
