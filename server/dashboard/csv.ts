/** CSV for spreadsheet users: RFC 4180 quoting, a UTF-8 byte order mark so Excel reads Vietnamese,
 *  and text cells that a spreadsheet would run as a formula neutralised. Never evaluates anything. */

export type Cell = string | number | boolean | null;

/** OWASP's CSV injection guidance: a text cell starting with = + - @ tab or carriage return is
 *  prefixed with a single quote, so it shows as text instead of running. Numbers stay numbers. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  return neutralise(cell);
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `\uFEFF${rows.map((row) => row.map((c) => quote(cellText(c))).join(',')).join('\r\n')}\r\n`;
}
