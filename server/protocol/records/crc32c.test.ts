import { describe, expect, it } from 'vitest';
import { crc32c } from '@/server/protocol/records/crc32c';

describe('crc32c', () => {
  it('matches the published check values (RFC 3720 B.4, the "123456789" check)', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    const ascending = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    expect(crc32c(ascending)).toBe(0x46dd794e);
  });

  it('covers only the given range, whatever its alignment to the 8-byte loop', () => {
    const data = Buffer.from('xx123456789yy');
    expect(crc32c(data, 2, 11)).toBe(0xe3069283);
    for (let cut = 0; cut < 20; cut += 1) {
      const bytes = Buffer.from(Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff));
      expect(crc32c(bytes, cut, 40)).toBe(crc32c(Buffer.from(bytes.subarray(cut))));
    }
  });
});
