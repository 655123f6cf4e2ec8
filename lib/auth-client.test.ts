import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth-client';

describe('safeCallbackPath', () => {
  const origin = 'https://console.example.com';
  it('keeps a path of this console, with its query and hash', () => {
    expect(safeCallbackPath('/clusters/local/topics?q=a#x', origin)).toBe('/clusters/local/topics?q=a#x');
    expect(safeCallbackPath('https://console.example.com/audit', origin)).toBe('/audit');
  });

  it('refuses anything that leaves it, however it is spelled', () => {
    for (const raw of [
      '/\t/evil.example',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/x',
      '/\n/evil.example',
      'javascript:alert(1)',
      ' //evil.example',
    ]) {
      expect(safeCallbackPath(raw, origin), JSON.stringify(raw)).toBe('/clusters');
    }
    expect(safeCallbackPath(null, origin)).toBe('/clusters');
  });
});
