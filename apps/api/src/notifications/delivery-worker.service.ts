import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventStore } from '@luodi/event-store';
import { Projector } from '@luodi/read-models';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_STORE } from '../database/database.module';
import { databaseUrlOf } from '../projection/database-url';
import { accepted, channelRequest, messageLines, OutgoingNotification, WebhookKind } from './channel-requests';
import { outboxConsumer } from './outbox-enqueuer';

interface Claimed {
  id: string;
  channel: string;
  email: string | null;
  attempts: number;
  notification: OutgoingNotification;
  webhook: { kind: WebhookKind; url: string; secret: string | null } | null;
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Delivers the notification outbox, in the API process: delivery is network waiting, not
 * computing, and the API instances are what scales out, while the projector worker stays the
 * read models' alone. Every instance runs one: it claims due rows with FOR UPDATE SKIP LOCKED
 * (so instances never take the same row) and leases them by moving `next_attempt_at` past the
 * request timeout (a row of an instance that died is taken again then: at least once). At most
 * `concurrency` requests are under way and at most one per channel, each bounded by the
 * timeout, so a dead channel holds one slot and never the others or the API. A failure is
 * retried after baseDelay·2^(attempt−1), up to maxAttempts; every attempt is logged.
 *
 * It also runs the outbox's producer (a Projector of its own checkpoint, one instance at a
 * time), which wakes the worker after each batch it enqueues.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Delivery');
  private readonly enqueuer: Projector;
  private readonly mail?: Transporter;
  private readonly inFlight = new Map<string, Promise<void>>();
  private stopped = false;
  private wakeUp?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { smtpUrl, timeoutMs } = config.delivery;
    if (smtpUrl)
      this.mail = createTransport(smtpUrl, {
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
    this.enqueuer = new Projector({
      dataSource,
      store,
      databaseUrl: databaseUrlOf(dataSource),
      logger: new Logger('Outbox'),
      consumer: outboxConsumer(store, smtpUrl !== undefined),
    });
    this.enqueuer.onBatch((batch) => {
      if (batch.rows[this.enqueuer.name] > 0) this.wake();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.enqueuer.start();
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake();
    // Side by side: a shutdown races the embedded PostgreSQL's own exit hook.
    await Promise.all([this.enqueuer.stop(), this.loop, Promise.allSettled(this.inFlight.values())]);
    this.mail?.close();
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    const { concurrency, pollMs } = this.config.delivery;
    while (!this.stopped) {
      const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
      try {
        const free = concurrency - this.inFlight.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const row of claimed) {
          const task = this.deliver(row).finally(() => {
            this.inFlight.delete(row.channel);
            this.wake(); // a slot and its channel are free again
          });
          this.inFlight.set(row.channel, task);
        }
        if (claimed.length === free && free > 0) continue; // more may be due
      } catch (error) {
        this.logger.error(`claiming deliveries failed, will retry: ${(error as Error).message}`);
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([woken, new Promise((resolve) => (timer = setTimeout(resolve, pollMs)))]);
      clearTimeout(timer);
    }
  }

  /** Due rows, one per channel not under way here, leased for longer than an attempt can take. */
  private async claim(limit: number): Promise<Claimed[]> {
    const lease = this.config.delivery.timeoutMs * 2 + 1000;
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notification_outbox
          WHERE id IN (SELECT DISTINCT ON (channel) id FROM notification_outbox
                        WHERE status = 'pending' AND next_attempt_at <= now() AND NOT (channel = ANY($2::text[]))
                        ORDER BY channel, next_attempt_at, id)
            AND status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE notification_outbox o
          SET attempts = o.attempts + 1, next_attempt_at = now() + $3 * interval '1 millisecond', updated_at = now()
         FROM due WHERE o.id = due.id
       RETURNING o.id, o.channel, o.email, o.attempts, o.notification,
                 (SELECT jsonb_build_object('kind', w.kind, 'url', w.url, 'secret', w.secret) FROM webhooks w WHERE w.id = o.webhook_id) AS webhook`,
      [limit, [...this.inFlight.keys()], lease],
    );
    return rows;
  }

  private async deliver(row: Claimed): Promise<void> {
    const startedAt = new Date();
    let outcome: Outcome;
    try {
      outcome = row.webhook ? await this.post(row) : await this.sendMail(row);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      outcome = {
        ok: false,
        statusCode: null,
        error: timedOut ? `timed out after ${this.config.delivery.timeoutMs} ms` : (error as Error).message,
      };
    }
    const { maxAttempts, baseDelayMs } = this.config.delivery;
    const delay = baseDelayMs * 2 ** (row.attempts - 1);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO notification_delivery_attempts (outbox_id, attempt, started_at, finished_at, ok, status_code, error)
           VALUES ($1, $2, $3, now(), $4, $5, $6)`,
          [row.id, row.attempts, startedAt, outcome.ok, outcome.statusCode, outcome.error],
        );
        await manager.query(
          `UPDATE notification_outbox
              SET status = CASE WHEN $2 THEN 'delivered' WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
                  delivered_at = CASE WHEN $2 THEN now() END,
                  next_attempt_at = now() + $4 * interval '1 millisecond',
                  last_error = $5, updated_at = now()
            WHERE id = $1`,
          [row.id, outcome.ok, maxAttempts, delay, outcome.error],
        );
      });
    } catch (error) {
      // The lease runs out and the row is tried again: at least once.
      this.logger.error(`recording delivery ${row.id} failed: ${(error as Error).message}`);
      return;
    }
    const what = `delivery ${row.id} (${row.channel}, notification ${row.notification.id}) attempt ${row.attempts}`;
    if (outcome.ok) this.logger.log(`${what}: delivered`);
    else
      this.logger.warn(
        `${what}: ${outcome.error}${row.attempts >= maxAttempts ? '; given up' : `; next in ${delay} ms`}`,
      );
  }

  private async post(row: Claimed): Promise<Outcome> {
    const webhook = row.webhook!;
    const request = channelRequest(webhook, row.notification, Number(row.id), Date.now());
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual', // a redirect could point anywhere, this API included
      signal: AbortSignal.timeout(this.config.delivery.timeoutMs),
    });
    const body = await response.text();
    const answer = accepted(webhook.kind, response.status, body);
    return { ok: answer.ok, statusCode: response.status, error: answer.error ?? null };
  }

  private async sendMail(row: Claimed): Promise<Outcome> {
    if (!this.mail || !row.email)
      return { ok: false, statusCode: null, error: 'e-mail is not configured (LUODI_SMTP_URL)' };
    await this.mail.sendMail({
      from: this.config.delivery.smtpFrom,
      to: row.email,
      subject: `【落地】${row.notification.title}`,
      text: [row.notification.title, ...messageLines(row.notification)].join('\n'),
    });
    return { ok: true, statusCode: null, error: null };
  }
}
