import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { decodeBody, encodeBody } from '@/server/protocol/request';
import { streamsGroupDescribeApi } from '@/server/protocol/streams-group-describe';

const tasks = (w: Writer, list: [string, number[]][]) =>
  w.compactArray(list, (w, [id, partitions]) => {
    w.compactString(id);
    w.compactArray(partitions, (w, p) => w.int32(p));
    w.emptyTaggedFields();
  });
const assignment = (w: Writer, active: [string, number[]][], standby: [string, number[]][] = []) => {
  tasks(w, active);
  tasks(w, standby);
  tasks(w, []);
  w.emptyTaggedFields();
};
const topicInfo = (w: Writer, list: string[]) =>
  w.compactArray(list, (w, name) => {
    w.compactString(name).int32(0).int16(0);
    w.compactArray([['cleanup.policy', 'compact']] as const, (w, [k, v]) => w.compactString(k).compactString(v).emptyTaggedFields());
    w.emptyTaggedFields();
  });

/** One group with a two-subtopology topology and one member, as a v0 or v1 broker answers it. */
function response(version: number) {
  const w = new Writer().emptyTaggedFields(); // response header tags
  w.int32(0);
  w.compactArray(['app'], (w, id) => {
    w.int16(0).compactString(null).compactString(id).compactString('Stable').int32(5).int32(5);
    w.int8(1).int32(2); // topology present, epoch 2
    w.compactArray(['0', '1'], (w, sub) => {
      w.compactString(sub);
      w.compactArray(sub === '0' ? ['in'] : [], (w, t) => w.compactString(t));
      w.compactArray(sub === '0' ? ['app-words-repartition'] : [], (w, t) => w.compactString(t));
      topicInfo(w, sub === '1' ? ['app-counts-changelog'] : []);
      topicInfo(w, sub === '1' ? ['app-words-repartition'] : []);
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields(); // topology
    w.compactArray(['m1'], (w, member) => {
      w.compactString(member).int32(5).compactString(null).compactString('rack-a');
      w.compactString('client').compactString('/127.0.0.1').int32(2).compactString('process-1');
      w.int8(1).compactString('localhost').uint16(8080).emptyTaggedFields(); // user endpoint
      w.compactArray([['zone', 'a']] as const, (w, [k, v]) => w.compactString(k).compactString(v).emptyTaggedFields());
      for (let i = 0; i < 2; i++)
        w.compactArray([['0', 1, 42n]] as const, (w, [s, p, o]) => w.compactString(s).int32(p).int64(o).emptyTaggedFields());
      assignment(w, [['0', [0, 1]]], [['1', [0]]]);
      assignment(w, [
        ['0', [0, 1]],
        ['1', [1]],
      ]);
      w.bool(false).emptyTaggedFields();
    });
    w.int32(-2147483648);
    if (version >= 1) w.int8(-1).int8(0).compactString('sticky');
    w.emptyTaggedFields();
  });
  w.emptyTaggedFields();
  return w.toBuffer();
}

describe('StreamsGroupDescribe', () => {
  it('asks without authorized operations, and without the topology description from v1', () => {
    // header tags | groups[1] | "g" | include operations | (v1: include description) | tags
    expect(encodeBody(streamsGroupDescribeApi, ['g'], 0).toString('hex')).toBe('00' + '02' + '0267' + '00' + '00');
    expect(encodeBody(streamsGroupDescribeApi, ['g'], 1).toString('hex')).toBe('00' + '02' + '0267' + '00' + '00' + '00');
  });

  it.each([0, 1])('reads the topology, the members and their current and target tasks (v%i)', (version) => {
    const [group] = decodeBody(streamsGroupDescribeApi, response(version), version).groups;
    expect(group).toMatchObject({
      groupId: 'app',
      state: 'Stable',
      groupEpoch: 5,
      assignmentEpoch: 5,
      assignorName: version >= 1 ? 'sticky' : null,
      topology: {
        epoch: 2,
        subtopologies: [
          { subtopologyId: '0', sourceTopics: ['in'], repartitionSinkTopics: ['app-words-repartition'], stateChangelogTopics: [] },
          {
            subtopologyId: '1',
            sourceTopics: [],
            stateChangelogTopics: [{ name: 'app-counts-changelog', partitions: 0, replicationFactor: 0 }],
            repartitionSourceTopics: [{ name: 'app-words-repartition', partitions: 0, replicationFactor: 0 }],
          },
        ],
      },
    });
    expect(group!.members).toEqual([
      {
        memberId: 'm1',
        memberEpoch: 5,
        instanceId: null,
        rackId: 'rack-a',
        clientId: 'client',
        clientHost: '/127.0.0.1',
        topologyEpoch: 2,
        processId: 'process-1',
        userEndpoint: { host: 'localhost', port: 8080 },
        clientTags: [{ key: 'zone', value: 'a' }],
        assignment: {
          active: [{ subtopologyId: '0', partitions: [0, 1] }],
          standby: [{ subtopologyId: '1', partitions: [0] }],
          warmup: [],
        },
        targetAssignment: {
          active: [
            { subtopologyId: '0', partitions: [0, 1] },
            { subtopologyId: '1', partitions: [1] },
          ],
          standby: [],
          warmup: [],
        },
        isClassic: false,
      },
    ]);
  });
});
