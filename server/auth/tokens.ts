import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiTokenConfig } from '@/server/config/schema';

export const sha256Hex = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new opaque token: 32 random bytes, URL-safe, with a prefix that makes leaked tokens easy to grep for. */
export const newApiToken = () => `kc_${randomBytes(32).toString('base64url')}`;

/** The configured token whose hash matches, compared in constant time. */
export function findApiToken(tokens: readonly ApiTokenConfig[], presented: string): ApiTokenConfig | null {
  const digest = Buffer.from(sha256Hex(presented), 'hex');
  let found: ApiTokenConfig | null = null;
  for (const token of tokens) {
    if (timingSafeEqual(Buffer.from(token.sha256, 'hex'), digest)) found = token;
  }
  return found && !found.disabled ? found : null;
}
