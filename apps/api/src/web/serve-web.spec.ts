import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serveWeb } from './serve-web';

/** The web UI's assets served as the build precompressed them, over real HTTP (raw bytes, no client decoding). */
const source = 'console.log("落地");\n'.repeat(200);
let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luodi-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>落地</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), source);
  writeFileSync(join(dir, 'assets', 'app.js.br'), brotliCompressSync(source));
  writeFileSync(join(dir, 'assets', 'app.js.gz'), gzipSync(source));
  writeFileSync(join(dir, 'assets', 'only-plain.css'), 'body{}');
  const app = express();
  serveWeb(app, dir);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function fetchRaw(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving the web UI precompressed', () => {
  it('sends brotli when accepted, typed as the asset, varying by Accept-Encoding', async () => {
    const reply = await fetchRaw('/assets/app.js', 'gzip, deflate, br');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['vary']).toMatch(/Accept-Encoding/);
    expect(reply.body.length).toBeLessThan(source.length / 5);
    expect(brotliDecompressSync(reply.body).toString()).toBe(source);
  });

  it('sends gzip to a client without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await fetchRaw('/assets/app.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(source);
    const plain = await fetchRaw('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(source);
  });

  it('sends an asset the build did not compress as it is, and nothing outside the web directory', async () => {
    const css = await fetchRaw('/assets/only-plain.css', 'br');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{}');
    const escape = await fetchRaw('/assets/..%2f..%2f..%2fetc%2fpasswd', 'br');
    expect(escape.body.toString()).not.toMatch(/root:/);
    const malformed = await fetchRaw('/assets/%E0%A4%A', 'br');
    expect(malformed.status).toBeLessThan(500);
  });
});
