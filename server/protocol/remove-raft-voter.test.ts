import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { removeRaftVoterApi } from '@/server/protocol/remove-raft-voter';
import { decodeBody, encodeBody } from '@/server/protocol/request';

describe('RemoveRaftVoter', () => {
  it('v0: header tags | cluster id null | voter id | directory uuid | tags', () => {
    const directory = Buffer.alloc(16, 7);
    const body = encodeBody(removeRaftVoterApi, { voterId: 5, voterDirectoryId: directory.toString('base64url') }, 0);
    expect(body.toString('hex')).toBe('00' + '00' + '00000005' + directory.toString('hex') + '00');
  });

  it('decodes a refusal with its message', () => {
    const answer = new Writer().emptyTaggedFields().int32(0).int16(127).compactString('not a voter').emptyTaggedFields().toBuffer();
    expect(decodeBody(removeRaftVoterApi, answer, 0)).toEqual({ errorCode: 127, errorMessage: 'not a voter' });
  });
});
