/** Builds the demo organisation (department > provincial police > stations, Vietnamese names), users
 *  of every role and months of history played by the engine's bots, uploaded through the same verify
 *  path as real uploads. Writes only through the store; never runs against a database that has users. */
import { createHash } from 'node:crypto';
import { createRun, expertBot, noviceBot, playWithBot, toRunRecord } from '../../engine/index';
import { hashPassword } from '../auth/passwordHash';
import { submitRun } from '../runs/submitRun';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { Role, UnitKind } from '../store/AccountStore';
import type { SqlStore } from '../store/SqlStore';
import { DEFAULT_XAPI_CONFIG, recordAttempt } from '../xapi/attemptStatements';

/** Listed in the README; demo data only. */
export const DEMO_PASSWORD = 'pccc-demo-2025';

const UNITS: { id: string; parentId: string | null; kind: UnitKind; name: string }[] = [
  { id: 'c07', parentId: null, kind: 'department', name: 'Cục Cảnh sát PCCC và CNCH' },
  { id: 'pc07-hn', parentId: 'c07', kind: 'provincial', name: 'Phòng Cảnh sát PCCC và CNCH - Công an TP Hà Nội' },
  { id: 'hn-cau-giay', parentId: 'pc07-hn', kind: 'station', name: 'Đội Cảnh sát PCCC và CNCH quận Cầu Giấy' },
  { id: 'hn-hoan-kiem', parentId: 'pc07-hn', kind: 'station', name: 'Đội Cảnh sát PCCC và CNCH quận Hoàn Kiếm' },
  { id: 'pc07-hcm', parentId: 'c07', kind: 'provincial', name: 'Phòng Cảnh sát PCCC và CNCH - Công an TP Hồ Chí Minh' },
  { id: 'hcm-quan-1', parentId: 'pc07-hcm', kind: 'station', name: 'Đội Cảnh sát PCCC và CNCH Quận 1' },
  { id: 'hcm-thu-duc', parentId: 'pc07-hcm', kind: 'station', name: 'Đội Cảnh sát PCCC và CNCH TP Thủ Đức' },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; unitId: string }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unitId: 'c07' },
  { username: 'quanly.hn', displayName: 'Thượng tá Nguyễn Văn Hùng', role: 'manager', unitId: 'pc07-hn' },
  { username: 'quanly.hcm', displayName: 'Thượng tá Trần Thị Mai', role: 'manager', unitId: 'pc07-hcm' },
  { username: 'hlv.caugiay', displayName: 'Đại úy Lê Minh Tuấn', role: 'instructor', unitId: 'hn-cau-giay' },
  { username: 'hlv.hoankiem', displayName: 'Đại úy Phạm Thu Hà', role: 'instructor', unitId: 'hn-hoan-kiem' },
  { username: 'hlv.quan1', displayName: 'Đại úy Võ Quốc Bảo', role: 'instructor', unitId: 'hcm-quan-1' },
  { username: 'hlv.thuduc', displayName: 'Đại úy Đặng Ngọc Ánh', role: 'instructor', unitId: 'hcm-thu-duc' },
  { username: 'cb.an', displayName: 'Trung úy Nguyễn Đức An', role: 'trainee', unitId: 'hn-cau-giay' },
  { username: 'cb.binh', displayName: 'Thượng sĩ Trần Văn Bình', role: 'trainee', unitId: 'hn-cau-giay' },
  { username: 'cb.chi', displayName: 'Hạ sĩ Lê Thị Chi', role: 'trainee', unitId: 'hn-cau-giay' },
  { username: 'cb.dung', displayName: 'Trung úy Hoàng Văn Dũng', role: 'trainee', unitId: 'hn-hoan-kiem' },
  { username: 'cb.giang', displayName: 'Thượng sĩ Bùi Thị Giang', role: 'trainee', unitId: 'hn-hoan-kiem' },
  { username: 'cb.hieu', displayName: 'Hạ sĩ Đỗ Minh Hiếu', role: 'trainee', unitId: 'hn-hoan-kiem' },
  { username: 'cb.khoa', displayName: 'Trung úy Huỳnh Anh Khoa', role: 'trainee', unitId: 'hcm-quan-1' },
  { username: 'cb.lan', displayName: 'Thượng sĩ Ngô Thị Lan', role: 'trainee', unitId: 'hcm-quan-1' },
  { username: 'cb.minh', displayName: 'Hạ sĩ Phan Nhật Minh', role: 'trainee', unitId: 'hcm-quan-1' },
  { username: 'cb.nam', displayName: 'Trung úy Dương Hoài Nam', role: 'trainee', unitId: 'hcm-thu-duc' },
  { username: 'cb.phuong', displayName: 'Thượng sĩ Lý Thị Phương', role: 'trainee', unitId: 'hcm-thu-duc' },
  { username: 'cb.quang', displayName: 'Hạ sĩ Vũ Đình Quang', role: 'trainee', unitId: 'hcm-thu-duc' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A deterministic 0..1 from a string, so the same seed makes the same history on every machine. */
function unit01(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 0x1_0000_0000;
}

/** A UUID derived from a key: re-running the history part would upload the same ids, not new ones. */
function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeedSummary {
  units: number;
  users: number;
  runs: number;
  assignments: number;
}

export async function seedDemo(store: SqlStore, catalogue: ScenarioCatalogue, now: Date, months = 6): Promise<SeedSummary> {
  if (await store.accounts.findByUsername('admin')) throw new Error('this database already has an admin user; the demo seed only fills an empty one');
  for (const unit of UNITS) await store.accounts.createUnit(unit);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = [];
  for (const u of DEMO_USERS) users.push(await store.accounts.createUser({ ...u, passwordHash }));

  const scenarios = catalogue.list();
  const admin = users[0];
  if (!admin || scenarios.length === 0) throw new Error('demo seed needs users and at least one scenario');
  let runs = 0;
  for (const user of users.filter((u) => u.role === 'trainee')) {
    // Each trainee trains a few times a month and gets better: novice play early, expert play later.
    const skill = unit01(`skill:${user.username}`);
    for (let m = months; m >= 1; m--) {
      const sessions = 1 + Math.floor(unit01(`count:${user.username}:${m}`) * 3);
      for (let k = 0; k < sessions; k++) {
        const key = `${user.username}:${m}:${k}`;
        const when = new Date(now.getTime() - (m - 1) * 30 * DAY_MS - Math.floor(unit01(`day:${key}`) * 28 * DAY_MS) - DAY_MS);
        const progress = (months - m + 1) / months;
        const bot = unit01(`bot:${key}`) < 0.25 + 0.6 * progress * (0.5 + skill / 2) ? expertBot : noviceBot;
        const scenario = scenarios[Math.floor(unit01(`scenario:${key}`) * scenarios.length)];
        const full = scenario ? catalogue.get(scenario.id) : undefined;
        if (!full) continue;
        const seed = Math.floor(unit01(`seed:${key}`) * 0xffff_ffff);
        const played = playWithBot(createRun(full, seed), bot);
        const record = toRunRecord(played, uuidFrom(`run:${key}`), { startedAt: new Date(when.getTime() - 5 * 60 * 1000).toISOString() });
        await submitRun(store, catalogue, record, { userId: user.id, unitId: user.unitId }, when.toISOString());
        const stored = await store.getRun(record.id);
        if (stored) await recordAttempt(store, catalogue, stored, DEFAULT_XAPI_CONFIG.baseIri);
        runs += 1;
      }
    }
  }

  // One assignment per station made two months ago and now past due, and one due next month.
  let assignments = 0;
  const firstScenario = scenarios[0]?.id ?? '';
  for (const station of UNITS.filter((u) => u.kind === 'station')) {
    const instructor = users.find((u) => u.role === 'instructor' && u.unitId === station.id) ?? admin;
    await store.assignments.create({ scenarioId: firstScenario, unitId: station.id, userId: null, dueAt: new Date(now.getTime() - 30 * DAY_MS).toISOString(), createdBy: instructor.id, createdAt: new Date(now.getTime() - 60 * DAY_MS).toISOString() });
    await store.assignments.create({ scenarioId: firstScenario, unitId: station.id, userId: null, dueAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(), createdBy: instructor.id, createdAt: new Date(now.getTime() - 10 * DAY_MS).toISOString() });
    assignments += 2;
  }
  return { units: UNITS.length, users: users.length, runs, assignments };
}
