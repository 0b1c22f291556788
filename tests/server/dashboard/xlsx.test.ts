/** XLSX export: the file opens with exceljs, headings follow the language, numbers stay numbers and
 *  text a spreadsheet would run is neutralised exactly as in the CSV. Real server, real PGlite. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralise } from '../../../server/dashboard/csv';
import { toXlsx } from '../../../server/dashboard/xlsx';
import { startOrgServer, upload, type OrgServer } from '../orgFixture';

/** exceljs's typings take an ArrayBuffer; a Node Buffer may be a view into a larger pool. */
function arrayBufferOf(file: Buffer | ArrayBuffer): ArrayBuffer {
  return file instanceof ArrayBuffer ? file : Uint8Array.from(file).buffer;
}

/** Every row of the first sheet as plain values (exceljs rows are 1-based with a hole at 0). */
async function readRows(file: Buffer | ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBufferOf(file));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet in the workbook');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('toXlsx', () => {
  it('writes text that a spreadsheet would run as the same neutralised text the CSV has, never a formula', async () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const file = await toXlsx([['heading'], ...evil.map((e) => [e]), ['Đội A'], [-5], [66.7], [true], [null]], 'Sheet: [x]');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(file));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Sheet   x ');
    const column = (await readRows(file)).map((r) => r[0]);
    // XML parsers turn a carriage return in text into a line feed; the leading quote is what matters.
    expect(column).toEqual(['heading', ...evil.map((e) => neutralise(e).replaceAll('\r', '\n')), 'Đội A', -5, 66.7, 1, undefined]);
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('GET /api/dashboard/export/:report.xlsx', () => {
  let org: OrgServer;
  beforeAll(async () => {
    org = await startOrgServer();
    await upload(org, 'trainee', true);
    await upload(org, 'trainee', false);
    await upload(org, 'traineeB', true);
  }, 60_000);
  afterAll(async () => {
    await org?.server.stop();
  });

  const download = async (path: string): Promise<{ status: number; type: string | null; disposition: string | null; rows: unknown[][] }> => {
    const res = await fetch(`${org.server.url}${path}`, { headers: { cookie: org.cookies.manager ?? '' } });
    const body = await res.arrayBuffer();
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), rows: res.status === 200 ? await readRows(body) : [] };
  };

  it('answers an XLSX whose rows are the same table as the CSV, with Vietnamese headings by default', async () => {
    const xlsx = await download('/api/dashboard/export/competencies.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.disposition).toBe('attachment; filename="fireground-competencies.xlsx"');
    expect(xlsx.rows[0]).toEqual(['Đơn vị', 'Năng lực', 'Đạt', 'Tổng', 'Tỷ lệ đạt (%)']);
    const units = new Set(xlsx.rows.slice(1).map((r) => r[0]));
    expect(units).toEqual(new Set(['Đội A', 'Đội B']));
    for (const row of xlsx.rows.slice(1)) {
      expect(typeof row[2]).toBe('number');
      expect(typeof row[3]).toBe('number');
    }
    const csv = await org.call('manager', 'GET', '/api/dashboard/export/competencies.csv');
    const csvRows = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csvRows).toHaveLength(xlsx.rows.length);
    expect(xlsx.rows.map((r) => r.map((c) => String(c)).join(','))).toEqual(csvRows);
  });

  it('uses English headings with lang=en and honours the filters', async () => {
    const trends = await download('/api/dashboard/export/trends.xlsx?lang=en&unitId=unit-a');
    expect(trends.rows[0]).toEqual(['Month', 'Runs', 'Passed', 'Pass rate (%)', 'Average score (%)']);
    expect(trends.rows).toHaveLength(2);
    expect(trends.rows[1]).toEqual([expect.stringMatching(/^\d{4}-\d{2}$/), 2, 1, 50, expect.any(Number)]);
    const failed = await download('/api/dashboard/export/failed-criteria.xlsx?lang=en');
    expect(failed.rows[0]).toEqual(['Scenario', 'Criterion', 'Competency', 'Times failed', 'Total']);
  });

  it('refuses a report it does not know and a trainee', async () => {
    expect((await download('/api/dashboard/export/secrets.xlsx')).status).toBe(400);
    const res = await fetch(`${org.server.url}/api/dashboard/export/trends.xlsx`, { headers: { cookie: org.cookies.trainee ?? '' } });
    expect(res.status).toBe(403);
  });
});
