import { Injectable, Logger } from '@nestjs/common';
import { DepartmentEntity } from '@luodi/platform';
import { offsetOf, Page, PageRequest } from '@luodi/read-models';
import { randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { ApiError, InvalidInputError } from '../common/problem';
import { SIGNED_KINDS, WebhookKind } from './channel-requests';
import { RegisterWebhookDto } from './register-webhook.dto';

/** A registered webhook as the API shows it: never its secret. */
export interface WebhookView {
  id: string;
  name: string;
  kind: WebhookKind;
  url: string;
  signed: boolean;
  departmentCode: string | null;
  events: string[];
  createdAt: string;
}

export interface DeliveryAttemptView {
  attempt: number;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryView {
  id: number;
  /** The notification's id (the position of its event). */
  notificationId: number;
  kind: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  log: DeliveryAttemptView[];
}

/** Where this API answers, to refuse a webhook that would call the API itself. */
export interface OwnAddress {
  port: number;
  hosts: string[];
}

@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly dataSource: DataSource) {}

  async register(body: RegisterWebhookDto, own: OwnAddress, actor: Actor): Promise<WebhookView> {
    const problems = [urlProblem(body.url, own), secretProblem(body.kind, body.secret)].filter(
      (problem): problem is { field: string; message: string } => problem !== null,
    );
    if (
      body.departmentCode !== undefined &&
      !(await this.dataSource.getRepository(DepartmentEntity).existsBy({ code: body.departmentCode }))
    )
      problems.push({
        field: 'departmentCode',
        message: `there is no department with the code "${body.departmentCode}"`,
      });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const [row] = await this.dataSource.query(
      `INSERT INTO webhooks (id, name, kind, url, secret, department_code, events, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        randomUUID(),
        body.name,
        body.kind,
        body.url,
        body.secret ?? null,
        body.departmentCode ?? null,
        body.events,
        actor.userId,
      ],
    );
    this.logger.log(`Webhook ${row.id} (${body.kind}, ${new URL(body.url).host}) registered by ${actor.username}`);
    return toView(row);
  }

  async list(): Promise<WebhookView[]> {
    return (await this.dataSource.query(`SELECT * FROM webhooks ORDER BY created_at, id`)).map(toView);
  }

  /** The webhook's deliveries, newest first, each with its attempts. */
  async deliveries(webhookId: string, page: PageRequest): Promise<Page<DeliveryView>> {
    const [exists] = await this.dataSource.query(`SELECT 1 FROM webhooks WHERE id = $1`, [webhookId]);
    if (!exists) throw new ApiError('WEBHOOK_NOT_FOUND', `No webhook with id ${webhookId}.`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT o.*, count(*) OVER ()::int AS total,
              coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'startedAt', a.started_at, 'finishedAt', a.finished_at,
                                                            'ok', a.ok, 'statusCode', a.status_code, 'error', a.error) ORDER BY a.id)
                          FROM notification_delivery_attempts a WHERE a.outbox_id = o.id), '[]') AS log
         FROM notification_outbox o WHERE o.webhook_id = $1 ORDER BY o.id DESC LIMIT $2 OFFSET $3`,
      [webhookId, page.pageSize, offsetOf(page)],
    );
    const total = rows.length > 0 ? (rows[0].total as number) : 0;
    return { items: rows.map(toDelivery), total, page: page.page, pageSize: page.pageSize };
  }
}

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

function toView(row: Record<string, unknown>): WebhookView {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as WebhookKind,
    url: row.url as string,
    signed: row.secret !== null,
    departmentCode: (row.department_code as string | null) ?? null,
    events: row.events as string[],
    createdAt: iso(row.created_at)!,
  };
}

function toDelivery(row: Record<string, unknown>): DeliveryView {
  const status = row.status as DeliveryView['status'];
  return {
    id: Number(row.id),
    notificationId: Number(row.position),
    kind: (row.notification as { kind: string }).kind,
    status,
    attempts: row.attempts as number,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    nextAttemptAt: status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
    log: (row.log as DeliveryAttemptView[]).map((a) => ({
      ...a,
      startedAt: iso(a.startedAt)!,
      finishedAt: iso(a.finishedAt)!,
    })),
  };
}

function secretProblem(kind: WebhookKind, secret: string | undefined): { field: string; message: string } | null {
  if (SIGNED_KINDS.includes(kind) && secret === undefined)
    return { field: 'secret', message: `secret is required for kind ${kind}: its requests are signed` };
  if (!SIGNED_KINDS.includes(kind) && secret !== undefined)
    return { field: 'secret', message: `secret is not used by kind ${kind}: its requests are not signed` };
  return null;
}

/** Why a webhook URL is refused: not http(s), or the API itself (which would feed itself). */
export function urlProblem(raw: string, own: OwnAddress): { field: string; message: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { field: 'url', message: 'url must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { field: 'url', message: `url must be http or https (got ${url.protocol.replace(':', '')})` };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (port === own.port && (isLoopback(host) || own.hosts.includes(host)))
    return { field: 'url', message: 'url must not point at this API itself' };
  return null;
}

// Loopback and "any" addresses, IPv4-mapped IPv6 forms (::ffff:7f00:1) included.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('0.0.0.0', 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addAddress('::', 'ipv6');

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
