import { describe, expect, it } from 'vitest';
import { advertisedRange, brokerApis, firstJsonValue, parseValidVersions, stripComments } from './messages.mjs';
import { latestPatches } from './releases.mjs';
import { indistinguishable } from './render.mjs';

const request = (fields: Record<string, unknown>, comment = '// Licensed to the ASF.\n') =>
  `${comment}${JSON.stringify({ type: 'request', name: 'XRequest', ...fields })}`;

describe('reading request definitions', () => {
  it('strips // comments but not // inside strings', () => {
    const text = '// header\n{ "about": "see https://kafka.apache.org", // trailing\n "x": 1 }';
    expect(JSON.parse(stripComments(text))).toEqual({ about: 'see https://kafka.apache.org', x: 1 });
  });

  it('reads the first JSON value and ignores what follows, as Jackson does (2.8 DescribeProducersRequest.json)', () => {
    expect(firstJsonValue('{ "a": [1, "]}"] }\n  ]}\n}')).toEqual({ a: [1, ']}'] });
  });

  it('parses validVersions', () => {
    expect(parseValidVersions('0-13')).toEqual({ min: 0, max: 13 });
    expect(parseValidVersions('7')).toEqual({ min: 7, max: 7 });
    expect(parseValidVersions('none')).toBeNull();
    expect(() => parseValidVersions('3+')).toThrow(/unexpected/);
  });

  it('hides an unstable last version, and an API whose only version is unstable', () => {
    expect(advertisedRange({ apiKey: 22, validVersions: '0-6', latestVersionUnstable: true })).toEqual({ min: 0, max: 5 });
    expect(advertisedRange({ apiKey: 68, validVersions: '0', latestVersionUnstable: true })).toBeNull();
    expect(advertisedRange({ apiKey: 2, validVersions: '1-11', latestVersionUnstable: false })).toEqual({ min: 1, max: 11 });
  });

  it('advertises Produce from v0 although 4.x removed v0–v2 (KAFKA-18659)', () => {
    expect(advertisedRange({ apiKey: 0, validVersions: '3-13' })).toEqual({ min: 0, max: 13 });
  });
});

describe('brokerApis', () => {
  const files = (defs: Record<string, unknown>[]) => defs.map((d, i): [string, string] => [`common/message/X${i}Request.json`, request(d)]);

  it('keeps the APIs a broker serves per mode, without controller-only and conditional ones', () => {
    const apis = brokerApis(
      files([
        { apiKey: 3, validVersions: '0-12', listeners: ['zkBroker', 'broker'] },
        { apiKey: 4, validVersions: '0-7', listeners: ['zkBroker'] },
        { apiKey: 52, validVersions: '0-1', listeners: ['controller'] },
        { apiKey: 55, validVersions: '0-2', listeners: ['broker', 'controller'] },
        { apiKey: 71, validVersions: '0', listeners: ['broker'] },
        { apiKey: 5, validVersions: 'none' },
      ]),
      '3.9',
    );
    expect(Object.fromEntries(apis)).toEqual({
      3: { min: 0, max: 12, modes: ['zookeeper', 'kraft'] },
      4: { min: 0, max: 7, modes: ['zookeeper'] },
      55: { min: 0, max: 2, modes: ['kraft'] },
    });
  });

  it('drops forwardable APIs the KRaft controller does not serve (UpdateFeatures on 3.0–3.1), not where they were not forwardable', () => {
    const updateFeatures = files([{ apiKey: 57, validVersions: '0', listeners: ['zkBroker', 'broker'] }]);
    expect(brokerApis(updateFeatures, '3.1').get(57)?.modes).toEqual(['zookeeper']);
    expect(brokerApis(updateFeatures, '3.2').get(57)?.modes).toEqual(['zookeeper', 'kraft']);
  });

  it('adds Envelope on 2.8 KRaft brokers, which list it outside the listener rules', () => {
    const envelope = files([{ apiKey: 58, validVersions: '0', listeners: ['controller'] }]);
    expect(brokerApis(envelope, '2.8').get(58)).toEqual({ min: 0, max: 0, modes: ['kraft'] });
    expect(brokerApis(envelope, '3.0').has(58)).toBe(false);
  });

  it('refuses a key defined twice', () => {
    expect(() =>
      brokerApis(
        files([
          { apiKey: 1, validVersions: '0' },
          { apiKey: 1, validVersions: '1' },
        ]),
        '4.3',
      ),
    ).toThrow(/twice/);
  });
});

describe('release lines', () => {
  it('takes the newest plain x.y.z patch of each line in range, newest first, ordering lines numerically', () => {
    const xml = ['0.10.2.2', '2.7.0', '2.8.0', '2.8.2', '3.9.0', '3.9.2', '3.10.0', '4.0.0-rc1', '4.3.1', '4.4.0']
      .map((v) => `<version>${v}</version>`)
      .join('');
    expect(latestPatches(xml, { first: '2.8', last: '4.3' })).toEqual([
      { release: '4.3', version: '4.3.1' },
      { release: '3.10', version: '3.10.0' },
      { release: '3.9', version: '3.9.2' },
      { release: '2.8', version: '2.8.2' },
    ]);
  });

  it('groups consecutive lines with identical ranges in one mode', () => {
    const line = (release: string, max: number, modes = ['zookeeper', 'kraft']) => ({
      release,
      modes,
      apis: new Map([[3, { min: 0, max, modes }]]),
    });
    const releases = [line('3.5', 2), line('3.4', 1), line('3.3', 1), line('3.2', 0)];
    expect(indistinguishable(releases, 'kraft')).toEqual([['3.3', '3.4']]);
  });
});
