import { expect, test } from './fixtures';
import { DocumentedApi, type OpenApiDocument } from './support/openapi-client';

// The document cannot drift from the routes: every operation it describes is called here, against the production
// build, and must answer its documented success status and media type with a body its schema accepts. Destructive
// operations act on topics, groups, jobs and rules this test creates.
test('every documented operation answers as its OpenAPI document says', async ({ page, kafka, baseURL }) => {
  test.setTimeout(240_000);
  const document = (await (await page.request.get('/api/v1/openapi.json')).json()) as OpenApiDocument;
  const api = new DocumentedApi(page.request, document, new URL(baseURL!).origin);
  const local = { clusterId: 'local' };
  const stamp = Date.now().toString(36);

  await api.call('get', '/api/health');
  await api.call('get', '/api/v1/openapi.json');
  await api.call('get', '/metrics');
  await api.call('get', '/api/v1/clusters');
  await api.call('get', '/api/v1/clusters/{clusterId}/permissions', local);
  await api.call('get', '/api/v1/clusters/{clusterId}/overview', local);
  await api.call('get', '/api/v1/clusters/{clusterId}/health', local);
  const { features } = await api.call<{ features: { name: string; finalizedLevel: number }[] }>(
    'get',
    '/api/v1/clusters/{clusterId}/features',
    local,
  );
  // A dry run of the level the shared cluster has (Kafka's no-op upgrade): real upgrades run on a throwaway cluster.
  const metadataLevel = features.find((f) => f.name === 'metadata.version')!.finalizedLevel;
  await api.call('post', '/api/v1/clusters/{clusterId}/features/upgrade', local, {
    body: { feature: 'metadata.version', level: metadataLevel, dryRun: true },
  });
  // Quorum voters change only on a dynamic quorum (`npm run test:quorum`); the e2e cluster's is static: a documented 409.
  const voter = { voterId: 5, voterDirectoryId: 'A22BAnDh6upIZf_z2aTvKA' };
  await api.refused('post', '/api/v1/clusters/{clusterId}/quorum/voters', 409, local, { body: { ...voter, dryRun: true } });
  await api.refused(
    'delete',
    '/api/v1/clusters/{clusterId}/quorum/voters/{voterId}',
    409,
    { ...local, voterId: 1 },
    {
      query: { directoryId: voter.voterDirectoryId },
      body: { dryRun: true },
    },
  );
  // A client metrics subscription's life (KIP-714; the e2e cluster is 4.x KRaft); a name that needs encoding in the path.
  const subscription = { ...local, subscription: `e2e openapi/${stamp}` };
  await api.call('post', '/api/v1/clusters/{clusterId}/client-metrics', local, {
    body: { name: subscription.subscription, metrics: ['org.apache.kafka.producer.'], match: ['client_id=e2e-.*'] },
  });
  await api.call('get', '/api/v1/clusters/{clusterId}/client-metrics', local);
  await api.call('put', '/api/v1/clusters/{clusterId}/client-metrics/{subscription}', subscription, {
    body: { metrics: ['*'], intervalMs: 60_000 },
  });
  await api.call('delete', '/api/v1/clusters/{clusterId}/client-metrics/{subscription}', subscription, {
    body: { confirm: subscription.subscription },
  });
  const { brokers } = await api.call<{ brokers: { id: number }[] }>('get', '/api/v1/clusters/{clusterId}/brokers', local);
  const broker = { ...local, brokerId: brokers[0]!.id };
  // Created first: once the admin client has been told of a topic that is then deleted, its metadata requests fail.
  const [one, two] = [brokers[0]!.id, brokers[1]!.id];
  const moved = await kafka.createTopic({ replicaAssignment: [[one]] });
  const slow = await kafka.createTopic({ replicaAssignment: [[one]] });
  await kafka.produce(slow, 1, 2_000, 1_000);
  await api.call('get', '/api/v1/clusters/{clusterId}/brokers/{brokerId}', broker);
  await api.call('get', '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs', broker);
  const brokerKey = 'log.cleaner.backoff.ms';
  await api.call('patch', '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs', broker, { body: { set: { [brokerKey]: '20000' } } });
  await api.call('patch', '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs', broker, { body: { delete: [brokerKey] } });

  // A topic's life, through the API.
  const name = `e2e-openapi-${stamp}`;
  const topic = { ...local, topic: name };
  let deleted = false;
  try {
    await api.call('get', '/api/v1/clusters/{clusterId}/topic-defaults', local);
    await api.call('post', '/api/v1/clusters/{clusterId}/topics', local, { body: { name, partitions: 2, replicationFactor: 1 } });
    await api.call('get', '/api/v1/clusters/{clusterId}/topics', local);
    await api.call('get', '/api/v1/clusters/{clusterId}/topics/{topic}', topic);
    await api.call('get', '/api/v1/clusters/{clusterId}/topics/{topic}/configs', topic);
    await api.call('patch', '/api/v1/clusters/{clusterId}/topics/{topic}/configs', topic, { body: { set: { 'retention.ms': '3600000' } } });
    await api.call('post', '/api/v1/clusters/{clusterId}/topics/{topic}/partitions', topic, { body: { totalCount: 3 } });
    for (let i = 0; i < 3; i += 1) {
      await api.call('post', '/api/v1/clusters/{clusterId}/topics/{topic}/messages', topic, {
        body: { partition: 0, key: `k${i}`, value: `{"n":${i}}`, headers: [{ key: 'h', value: 'v' }] },
      });
    }
    const page1 = await api.call<{ messages: unknown[] }>('get', '/api/v1/clusters/{clusterId}/topics/{topic}/messages', topic, {
      query: { from: 'oldest', limit: '10' },
    });
    expect(page1.messages).toHaveLength(3);
    const csv = await api.call<string>('get', '/api/v1/clusters/{clusterId}/topics/{topic}/messages/export', topic, {
      query: { format: 'csv', from: 'oldest' },
    });
    expect(csv.trim().split('\n')).toHaveLength(4);
    await api.call('post', '/api/v1/clusters/{clusterId}/topics/{topic}/records/delete', topic, {
      body: { before: [{ partition: 0, offset: '1' }], confirm: name },
    });
    await api.call('post', '/api/v1/clusters/{clusterId}/leader-election', local, { body: { topics: [name] } });
    await api.call('get', '/api/v1/clusters/{clusterId}/metrics/cluster', local);
    await api.call('get', '/api/v1/clusters/{clusterId}/metrics/top', local);
    await api.call('get', '/api/v1/clusters/{clusterId}/metrics/topics/{topic}', topic);
    await api.call('get', '/api/v1/clusters/{clusterId}/metrics/brokers/{brokerId}', broker);

    // Two groups with committed offsets only: one loses its offsets of the topic, the other is deleted.
    const [first, second] = [`e2e-openapi-a-${stamp}`, `e2e-openapi-b-${stamp}`];
    await kafka.commitOffsets(first, name, [2, 0, 0]);
    await kafka.commitOffsets(second, name, [3, 0, 0]);
    const group = { ...local, groupId: first };
    await api.call('get', '/api/v1/clusters/{clusterId}/consumer-groups', local);
    await api.call('get', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}', group);
    await api.call('get', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/export.csv', group);
    await api.call('get', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/configs', group);
    const groupKey = 'consumer.heartbeat.interval.ms';
    await api.call('patch', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/configs', group, {
      body: { set: { [groupKey]: '6000' } },
    });
    await api.call('patch', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/configs', group, { body: { delete: [groupKey] } });
    await api.call('get', '/api/v1/clusters/{clusterId}/topics/{topic}/consumer-groups', topic);
    await api.call('get', '/api/v1/clusters/{clusterId}/metrics/consumer-groups/{groupId}', group);
    await api.call('post', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/preview', group, {
      body: { strategy: 'earliest' },
    });
    await api.call('post', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/reset', group, {
      body: { strategy: 'earliest', confirm: first },
    });
    await api.call('delete', '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets', group, {
      query: { topic: name },
      body: { confirm: first },
    });
    await api.call(
      'delete',
      '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}',
      { ...local, groupId: second },
      { body: { confirm: second } },
    );

    // The preferred-leader election schedule, put back as it was.
    const { schedule: before } = await api.call<{ schedule: { everyMinutes: number; topics?: string[]; brokers?: number[] } | null }>(
      'get',
      '/api/v1/clusters/{clusterId}/leader-election/schedule',
      local,
    );
    await api.call('put', '/api/v1/clusters/{clusterId}/leader-election/schedule', local, { body: { everyMinutes: 60, topics: [name] } });
    await api.call('delete', '/api/v1/clusters/{clusterId}/leader-election/schedule', local);
    if (before) {
      const { everyMinutes, topics, brokers: scheduled } = before;
      await api.call('put', '/api/v1/clusters/{clusterId}/leader-election/schedule', local, {
        body: { everyMinutes, ...(topics ? { topics } : {}), ...(scheduled ? { brokers: scheduled } : {}) },
      });
    }

    // Alert rules.
    const rule = await api.call<{ id: string }>(
      'post',
      '/api/v1/alerts/rules',
      {},
      { body: { kind: 'group-lag', name: `e2e openapi ${stamp}`, clusterId: 'local', threshold: 1_000_000, groupPattern: first } },
    );
    await api.call('patch', '/api/v1/alerts/rules/{ruleId}', { ruleId: rule.id }, { body: { name: `e2e openapi ${stamp} renamed` } });
    await api.call('get', '/api/v1/alerts/rules');
    await api.call('get', '/api/v1/alerts/events');
    await api.call('delete', '/api/v1/alerts/rules/{ruleId}', { ruleId: rule.id });

    await api.call('delete', '/api/v1/clusters/{clusterId}/topics/{topic}', topic, { body: { confirm: name } });
    deleted = true;
  } finally {
    // Only when the test failed before deleting it (kafkajs keeps asking for a topic it was told to delete).
    if (!deleted) await kafka.admin.deleteTopics({ topics: [name] }).catch(() => {});
  }

  // Reassignments: a job that ends and its rollback; a job held by a throttle, changed and cancelled.
  const plan = await api.call<{ plan: unknown }>('post', '/api/v1/clusters/{clusterId}/reassignments/plan', local, {
    body: { mode: 'replace', from: one, to: two, topics: [moved] },
  });
  const { jobId } = await api.call<{ jobId: string }>('post', '/api/v1/clusters/{clusterId}/reassignments', local, {
    body: { plan: plan.plan },
  });
  const job = { ...local, jobId };
  await api.call('get', '/api/v1/clusters/{clusterId}/reassignments', local);
  await expect
    .poll(async () => (await api.call<{ state: string }>('get', '/api/v1/clusters/{clusterId}/reassignments/{jobId}', job)).state, {
      timeout: 60_000,
    })
    .not.toBe('running');
  const rollback = await api.call<{ jobId: string }>('post', '/api/v1/clusters/{clusterId}/reassignments/{jobId}/rollback', job);
  await expect
    .poll(
      async () =>
        (
          await api.call<{ state: string }>('get', '/api/v1/clusters/{clusterId}/reassignments/{jobId}', {
            ...local,
            jobId: rollback.jobId,
          })
        ).state,
      { timeout: 60_000 },
    )
    .not.toBe('running');

  const held = await api.call<{ jobId: string }>('post', '/api/v1/clusters/{clusterId}/reassignments', local, {
    body: { plan: { version: 1, partitions: [{ topic: slow, partition: 0, replicas: [two] }] }, throttleBytesPerSec: 10_000 },
  });
  const heldJob = { ...local, jobId: held.jobId };
  await api.call('patch', '/api/v1/clusters/{clusterId}/reassignments/{jobId}', heldJob, { body: { throttleBytesPerSec: 20_000 } });
  await api.call('post', '/api/v1/clusters/{clusterId}/reassignments/{jobId}/cancel', heldJob);
  await expect
    .poll(async () => (await api.call<{ state: string }>('get', '/api/v1/clusters/{clusterId}/reassignments/{jobId}', heldJob)).state, {
      timeout: 60_000,
    })
    .not.toBe('running');

  // Last: the audit log holds all of the above.
  await api.call('get', '/api/v1/audit', {}, { query: { limit: '500' } });
  await api.call('get', '/api/v1/audit/export.csv');

  expect([...api.called].sort()).toEqual(api.operations().sort());
});
