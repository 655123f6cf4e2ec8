import { afterAll, describe, expect, it } from 'vitest';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { GET as getAuditCsv } from '@/app/api/v1/audit/export.csv/route';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { POST as createTopic } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { GET as getClusters } from '@/app/api/v1/clusters/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
type Who = keyof typeof TEST_TOKENS | 'anonymous';
const WHO: Who[] = ['admin', 'operator', 'viewer', 'scopedViewer', 'anonymous'];

// The roles table of the README, cell by cell, for every route that exists; scopedViewer may see `local` only.
const CELLS: { what: string; call: (token: string | null) => ReturnType<typeof callRoute>; expected: Record<Who, number> }[] = [
  {
    what: 'GET /api/v1/clusters',
    call: (token) => callRoute(getClusters, '/api/v1/clusters', {}, { token }),
    expected: { admin: 200, operator: 200, viewer: 200, scopedViewer: 200, anonymous: 401 },
  },
  {
    what: 'GET brokers of local',
    call: (token) => callRoute(getBrokers, '/api/v1/clusters/local/brokers', { clusterId: 'local' }, { token }),
    expected: { admin: 200, operator: 200, viewer: 200, scopedViewer: 200, anonymous: 401 },
  },
  {
    what: 'GET brokers of local-scram (outside the scoped viewer’s clusters)',
    call: (token) => callRoute(getBrokers, '/api/v1/clusters/local-scram/brokers', { clusterId: 'local-scram' }, { token }),
    expected: { admin: 200, operator: 200, viewer: 200, scopedViewer: 404, anonymous: 401 },
  },
  {
    what: 'POST a topic on local (an invalid body: the admin gets as far as validation, nothing is created)',
    call: (token) =>
      callRoute(createTopic, '/api/v1/clusters/local/topics', { clusterId: 'local' }, { token, init: { method: 'POST', body: '{}' } }),
    expected: { admin: 422, operator: 403, viewer: 403, scopedViewer: 403, anonymous: 401 },
  },
  {
    what: 'POST a topic on the read-only cluster',
    call: (token) =>
      callRoute(
        createTopic,
        '/api/v1/clusters/down/topics',
        { clusterId: 'down' },
        { token, init: { method: 'POST', body: JSON.stringify({ name: 'never', partitions: 1, replicationFactor: 1 }) } },
      ),
    expected: { admin: 403, operator: 403, viewer: 403, scopedViewer: 404, anonymous: 401 },
  },
  {
    what: 'GET /api/v1/openapi.json',
    call: (token) => callRoute(getOpenApi, '/api/v1/openapi.json', {}, { token }),
    expected: { admin: 200, operator: 200, viewer: 200, scopedViewer: 200, anonymous: 401 },
  },
  {
    what: 'GET /api/v1/audit',
    call: (token) => callRoute(getAudit, '/api/v1/audit', {}, { token }),
    expected: { admin: 200, operator: 403, viewer: 403, scopedViewer: 403, anonymous: 401 },
  },
  {
    what: 'GET /api/v1/audit/export.csv',
    call: (token) => callRoute(getAuditCsv, '/api/v1/audit/export.csv', {}, { token }),
    expected: { admin: 200, operator: 403, viewer: 403, scopedViewer: 403, anonymous: 401 },
  },
];

describe(`role × route × cluster on ${target.label}`, () => {
  afterAll(async () => {
    await closeAllConnections();
    await closeDb();
  });

  for (const cell of CELLS) {
    it(`${cell.what}: ${WHO.map((w) => `${w} ${cell.expected[w]}`).join(', ')}`, async () => {
      const actual: Partial<Record<Who, number>> = {};
      for (const who of WHO) actual[who] = (await cell.call(who === 'anonymous' ? null : TEST_TOKENS[who])).status;
      expect(actual).toEqual(cell.expected);
    });
  }

  it('shows a scoped principal only its clusters, and never the others by name', async () => {
    const { body, text } = await callRoute(getClusters, '/api/v1/clusters', {}, { token: TEST_TOKENS.scopedViewer });
    expect((body as { clusters: { id: string }[] }).clusters.map((c) => c.id)).toEqual(['local']);
    expect(text).not.toContain('local-scram');
  });

  it('records the refusals in the audit log, readable by the admin only', async () => {
    const { body } = await callRoute(getAudit, '/api/v1/audit?action=audit.list&outcome=denied', {}, { token: TEST_TOKENS.admin });
    const actors = (body as { entries: { actor: string; status: number }[] }).entries.map((e) => e.actor);
    expect(actors).toEqual(expect.arrayContaining(['operator', 'viewer', 'scoped-viewer']));
  });
});
