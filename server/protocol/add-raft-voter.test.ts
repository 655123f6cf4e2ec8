import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { addRaftVoterApi } from '@/server/protocol/add-raft-voter';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
// Node 5's directory id in the dev cluster's meta.properties: base64url of 16 bytes.
const DIRECTORY = 'A22BAnDh6upIZf_z2aTvKA';
const DIRECTORY_HEX = Buffer.from(DIRECTORY, 'base64url').toString('hex');
const input = {
  voterId: 5,
  voterDirectoryId: DIRECTORY,
  listeners: [{ name: 'CONTROLLER', host: '127.0.0.1', port: 12296 }],
  timeoutMs: 3000,
};

describe('AddRaftVoter request encoding', () => {
  it('v0: header tags | cluster id null | timeout | voter id | directory uuid | listeners[1] (name, host, uint16 port, tags) | tags', () => {
    expect(encodeBody(addRaftVoterApi, input, 0).toString('hex')).toBe(
      '00' +
        '00' +
        '00000bb8' +
        '00000005' +
        DIRECTORY_HEX +
        '02' +
        `0b${hex('CONTROLLER')}` +
        `0a${hex('127.0.0.1')}` +
        '3008' +
        '00' +
        '00',
    );
  });

  it('v1 adds AckWhenCommitted = true before the tags: the answer comes once the voter set is committed', () => {
    const v0 = encodeBody(addRaftVoterApi, input, 0).toString('hex');
    expect(encodeBody(addRaftVoterApi, input, 1).toString('hex')).toBe(`${v0.slice(0, -2)}0100`);
  });

  it('refuses a directory id that is not 16 bytes rather than shifting the fields after it', () => {
    expect(() => encodeBody(addRaftVoterApi, { ...input, voterDirectoryId: 'AAAA' }, 1)).toThrow(/not a Kafka uuid/);
  });

  it('decodes throttle time, error code and message', () => {
    const ok = new Writer().emptyTaggedFields().int32(0).int16(0).compactString(null).emptyTaggedFields().toBuffer();
    expect(decodeBody(addRaftVoterApi, ok, 1)).toEqual({ errorCode: 0, errorMessage: null });
    const refused = new Writer().emptyTaggedFields().int32(0).int16(126).compactString('already a voter').emptyTaggedFields().toBuffer();
    expect(decodeBody(addRaftVoterApi, refused, 0)).toEqual({ errorCode: 126, errorMessage: 'already a voter' });
  });

  it('picks v1 from Kafka 4.x and refuses a broker without API 80 (before 3.9)', () => {
    expect(pickVersion(addRaftVoterApi, { 80: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(() => pickVersion(addRaftVoterApi, {})).toThrow(UnsupportedApiError);
  });
});
