// API tokens the integration tests authenticate with: one per role, and a viewer limited to `local`.
import { createHash } from 'node:crypto';

export const TEST_TOKENS = {
  admin: 'test-admin-token',
  operator: 'test-operator-token',
  viewer: 'test-viewer-token',
  scopedViewer: 'test-scoped-viewer-token',
} as const;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function tokenEntries() {
  return [
    { name: 'admin', role: 'admin', sha256: sha256(TEST_TOKENS.admin) },
    { name: 'operator', role: 'operator', sha256: sha256(TEST_TOKENS.operator) },
    { name: 'viewer', role: 'viewer', sha256: sha256(TEST_TOKENS.viewer) },
    { name: 'scoped-viewer', role: 'viewer', sha256: sha256(TEST_TOKENS.scopedViewer), clusters: ['local'] },
  ];
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
