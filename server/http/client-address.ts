import 'server-only';
import { BlockList, isIP } from 'node:net';
import { getConfig } from '@/server/config/current';
import type { TrustProxy } from '@/server/config/schema';

/**
 * The header scripts/serve.mjs sets on every request: a per-process token (so a client cannot send it), then the
 * socket's remote address. `next start` does not expose the socket address to the app, and keeps a client-sent
 * X-Forwarded-For, so the console is served by that small server around Next's request handler.
 */
export const PEER_HEADER = 'x-console-peer';

export type ClientAddress = {
  /** The client's address by the trustProxy rule; null when the console does not know it (served otherwise). */
  address: string | null;
  /** The request came through a proxy the configuration trusts: its X-Forwarded-Host counts too. */
  viaTrustedProxy: boolean;
};

/** The socket's remote address, when scripts/serve.mjs vouches for it. */
export function peerAddress(request: Request): string | null {
  const token = process.env.CONSOLE_PEER_TOKEN;
  const header = request.headers.get(PEER_HEADER);
  if (!token || !header) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space) !== token) return null;
  return header.slice(space + 1).trim() || null;
}

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack socket) is 10.0.0.1. */
const normalize = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

const subnetCache = new WeakMap<readonly string[], BlockList>();

function subnets(cidrs: readonly string[]) {
  let list = subnetCache.get(cidrs);
  if (!list) {
    list = new BlockList();
    for (const cidr of cidrs) {
      const [address, bits] = cidr.split('/') as [string, string | undefined];
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      list.addSubnet(address, bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits), family);
    }
    subnetCache.set(cidrs, list);
  }
  return list;
}

const inSubnets = (cidrs: readonly string[], address: string) => {
  const family = isIP(address);
  return family !== 0 && subnets(cidrs).check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The client's address by the `trustProxy` rule. None (the default): the socket's peer, whatever X-Forwarded-For
 * says. A hop count N: N proxies in front append to X-Forwarded-For, so the client is the Nth address from the right
 * of [X-Forwarded-For…, peer]. A CIDR list: walking from the peer leftwards, the first address outside the list.
 */
export function resolveClientAddress(socketPeer: string | null, forwardedFor: string | null, trust: TrustProxy | undefined): ClientAddress {
  const peer = socketPeer === null ? null : normalize(socketPeer) || null;
  if (peer === null) return { address: null, viaTrustedProxy: false };
  if (trust === undefined || trust === 0 || (Array.isArray(trust) && trust.length === 0)) return { address: peer, viaTrustedProxy: false };
  const chain = [...(forwardedFor ?? '').split(',').map(normalize).filter(Boolean), peer];
  if (typeof trust === 'number') return { address: chain[Math.max(0, chain.length - 1 - trust)]!, viaTrustedProxy: true };
  if (!inSubnets(trust, peer)) return { address: peer, viaTrustedProxy: false };
  let i = chain.length - 1;
  while (i > 0 && inSubnets(trust, chain[i]!)) i -= 1;
  return { address: chain[i]!, viaTrustedProxy: true };
}

export function clientAddress(request: Request): ClientAddress {
  return resolveClientAddress(peerAddress(request), request.headers.get('x-forwarded-for'), getConfig().trustProxy);
}
