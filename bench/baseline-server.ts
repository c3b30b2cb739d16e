import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';

/**
 * The least any event-sourced command does, as a floor for the API's HTTP figures: node:http and
 * pg with a pool as large as the API's, no framework, no authentication, no decider. Each
 * `POST /commands` parses its JSON body, reads its stream (a new one per request, as a project
 * submission is) and inserts one event at the next version. Run by the bench as its own process,
 * on an `events` table of the store's DDL in the schema `BASELINE_SCHEMA`.
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  options: `-c search_path=${process.env.BASELINE_SCHEMA}`,
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    command(Buffer.concat(chunks).toString()).then(
      (id) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
});

async function command(body: string): Promise<string> {
  const data = JSON.parse(body) as Record<string, unknown>;
  const id = randomUUID();
  const streamId = `project-${id}`;
  const { rows } = await pool.query(
    'SELECT stream_position, type, data FROM events WHERE stream_id = $1 ORDER BY stream_position',
    [streamId],
  );
  await pool.query(
    'INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, 1, $5, $6)',
    [streamId, rows.length + 1, randomUUID(), 'ProjectSubmitted', JSON.stringify({ ...data, projectId: id }), '{}'],
  );
  return id;
}

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
