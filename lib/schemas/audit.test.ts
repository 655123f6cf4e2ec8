import { describe, expect, it } from 'vitest';
import { auditEntryInputSchema, auditEntrySchema, auditQuerySchema } from '@/lib/schemas/audit';

describe('auditQuerySchema', () => {
  it('defaults paging and leaves filters out', () => {
    expect(auditQuerySchema.parse({})).toEqual({ limit: 50, offset: 0 });
  });

  it('coerces query-string values', () => {
    const query = auditQuerySchema.parse(
      Object.fromEntries(
        new URLSearchParams(
          'from=1700000000000&to=1700000001000&actor=alice&clusterId=local&action=topics.&outcome=denied&limit=500&offset=20',
        ),
      ),
    );
    expect(query).toEqual({
      from: 1_700_000_000_000,
      to: 1_700_000_001_000,
      actor: 'alice',
      clusterId: 'local',
      action: 'topics.',
      outcome: 'denied',
      limit: 500,
      offset: 20,
    });
  });

  it('treats empty parameters as absent', () => {
    expect(auditQuerySchema.parse({ from: '', actor: '', outcome: '', limit: '', offset: '' })).toEqual({ limit: 50, offset: 0 });
  });

  it('accepts numbers as well as strings (already parsed input)', () => {
    const once = auditQuerySchema.parse({ from: '5', limit: '3' });
    expect(auditQuerySchema.parse(once)).toEqual(once);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '-5' }, 'to'],
    [{ outcome: 'maybe' }, 'outcome'],
    [{ clusterId: 'Not Valid' }, 'clusterId'],
    [{ action: 'x'.repeat(201) }, 'action'],
  ])('rejects %j', (input, field) => {
    const result = auditQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('auditEntryInputSchema', () => {
  it('needs actor, actorType, action, outcome and status; the rest is optional', () => {
    expect(
      auditEntryInputSchema.safeParse({ actor: 'alice', actorType: 'user', action: 'auth.login', outcome: 'success', status: 200 }).success,
    ).toBe(true);
    expect(
      auditEntryInputSchema.safeParse({ actor: '', actorType: 'user', action: 'auth.login', outcome: 'success', status: 200 }).success,
    ).toBe(false);
    expect(auditEntryInputSchema.safeParse({ actor: 'a', actorType: 'robot', action: 'x', outcome: 'success', status: 200 }).success).toBe(
      false,
    );
    expect(auditEntryInputSchema.safeParse({ actor: 'a', actorType: 'user', action: 'x', outcome: 'success', status: 42 }).success).toBe(
      false,
    );
  });
});

describe('auditEntrySchema', () => {
  it('carries the id as an int64 decimal string and time as epoch ms', () => {
    const entry = {
      id: '9223372036854775807',
      time: 1_700_000_000_000,
      actor: 'ci',
      actorType: 'token',
      role: null,
      clusterId: null,
      action: 'topics.create',
      target: null,
      summary: {},
      outcome: 'failed',
      status: 502,
      errorCode: 'KAFKA_ERROR',
      ip: null,
    };
    expect(auditEntrySchema.parse(entry)).toEqual(entry);
    expect(auditEntrySchema.safeParse({ ...entry, id: 1 }).success).toBe(false);
  });
});
