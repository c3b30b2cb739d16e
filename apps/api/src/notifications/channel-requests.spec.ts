import { createHmac } from 'node:crypto';
import { accepted, channelRequest, OutgoingNotification } from './channel-requests';
import { urlProblem } from './webhooks.service';

const notification: OutgoingNotification = {
  id: 42,
  kind: 'escalated',
  title: '已升级督办',
  body: '请于三日内反馈',
  projectId: 'p-1',
  projectTitle: '智能港口装备',
  departmentCode: 'industry',
  departmentName: '市工业和信息化局',
  noticeId: 'n-1',
  createdAt: '2026-01-05T02:00:00.000Z',
};
const NOW = Date.UTC(2026, 0, 5, 2, 0, 0);
const SECRET = 'SECabc';
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64');

describe('channelRequest', () => {
  it('gives a WeCom robot markdown with the title and the details', () => {
    const request = channelRequest(
      { kind: 'wecom', url: 'https://qyapi.example/send?key=k', secret: null },
      notification,
      7,
      NOW,
    );
    expect(request.url).toBe('https://qyapi.example/send?key=k');
    expect(request.headers['X-Luodi-Delivery']).toBe('7');
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**【落地】已升级督办**\n> 项目：智能港口装备\n> 部门：市工业和信息化局\n> 请于三日内反馈' },
    });
  });

  it('signs a DingTalk request in its query: timestamp in ms and the URL-encoded HMAC of "timestamp\\nsecret"', () => {
    const request = channelRequest(
      { kind: 'dingtalk', url: 'https://oapi.example/robot/send?access_token=t', secret: SECRET },
      notification,
      7,
      NOW,
    );
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    expect(url.searchParams.get('sign')).toBe(hmac(SECRET, `${NOW}\n${SECRET}`));
    // base64 has '+', '/' and '=': they travel percent-encoded.
    expect(request.url).not.toMatch(/sign=[^&]*[+/=]/);
    expect(JSON.parse(request.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: '【落地】已升级督办' } });
  });

  it('signs a Feishu request in its body: timestamp in s, HMAC keyed with "timestamp\\nsecret" over nothing', () => {
    const request = channelRequest(
      { kind: 'feishu', url: 'https://open.example/hook/x', secret: SECRET },
      notification,
      7,
      NOW,
    );
    const timestamp = String(NOW / 1000);
    expect(JSON.parse(request.body)).toEqual({
      timestamp,
      sign: hmac(`${timestamp}\n${SECRET}`, ''),
      msg_type: 'text',
      content: { text: '【落地】已升级督办\n项目：智能港口装备\n部门：市工业和信息化局\n请于三日内反馈' },
    });
  });

  it('signs a generic request over its raw body', () => {
    const request = channelRequest(
      { kind: 'generic', url: 'https://example.org/hook', secret: SECRET },
      notification,
      7,
      NOW,
    );
    expect(JSON.parse(request.body)).toEqual({ event: 'escalated', notification });
    expect(request.headers['X-Luodi-Signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`,
    );
  });
});

describe('accepted', () => {
  it('takes a 2xx, and from a robot only with error code 0', () => {
    expect(accepted('generic', 204, '')).toEqual({ ok: true });
    expect(accepted('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(accepted('feishu', 200, '{"code":0,"msg":"success"}')).toEqual({ ok: true });
    expect(accepted('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      error: 'robot error 310000: sign not match',
    });
    expect(accepted('feishu', 200, '{"code":19021,"msg":"sign match fail"}').ok).toBe(false);
    expect(accepted('wecom', 200, '<html>').ok).toBe(false);
    expect(accepted('generic', 502, 'bad gateway')).toEqual({ ok: false, error: 'HTTP 502: bad gateway' });
  });
});

describe('urlProblem', () => {
  const own = { port: 3000, hosts: ['luodi.example.gov.cn', '10.0.0.5'] };
  it.each([
    'http://127.0.0.1:3000/api/health',
    'http://127.8.9.1:3000/',
    'http://localhost:3000/',
    'http://api.localhost:3000/',
    'http://[::1]:3000/',
    'http://[::ffff:127.0.0.1]:3000/',
    'http://0.0.0.0:3000/',
    'http://luodi.example.gov.cn:3000/',
    'http://10.0.0.5:3000/',
  ])('refuses %s: this API itself', (url) => {
    expect(urlProblem(url, own)).toEqual({ field: 'url', message: 'url must not point at this API itself' });
  });

  it.each(['ftp://example.org/x', 'file:///etc/passwd', 'javascript:alert(1)', 'example.org/hook', ''])(
    'refuses %s: not an http(s) URL',
    (url) => {
      expect(urlProblem(url, own)?.field).toBe('url');
    },
  );

  it('accepts http(s) elsewhere, other ports of this host included', () => {
    for (const url of [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'http://127.0.0.1:3001/hook',
      'http://localhost/hook',
      'https://luodi.example.gov.cn/hook',
    ])
      expect(urlProblem(url, own)).toBeNull();
  });
});
