import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/errors';

describe('ApiError', () => {
  it('is recognised across copies of its module (the production server bundles one per chunk)', async () => {
    vi.resetModules();
    const copy = await import('@/lib/errors');
    expect(copy.ApiError).not.toBe(ApiError);
    const thrown = new copy.ApiError('KAFKA_UNAVAILABLE', 'down');
    expect(thrown instanceof ApiError).toBe(true);
    expect(new ApiError('NOT_FOUND', 'gone') instanceof copy.ApiError).toBe(true);
    expect(new Error('plain') instanceof ApiError).toBe(false);
    expect(Object.assign(new Error('look-alike'), { name: 'ApiError', code: 'INTERNAL' }) instanceof ApiError).toBe(false);
  });

  it('keeps its status and JSON shape', () => {
    const error = new ApiError('VALIDATION', 'bad', { fieldErrors: { name: ['required'] } });
    expect(error.status).toBe(422);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      error: { code: 'VALIDATION', message: 'bad', fieldErrors: { name: ['required'] } },
    });
  });
});
