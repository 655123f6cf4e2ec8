import { afterAll, describe, expect, it } from 'vitest';
import { GET as getClusters } from '@/app/api/v1/clusters/route';
import { clusterListResponseSchema } from '@/lib/schemas/clusters';
import { closeAllConnections } from '@/server/kafka/clients';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();

describe(`clusters API on ${target.label}`, () => {
  afterAll(closeAllConnections);

  it('answers 200 with every configured cluster, reachable or not, within the deadline', async () => {
    const started = Date.now();
    const response = await callRoute(getClusters, '/api/v1/clusters', {});
    expect(response.status).toBe(200);
    const { clusters } = clusterListResponseSchema.parse(response.body);
    expect(Date.now() - started).toBeLessThan(10_000);
    const byId = Object.fromEntries(clusters.map((c) => [c.id, c]));
    expect(Object.keys(byId)).toEqual(['local', 'local-scram', 'wrong-password', 'down']);

    expect(byId.local).toMatchObject({ status: 'ok', brokerCount: 3, readOnly: false });
    expect(byId['local-scram']).toMatchObject({ status: 'ok', brokerCount: 3 });
    expect(byId['local-scram']!.controllerId).toBe(byId.local!.controllerId);
    expect([1, 2, 3]).toContain(byId.local!.controllerId);
    // SCRAM is checked for real: the broker refuses a wrong password.
    expect(byId['wrong-password']).toMatchObject({ status: 'unreachable', brokerCount: null, controllerId: null });
    expect(byId.down).toEqual({
      id: 'down',
      name: 'Unreachable',
      readOnly: true,
      status: 'unreachable',
      brokerCount: null,
      controllerId: null,
    });
  });

  it('never echoes a configured secret', async () => {
    const { text } = await callRoute(getClusters, '/api/v1/clusters', {});
    expect(text).not.toContain(target.scram.password);
    expect(text).not.toContain('not-the-password');
  });
});
