import 'server-only';

// Spreadsheets run a cell starting with these as a formula (CSV injection); tab and CR too, per OWASP.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain integer ("-8", a negative lag) is a number to a spreadsheet, never a formula.
const INTEGER = /^-?\d+$/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a
 * spreadsheet would evaluate gets a leading `'`, which shows it as text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !INTEGER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A CSV download: CRLF line ends, a file name the browser offers when saving. */
export function csvResponse(lines: string[], fileName: string): Response {
  return new Response(lines.map((line) => `${line}\r\n`).join(''), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}
