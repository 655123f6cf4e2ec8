import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/schemas/audit';
import { auditEntriesToCsv } from '@/server/audit/csv';
import { csvCell, csvRow } from '@/server/http/csv';

describe('csvCell', () => {
  it('quotes per RFC 4180 only when needed, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
    expect(csvCell(403)).toBe('403');
  });

  it('defuses spreadsheet formulas with a leading quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    // A plain integer (a negative lag) stays a number: it cannot run anything.
    expect(csvCell('-2')).toBe('-2');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    // Numbers are data, not text a spreadsheet would evaluate.
    expect(csvCell(-1)).toBe('-1');
  });

  it('joins a row', () => {
    expect(csvRow(['a', null, 'b,c', 1])).toBe('a,,"b,c",1');
  });
});

describe('auditEntriesToCsv', () => {
  const entry: AuditEntry = {
    id: '9007199254740993',
    time: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
    actor: '=cmd',
    actorType: 'user',
    role: 'admin',
    clusterId: 'local',
    action: 'topics.create',
    target: 'orders, "eu"',
    summary: { partitions: 3, note: 'a\nb' },
    outcome: 'success',
    status: 201,
    errorCode: null,
    ip: '127.0.0.1',
  };

  it('writes a header and one CRLF-terminated row per entry, summary as JSON', () => {
    expect(auditEntriesToCsv([entry])).toBe(
      'id,time,actor,actorType,role,clusterId,action,target,outcome,status,errorCode,ip,summary\r\n' +
        `9007199254740993,2025-01-02T03:04:05.006Z,'=cmd,user,admin,local,topics.create,"orders, ""eu""",success,201,,127.0.0.1,"{""partitions"":3,""note"":""a\\nb""}"\r\n`,
    );
  });

  it('writes just the header for no entries', () => {
    expect(auditEntriesToCsv([])).toBe('id,time,actor,actorType,role,clusterId,action,target,outcome,status,errorCode,ip,summary\r\n');
  });
});
