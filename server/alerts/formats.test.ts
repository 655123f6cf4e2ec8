import { describe, expect, it } from 'vitest';
import { deliveryOutcome, notificationText, payloadFor, type ChannelType, type Notification } from '@/server/alerts/formats';

const STARTED = Date.UTC(2026, 2, 14, 9, 5, 30) + 123;
const LINK = 'https://console.example.com/alerts';

const firing: Notification = {
  transition: 'firing',
  eventId: 42,
  rule: { id: 'orders-lag', name: 'Orders lag', kind: 'group-lag' },
  cluster: { id: 'prod', name: 'Production' },
  subject: 'orders-app',
  value: 1_500,
  message: 'Consumer group "orders-app" lag 1,500 > 1,000',
  resolution: null,
  startedAt: STARTED,
  resolvedAt: null,
  url: LINK,
};
const resolved: Notification = {
  ...firing,
  transition: 'resolved',
  resolution: 'Consumer group "orders-app" lag 200 ≤ 1,000',
  resolvedAt: STARTED + 5 * 60_000,
};

const FIRING_TEXT = [
  '[FIRING] Orders lag — Kafka cluster Production',
  'Consumer group "orders-app" lag 1,500 > 1,000',
  'Since 2026-03-14 09:05:30 UTC',
  LINK,
].join('\n');
const RESOLVED_TEXT = [
  '[RESOLVED] Orders lag — Kafka cluster Production',
  'Consumer group "orders-app" lag 1,500 > 1,000',
  'Consumer group "orders-app" lag 200 ≤ 1,000',
  'Resolved at 2026-03-14 09:10:30 UTC after 5 min',
  LINK,
].join('\n');

describe('notificationText', () => {
  it('tells a firing alert: rule, cluster, message, since when (UTC) and the link', () => {
    expect(notificationText(firing)).toEqual(FIRING_TEXT);
    expect(notificationText({ ...firing, url: null })).toEqual(
      [
        '[FIRING] Orders lag — Kafka cluster Production',
        'Consumer group "orders-app" lag 1,500 > 1,000',
        'Since 2026-03-14 09:05:30 UTC',
      ].join('\n'),
    );
  });

  it('tells a resolution: what cleared it, when, and how long it lasted', () => {
    expect(notificationText(resolved)).toEqual(RESOLVED_TEXT);
    expect(notificationText({ ...resolved, resolution: null, url: null })).toEqual(
      [
        '[RESOLVED] Orders lag — Kafka cluster Production',
        'Consumer group "orders-app" lag 1,500 > 1,000',
        'Resolved at 2026-03-14 09:10:30 UTC after 5 min',
      ].join('\n'),
    );
  });

  it.each([
    [0, '2026-03-14 09:05:30', 'under a minute'],
    [29_999, '2026-03-14 09:06:00', 'under a minute'],
    [30_000, '2026-03-14 09:06:00', '1 min'],
    [5 * 60_000, '2026-03-14 09:10:30', '5 min'],
    [119 * 60_000, '2026-03-14 11:04:30', '119 min'],
    [120 * 60_000, '2026-03-14 11:05:30', '2.0 h'],
    [150 * 60_000, '2026-03-14 11:35:30', '2.5 h'],
    [26 * 3_600_000, '2026-03-15 11:05:30', '26.0 h'],
  ])('says a resolution after %d ms came at %s UTC after %s', (ms, at, said) => {
    const lastLine = notificationText({ ...resolved, resolution: null, url: null, resolvedAt: STARTED + ms })
      .split('\n')
      .at(-1);
    expect(lastLine).toEqual(`Resolved at ${at} UTC after ${said}`);
  });

  it('counts a resolution without an end time as immediate', () => {
    expect(
      notificationText({ ...resolved, resolvedAt: null, url: null })
        .split('\n')
        .at(-1),
    ).toEqual('Resolved at 2026-03-14 09:05:30 UTC after under a minute');
  });
});

describe('payloadFor', () => {
  it('gives the generic format every field', () => {
    expect(payloadFor('generic', firing)).toEqual({
      version: 1,
      status: 'firing',
      eventId: 42,
      rule: { id: 'orders-lag', name: 'Orders lag', kind: 'group-lag' },
      cluster: { id: 'prod', name: 'Production' },
      subject: 'orders-app',
      value: 1_500,
      message: 'Consumer group "orders-app" lag 1,500 > 1,000',
      resolution: null,
      startedAt: STARTED,
      resolvedAt: null,
      url: LINK,
    });
    expect(payloadFor('generic', { ...resolved, value: null, url: null })).toEqual({
      version: 1,
      status: 'resolved',
      eventId: 42,
      rule: { id: 'orders-lag', name: 'Orders lag', kind: 'group-lag' },
      cluster: { id: 'prod', name: 'Production' },
      subject: 'orders-app',
      value: null,
      message: 'Consumer group "orders-app" lag 1,500 > 1,000',
      resolution: 'Consumer group "orders-app" lag 200 ≤ 1,000',
      startedAt: STARTED,
      resolvedAt: STARTED + 300_000,
      url: null,
    });
  });

  it('wraps the text the way each chat service wants it', () => {
    // Slack's escaping: its client shows &gt; as ">".
    expect(payloadFor('slack', firing)).toEqual({ text: FIRING_TEXT.replace('>', '&gt;') });
    expect(payloadFor('dingtalk', firing)).toEqual({ msgtype: 'text', text: { content: FIRING_TEXT } });
    expect(payloadFor('wecom', resolved)).toEqual({ msgtype: 'text', text: { content: RESOLVED_TEXT } });
    expect(payloadFor('feishu', resolved)).toEqual({ msg_type: 'text', content: { text: RESOLVED_TEXT } });
  });
});

describe('deliveryOutcome', () => {
  const types: ChannelType[] = ['generic', 'slack', 'dingtalk', 'feishu', 'wecom'];

  it('fails on a status outside 2xx with the status alone: an error page may quote the URL and its token', () => {
    const echo = 'Not found: POST /services/T000/B000/SECRET-TOKEN';
    for (const type of types) {
      expect(deliveryOutcome(type, 500, 'boom')).toEqual({ ok: false, error: 'HTTP 500' });
      expect(deliveryOutcome(type, 404, echo)).toEqual({ ok: false, error: 'HTTP 404' });
      expect(deliveryOutcome(type, 199, '{"errcode":0,"code":0}')).toEqual({ ok: false, error: 'HTTP 199' });
      expect(deliveryOutcome(type, 300, '{"errcode":0,"code":0}')).toEqual({ ok: false, error: 'HTTP 300' });
    }
  });

  it('takes any 2xx for generic and Slack', () => {
    for (const type of ['generic', 'slack'] as const) {
      expect(deliveryOutcome(type, 200, 'ok')).toEqual({ ok: true });
      expect(deliveryOutcome(type, 204, '')).toEqual({ ok: true });
      expect(deliveryOutcome(type, 299, '{"errcode":1}')).toEqual({ ok: true });
    }
  });

  it('needs errcode 0 from DingTalk and WeCom', () => {
    expect(deliveryOutcome('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(deliveryOutcome('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(deliveryOutcome('dingtalk', 200, '{"errcode":310000,"errmsg":"keywords not in content"}')).toEqual({
      ok: false,
      error: 'dingtalk refused it: 310000 keywords not in content',
    });
    expect(deliveryOutcome('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toEqual({
      ok: false,
      error: 'wecom refused it: 93000 invalid webhook url',
    });
    expect(deliveryOutcome('dingtalk', 200, '{"errcode":40035}')).toEqual({ ok: false, error: 'dingtalk refused it: 40035' });
  });

  it('needs code 0 or StatusCode 0 from Feishu', () => {
    expect(deliveryOutcome('feishu', 200, '{"code":0,"msg":"success","data":{}}')).toEqual({ ok: true });
    expect(deliveryOutcome('feishu', 200, '{"StatusCode":0,"StatusMessage":"success"}')).toEqual({ ok: true });
    expect(deliveryOutcome('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toEqual({
      ok: false,
      error: 'feishu refused it: 19021 sign match fail',
    });
    expect(deliveryOutcome('feishu', 200, '{"StatusCode":9499,"StatusMessage":"Bad Request"}')).toEqual({
      ok: false,
      error: 'feishu refused it: 9499 Bad Request',
    });
    expect(deliveryOutcome('feishu', 200, '{"code":11232}')).toEqual({ ok: false, error: 'feishu refused it: 11232' });
  });

  it('fails on a 2xx answer that is not a JSON object from DingTalk, Feishu or WeCom, without quoting it', () => {
    for (const type of ['dingtalk', 'feishu', 'wecom'] as const) {
      for (const body of ['<html>ok</html>', 'null', '123', '"x"', '[]', '']) {
        expect(deliveryOutcome(type, 200, body)).toEqual({ ok: false, error: `HTTP 200 but not the JSON object ${type} answers with` });
      }
    }
    expect(
      deliveryOutcome('dingtalk', 200, '{"errcode":1,"errmsg":"see https://oapi.dingtalk.com/robot/send?access_token=SECRET"}'),
    ).toEqual({
      ok: false,
      error: 'dingtalk refused it: 1 see [url]',
    });
  });
});

describe('chat formats: names cannot mention anyone', () => {
  const evil = 'group <!channel> <at user_id="all">x</at> @all &';
  it('escapes per service', async () => {
    const { chatText, payloadFor } = await import('@/server/alerts/formats');
    expect(chatText('slack', evil)).toBe('group &lt;!channel&gt; &lt;at user_id="all"&gt;x&lt;/at&gt; @all &amp;');
    expect(chatText('feishu', evil)).not.toMatch(/</);
    expect(chatText('dingtalk', evil)).not.toContain('@all');
    expect(chatText('wecom', evil)).not.toMatch(/<|@all/);
    const n = { ...firing, subject: evil, message: `Consumer group "${evil}" lag 10 > 5` };
    expect(JSON.stringify(payloadFor('slack', n))).not.toContain('<!channel>');
    expect(JSON.stringify(payloadFor('generic', n))).toContain('<!channel>');
  });
});
