import { describe, expect, it } from 'vitest';
import { csvCell, csvResponse } from '@/server/http/csv';

describe('csvCell', () => {
  it('defuses formulas but keeps plain integers, negative lags included', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-8')).toBe('-8');
    expect(csvCell('12')).toBe('12');
  });
});

describe('csvResponse', () => {
  it('ends every line with CRLF and offers a safe file name', async () => {
    const response = csvResponse(['a,b', '1,2'], 'group "x"/y.csv');
    expect(await response.text()).toBe('a,b\r\n1,2\r\n');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="group_x_y.csv"');
  });
});
