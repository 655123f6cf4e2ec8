import type { Admin } from '@/server/kafka/kafkajs';
import { describe, expect, it } from 'vitest';
import { TOPICS, ensureTopics, type TopicSpec } from './topics';

const spec = (topic: string) => {
  const found = TOPICS.find((t) => t.topic === topic);
  if (!found) throw new Error(`no spec for ${topic}`);
  return found;
};
const config = (s: TopicSpec, name: string) => s.configEntries.find((e) => e.name === name)?.value;

describe('TOPICS', () => {
  it('has the layouts the demo promises', () => {
    expect(spec('orders')).toMatchObject({ numPartitions: 6, replicationFactor: 3 });
    expect(spec('payments')).toMatchObject({ numPartitions: 3, replicationFactor: 2 });
    expect(spec('clickstream')).toMatchObject({ numPartitions: 12, replicationFactor: 2 });
    expect(config(spec('customer-profiles'), 'cleanup.policy')).toBe('compact');
    expect(spec('audit-trail')).toMatchObject({ replicationFactor: 1 });
  });

  it('never asks for more replicas than the 3-broker dev cluster has', () => {
    expect(TOPICS.every((t) => t.replicationFactor <= 3)).toBe(true);
  });
});

type FakeAdmin = Pick<Admin, 'listTopics' | 'createTopics'> & { created: string[][] };

function fakeAdmin(initial: string[], { ignoreCreates = false } = {}): FakeAdmin {
  const topics = new Set(initial);
  const created: string[][] = [];
  return {
    created,
    listTopics: async () => [...topics],
    createTopics: async ({ topics: requested }) => {
      created.push(requested.map((t) => t.topic));
      if (!ignoreCreates) requested.forEach((t) => topics.add(t.topic));
      return true;
    },
  };
}

describe('ensureTopics', () => {
  it('creates only the missing topics and reports the rest as existing', async () => {
    const admin = fakeAdmin(['orders', '__consumer_offsets']);
    const result = await ensureTopics(admin);
    expect(result.existing).toEqual(['orders']);
    expect(result.created).toEqual(['payments', 'clickstream', 'customer-profiles', 'audit-trail']);
    expect(admin.created).toEqual([result.created]);
  });

  it('does not call createTopics when everything exists (second run)', async () => {
    const admin = fakeAdmin(TOPICS.map((t) => t.topic));
    expect((await ensureTopics(admin)).created).toEqual([]);
    expect(admin.created).toEqual([]);
  });

  it('fails loudly if a topic is still missing afterwards', async () => {
    await expect(ensureTopics(fakeAdmin([], { ignoreCreates: true }))).rejects.toThrow(/could not create topics: orders/);
  });
});
