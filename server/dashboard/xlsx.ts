/** XLSX for spreadsheet users (exceljs): one sheet, a bold heading row, numbers as numbers. Text cells
 *  are neutralised exactly as the CSV export does them; no cell is ever written as a formula. */
import ExcelJS from 'exceljs';
import { neutralise, type Cell } from './csv';

/** A cell as it goes into the sheet. Booleans become 1 and 0 as in the CSV, so both exports agree. */
function sheetValue(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  // A plain string is stored as a shared string, never a formula; neutralising still matters because
  // a user who copies the cell or re-saves the sheet as CSV would otherwise carry the formula along.
  return neutralise(cell);
}

/** `rows[0]` is the heading row. `sheetName` is cut to Excel's 31 characters and stripped of []:*?/\. */
export async function toXlsx(rows: readonly (readonly Cell[])[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fireground';
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row.map(sheetValue));
  sheet.getRow(1).font = { bold: true };
  rows[0]?.forEach((heading, i) => {
    const widest = Math.max(...rows.map((r) => String(r[i] ?? '').length), String(heading ?? '').length);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
