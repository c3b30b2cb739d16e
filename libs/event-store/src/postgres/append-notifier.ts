import { Client, ClientConfig } from 'pg';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a batch is cut below that. */
const MAX_PAYLOAD = 7000;
export const STREAM_SEPARATOR = ',';

/**
 * Tells listeners that streams were appended to, after the appends committed.
 *
 * A NOTIFY inside the appending transaction takes PostgreSQL's one notification-queue lock from
 * its pre-commit until the commit is flushed: every appending transaction then commits one at a
 * time, WAL flush included, and appends stop scaling with writers. Here the append commits on its
 * own, and the stream ids go out afterwards from one connection of this process, in a
 * transaction of their own with `synchronous_commit = off` (a wake-up needs no durability), so
 * the lock is held for microseconds. While one notification is in flight the next appends'
 * stream ids gather; each notification carries them all, comma-separated, in append order.
 *
 * Best effort, like the notifications were before: if the connection fails the ids are dropped
 * and listeners find the events at their next poll.
 */
export class AppendNotifier {
  private client?: Promise<Client | undefined>;
  private pending: string[] = [];
  private sending = false;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
  ) {}

  notify(streamId: string): void {
    if (this.closed) return;
    this.pending.push(streamId);
    if (!this.sending) void this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = await this.client;
    await client?.end().catch(() => undefined);
  }

  private async flush(): Promise<void> {
    this.sending = true;
    try {
      while (this.pending.length && !this.closed) {
        const batch = this.pending;
        this.pending = [];
        const client = await this.connect();
        if (!client) continue; // dropped: the listeners poll
        await client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          this.channel,
          payloads(batch),
        ]);
      }
    } catch {
      this.client = undefined; // reopened by the next notify
    } finally {
      this.sending = false;
    }
  }

  private connect(): Promise<Client | undefined> {
    if (this.client) return this.client;
    const current = (async () => {
      const client = new Client({
        ...this.config,
        options: [this.config.options, '-c synchronous_commit=off'].filter(Boolean).join(' '),
      });
      const lost = () => {
        if (this.client === current) this.client = undefined;
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
        return client;
      } catch {
        lost();
        await client.end().catch(() => undefined);
        return undefined;
      }
    })();
    this.client = current;
    return current;
  }
}

function payloads(streamIds: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const id of streamIds) {
    if (current && current.length + id.length + 1 > MAX_PAYLOAD) {
      out.push(current);
      current = '';
    }
    current = current ? current + STREAM_SEPARATOR + id : id;
  }
  if (current) out.push(current);
  return out;
}
