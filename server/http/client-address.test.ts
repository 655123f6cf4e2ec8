import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from '@/server/http/client-address';

describe('resolveClientAddress', () => {
  it('trusts no header by default: the socket peer is the client, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', undefined)).toEqual({ address: '203.0.113.9', viaTrustedProxy: false });
    expect(resolveClientAddress('::ffff:203.0.113.9', null, undefined).address).toBe('203.0.113.9');
    expect(resolveClientAddress(null, '1.2.3.4', 1)).toEqual({ address: null, viaTrustedProxy: false });
  });

  it('with a hop count, takes the entry that many proxies from the right', () => {
    // client → proxy A (appends the client) → proxy B (appends A) → console (peer B)
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7, 10.0.0.1', 2)).toEqual({ address: '198.51.100.7', viaTrustedProxy: true });
    // A forged leftmost entry does not move the answer.
    expect(resolveClientAddress('10.0.0.2', 'forged, 198.51.100.7, 10.0.0.1', 2).address).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.1', '198.51.100.7', 1).address).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.1', null, 3).address).toBe('10.0.0.1');
  });

  it('with CIDR blocks, walks from the peer to the first address outside them', () => {
    const trusted = ['10.0.0.0/8', 'fd00::/8'];
    expect(resolveClientAddress('10.1.2.3', '198.51.100.7, 10.9.9.9', trusted)).toEqual({ address: '198.51.100.7', viaTrustedProxy: true });
    expect(resolveClientAddress('fd00::1', '2001:db8::5', trusted).address).toBe('2001:db8::5');
    // The peer itself is not a trusted proxy: its X-Forwarded-For is anyone's word.
    expect(resolveClientAddress('203.0.113.9', '198.51.100.7', trusted)).toEqual({ address: '203.0.113.9', viaTrustedProxy: false });
    // Every entry trusted: the leftmost is the best answer there is.
    expect(resolveClientAddress('10.0.0.1', '10.0.0.5', trusted).address).toBe('10.0.0.5');
  });
});
