import { createHmac } from 'node:crypto';
import type { NotificationKind } from '@luodi/domain';

export const WEBHOOK_KINDS = ['wecom', 'dingtalk', 'feishu', 'generic'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The kinds whose requests are signed, so that need a secret (WeCom group robots are not signed). */
export const SIGNED_KINDS: readonly WebhookKind[] = ['dingtalk', 'feishu', 'generic'];

/** A notification as the outbox keeps it for its channels. */
export interface OutgoingNotification {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  projectId: string;
  projectTitle: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  noticeId: string | null;
  createdAt: string;
}

export interface ChannelRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The lines a person reads, in every robot's message and the e-mail. */
export function messageLines(notification: OutgoingNotification): string[] {
  return [
    `项目：${notification.projectTitle ?? notification.projectId}`,
    ...(notification.departmentCode ? [`部门：${notification.departmentName ?? notification.departmentCode}`] : []),
    ...(notification.body ? [notification.body] : []),
  ];
}

/**
 * The HTTP request that delivers a notification to a webhook, signed as its platform asks:
 * DingTalk robots `timestamp` and `sign` query parameters (HMAC-SHA256 keyed with the secret
 * over "timestamp\nsecret", base64, URL-encoded); Feishu robots `timestamp` and `sign` in the
 * body (HMAC-SHA256 keyed with "timestamp\nsecret" over nothing, base64); generic ones
 * `X-Luodi-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`. `now` in ms.
 */
export function channelRequest(
  webhook: { kind: WebhookKind; url: string; secret: string | null },
  notification: OutgoingNotification,
  deliveryId: number,
  now: number,
): ChannelRequest {
  const headers = { 'Content-Type': 'application/json', 'X-Luodi-Delivery': String(deliveryId) };
  const title = `【落地】${notification.title}`;
  const lines = messageLines(notification);
  switch (webhook.kind) {
    case 'wecom':
      return {
        url: webhook.url,
        headers,
        body: JSON.stringify({
          msgtype: 'markdown',
          markdown: { content: [`**${title}**`, ...lines.map((line) => `> ${line}`)].join('\n') },
        }),
      };
    case 'dingtalk': {
      const timestamp = String(now);
      const sign = createHmac('sha256', webhook.secret!).update(`${timestamp}\n${webhook.secret}`).digest('base64');
      const url = new URL(webhook.url);
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', sign);
      return {
        url: url.toString(),
        headers,
        body: JSON.stringify({
          msgtype: 'markdown',
          markdown: { title, text: [`#### ${title}`, ...lines.map((line) => `> ${line}`)].join('\n\n') },
        }),
      };
    }
    case 'feishu': {
      const timestamp = String(Math.floor(now / 1000));
      const sign = createHmac('sha256', `${timestamp}\n${webhook.secret}`).update('').digest('base64');
      return {
        url: webhook.url,
        headers,
        body: JSON.stringify({ timestamp, sign, msg_type: 'text', content: { text: [title, ...lines].join('\n') } }),
      };
    }
    case 'generic': {
      const body = JSON.stringify({ event: notification.kind, notification });
      const signature = createHmac('sha256', webhook.secret!).update(body).digest('hex');
      return { url: webhook.url, headers: { ...headers, 'X-Luodi-Signature': `sha256=${signature}` }, body };
    }
  }
}

/**
 * Whether a robot's answer says it took the message: a 2xx, and for the platforms' robots, which
 * answer 200 with an error code in the body, that code 0 (WeCom/DingTalk `errcode`, Feishu `code`).
 */
export function accepted(kind: WebhookKind, status: number, body: string): { ok: boolean; error?: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}: ${body.slice(0, 200)}` };
  if (kind === 'generic') return { ok: true };
  try {
    const answer = JSON.parse(body) as { errcode?: unknown; code?: unknown; errmsg?: unknown; msg?: unknown };
    const code = answer.errcode ?? answer.code ?? 0;
    return code === 0
      ? { ok: true }
      : { ok: false, error: `robot error ${String(code)}: ${String(answer.errmsg ?? answer.msg ?? '')}` };
  } catch {
    return { ok: false, error: `HTTP ${status} but not the robot's JSON answer: ${body.slice(0, 200)}` };
  }
}
