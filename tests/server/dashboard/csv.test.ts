/** CSV export: quoting, a byte order mark for Excel, and formula injection neutralised. */
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../../server/dashboard/csv';

describe('toCsv', () => {
  it('turns text that a spreadsheet would run into plain text', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(evil)).toBe(`'${evil}`);
    expect(neutralise('Đội A')).toBe('Đội A');
  });

  it('quotes commas, quotes and line breaks, and keeps numbers as numbers', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', -5, 66.7, null, true]])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",-5,66.7,,1\r\n');
  });

  it('neutralises a formula inside a quoted cell too', () => {
    expect(toCsv([['=1+2,3']])).toBe(`\uFEFF"'=1+2,3"\r\n`);
  });
});
