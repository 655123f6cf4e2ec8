// Webhook bodies per channel type, and how each service says a message was taken. Pure.
import type { AlertKind } from '@/lib/schemas/alerts';

export type ChannelType = 'generic' | 'slack' | 'dingtalk' | 'feishu' | 'wecom';

/** One alert's firing or resolving, as every format tells it. */
export type Notification = {
  transition: 'firing' | 'resolved';
  eventId: number;
  rule: { id: string; name: string; kind: AlertKind };
  cluster: { id: string; name: string };
  subject: string;
  value: number | null;
  /** What fired (the firing message), and for a resolution what cleared it. */
  message: string;
  resolution: string | null;
  startedAt: number;
  resolvedAt: number | null;
  /** The console's alerts page, when the console knows its own address (NEXTAUTH_URL). */
  url: string | null;
};

const utc = (t: number) =>
  new Date(t)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC');

function lasted(ms: number) {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** The one-paragraph text of the chat formats. */
export function notificationText(n: Notification): string {
  const head = n.transition === 'firing' ? '[FIRING]' : '[RESOLVED]';
  const lines = [`${head} ${n.rule.name} — Kafka cluster ${n.cluster.name}`, n.message];
  if (n.transition === 'resolved') {
    if (n.resolution) lines.push(n.resolution);
    lines.push(`Resolved at ${utc(n.resolvedAt ?? n.startedAt)} after ${lasted((n.resolvedAt ?? n.startedAt) - n.startedAt)}`);
  } else {
    lines.push(`Since ${utc(n.startedAt)}`);
  }
  if (n.url) lines.push(n.url);
  return lines.join('\n');
}

/**
 * The text as each chat service reads it, with group ids and topic names (anyone who can create a group names it)
 * unable to mention people: Slack turns `<!channel>` into a ping of the whole channel — its own escaping (`&`, `<`,
 * `>` as entities, which it shows as the characters) makes any `<…>` plain text; Feishu's text messages parse
 * `<at user_id="all">`, so an opening angle bracket becomes its full-width look-alike (DingTalk's and WeCom's too); DingTalk and WeCom mention from `@all` in some clients, so an `@` gets a
 * zero-width joiner after it. The generic JSON format carries the values as they are.
 */
export function chatText(type: Exclude<ChannelType, 'generic'>, text: string): string {
  switch (type) {
    case 'slack':
      return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    case 'feishu':
      return text.replace(/</g, '\uff1c');
    case 'dingtalk':
    case 'wecom':
      return text.replace(/@/g, '@\u200d').replace(/</g, '\uff1c');
  }
}

/** The JSON body to POST. */
export function payloadFor(type: ChannelType, n: Notification): unknown {
  switch (type) {
    case 'generic':
      return {
        version: 1,
        status: n.transition,
        eventId: n.eventId,
        rule: n.rule,
        cluster: n.cluster,
        subject: n.subject,
        value: n.value,
        message: n.message,
        resolution: n.resolution,
        startedAt: n.startedAt,
        resolvedAt: n.resolvedAt,
        url: n.url,
      };
    case 'slack':
      return { text: chatText(type, notificationText(n)) };
    case 'dingtalk':
    case 'wecom':
      return { msgtype: 'text', text: { content: chatText(type, notificationText(n)) } };
    case 'feishu':
      return { msg_type: 'text', content: { text: chatText(type, notificationText(n)) } };
  }
}

/**
 * Whether the service took the message. Any 2xx for generic and Slack; DingTalk and WeCom answer 200 with a
 * non-zero `errcode` when they refuse (bad token, keyword missing, rate limit), Feishu with a non-zero `code`.
 */
export function deliveryOutcome(type: ChannelType, status: number, body: string): { ok: true } | { ok: false; error: string } {
  // The status only: an error page may quote the request (the URL, its token).
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` };
  if (type === 'generic' || type === 'slack') return { ok: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `HTTP ${status} but not the JSON object ${type} answers with` };
  }
  const answer = parsed as Record<string, unknown>;
  const code = type === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
  if (code === 0) return { ok: true };
  const message = type === 'feishu' ? (answer.msg ?? answer.StatusMessage) : answer.errmsg;
  return { ok: false, error: `${type} refused it: ${String(code)} ${withoutUrls(String(message ?? ''))}`.trim() };
}

/** A service's own error text, without any URL in it, short. */
const withoutUrls = (text: string) => text.replace(/\bhttps?:\/\/\S+/gi, '[url]').slice(0, 100);
