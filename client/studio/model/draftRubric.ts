/** "Draft the rubric": criteria proposed from what the draft holds (each fire out within a time, no
 *  victim dies, casualties brought out, gas valves shut, no shock from live electrics, air discipline,
 *  weak floors). The author accepts, edits or drops each one. Pure: the draft in, criteria out. */
import { AGENT_MATRIX, type Criterion, type Scenario } from '../../../engine/index';
import { floodFillCells } from './cellTools';

const L = (vi: string, en: string) => ({ vi, en });

function fb(passVi: string, passEn: string, failVi: string, failEn: string): Criterion['feedback'] {
  return { pass: L(passVi, passEn), fail: L(failVi, failEn) };
}

const list = <T,>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

type Placed = { floor: string; x: number; y: number };

function cellOf(s: Scenario, p: Placed): string {
  return s.world.floors.find((f) => f.id === p.floor)?.rows[p.y]?.[p.x] ?? '';
}

/** Whether two things stand in the same room: one stretch of floor cells not cut by walls or doors. */
function sameRoom(s: Scenario, a: Placed, b: Placed): boolean {
  const rows = s.world.floors.find((f) => f.id === a.floor)?.rows;
  if (!rows || a.floor !== b.floor) return false;
  return floodFillCells(rows, a).some((c) => c.x === b.x && c.y === b.y);
}

/** Proposed criteria for `s`, each with a unique id; at least one. */
export function draftRubric(s: Scenario): Criterion[] {
  const out: Criterion[] = [];
  const items = list(s.world.items);
  const victims = list(s.world.victims).filter((v) => !v.hidden);
  const limit = Math.max(60, s.timeLimitS || 600);
  const fires = items.filter((i) => i.ignitedAtS !== undefined);
  for (const fire of fires) {
    const within = Math.min(limit, Math.max(120, Math.round((limit * 2) / 3 / 30) * 30));
    out.push({
      id: `${fire.id}-out`, kind: 'time', event: 'FIRE_OUT', withinS: within, where: { itemId: fire.id },
      title: L(`Dập tắt ${fire.name.vi} trong ${Math.round(within / 60)} phút`, `${fire.name.en} out within ${Math.round(within / 60)} min`),
      weight: 2, competency: 'interiorAttack', doctrine: 'NFPA 1001: tấn công bên trong',
      feedback: fb('Đám cháy được dập tắt kịp thời.', 'The fire was put out in time.', 'Đám cháy kéo dài quá lâu.', 'The fire burned for too long.'),
    });
  }
  if (victims.length > 0) {
    out.push({
      id: 'no-deaths', kind: 'critical', event: 'VICTIM_DIED', title: L('Không để nạn nhân tử vong', 'Nobody dies'),
      weight: 3, competency: 'searchRescue', doctrine: 'Luật PCCC và CNCH 55/2024/QH15: cứu người là trên hết',
      feedback: fb('Mọi nạn nhân đều được cứu sống.', 'Everyone survived.', 'Có nạn nhân tử vong: cứu người phải là ưu tiên đầu tiên.', 'Someone died: saving life comes first.'),
    });
    // Only casualties inside need carrying out; those already in the open are treated where they lie.
    const carried = victims.filter((v) => v.mobility !== 'walks' && !v.trapped && cellOf(s, v) !== ',').length;
    if (carried > 0) {
      out.push({
        id: 'victims-rescued', kind: 'count', event: 'VICTIM_RESCUED', atLeast: carried,
        title: L(`Đưa ${carried} nạn nhân ra an toàn`, `${carried} casualt${carried === 1 ? 'y' : 'ies'} brought out`),
        weight: 3, competency: 'searchRescue', doctrine: 'NFPA 1001: tìm kiếm cứu nạn',
        feedback: fb('Các nạn nhân được đưa ra an toàn.', 'The casualties were brought out.', 'Chưa đưa hết nạn nhân ra ngoài.', 'Not every casualty was brought out.'),
      });
    }
    const trapped = victims.filter((v) => v.trapped).length;
    if (trapped > 0 && list(s.crew).some((c) => list(c.tools).includes('hydraulicSpreader'))) {
      out.push({
        id: 'victims-freed', kind: 'count', event: 'VICTIM_FREED', atLeast: trapped,
        title: L('Giải thoát người mắc kẹt', 'Trapped casualties freed'),
        weight: 2, competency: 'searchRescue', doctrine: 'NFPA 1001: tìm kiếm cứu nạn',
        feedback: fb('Người mắc kẹt đã được giải thoát.', 'The trapped were freed.', 'Còn người mắc kẹt chưa được giải thoát.', 'Someone was left trapped.'),
      });
    }
    if (s.category === 'massCasualty' || s.category === 'vehicle') {
      out.push({
        id: 'triage-right', kind: 'count', event: 'VICTIM_TRIAGED', atLeast: victims.length, where: { correct: true },
        title: L('Phân loại đúng mọi nạn nhân theo START', 'Every casualty tagged right by START'),
        weight: 3, competency: 'triage', doctrine: 'START: phân loại nạn nhân dưới 30 giây',
        feedback: fb('Phân loại đúng và đủ.', 'Everyone was tagged right.', 'Có nạn nhân chưa được phân loại đúng.', 'Someone was not tagged right.'),
      });
      out.push({
        id: 'no-wrong-tag', kind: 'forbidden', event: 'VICTIM_TRIAGED', where: { correct: false },
        title: L('Không gắn thẻ sai', 'No wrong tag'),
        weight: 2, competency: 'triage', doctrine: 'START: phân loại nạn nhân dưới 30 giây',
        feedback: fb('Không có thẻ sai.', 'No tag was wrong.', 'Có thẻ phân loại sai: kiểm tra đi lại, thở, tưới máu, ý thức theo thứ tự.', 'A tag was wrong: check walking, breathing, perfusion and commands in order.'),
      });
    }
  }
  const agents = list(s.crew).flatMap((c) => list(c.equipment).map((e) => e.agent));
  if (agents.some((a) => fires.some((f) => AGENT_MATRIX[a][f.fireClass] === 'flareUp'))) {
    out.push({
      id: 'no-flare-up', kind: 'critical', event: 'AGENT_FLARE_UP', title: L('Không phun nước vào dầu đang cháy', 'No water on burning oil'),
      weight: 3, competency: 'portableExtinguishers', doctrine: 'TCVN 4878:2009 (ISO 3941): phân loại đám cháy',
      feedback: fb('Chọn đúng chất chữa cháy cho loại đám cháy.', 'The right agent for the class of fire.', 'Sai chất chữa cháy làm lửa bùng lên: dầu ăn (loại F) cần hóa chất ướt.', 'The wrong agent made the fire flare up: cooking oil (class F) needs wet chemical.'),
    });
  }
  // A valve counts when the gas stands in a room that is on fire: that is when shutting it is the job.
  if (items.some((i) => i.valve === 'open' && fires.some((f) => sameRoom(s, f, i)))) {
    out.push({
      id: 'gas-valve-shut', kind: 'count', event: 'VALVE_CLOSED', atLeast: 1, title: L('Khóa van gas', 'Gas valve shut'),
      weight: 2, competency: 'hazardControl', doctrine: 'Khóa van gas trước khi dập cháy',
      feedback: fb('Van gas đã được khóa.', 'The gas valve was shut.', 'Van gas vẫn mở: nguy cơ nổ bình.', 'The gas valve was left open: the cylinder may fail.'),
    });
  }
  if (items.some((i) => i.failureS !== undefined)) {
    out.push({
      id: 'no-cylinder-failure', kind: 'critical', event: 'LPG_FAILURE', title: L('Không để bình gas nổ', 'No cylinder fails'),
      weight: 2, competency: 'hazardControl', doctrine: 'Khóa van gas trước khi dập cháy',
      feedback: fb('Bình gas được kiểm soát.', 'The cylinder was kept safe.', 'Bình gas bị nổ vì bị nung nóng.', 'A heated cylinder failed.'),
    });
  }
  if (items.some((i) => i.electrics === 'live')) {
    out.push({
      id: 'power-before-water', kind: 'critical', event: 'ELECTRIC_SHOCK', title: L('Cắt điện trước khi phun nước', 'Power off before water'),
      weight: 1, competency: 'safetyPpe', doctrine: 'Cắt điện trước khi phun nước',
      feedback: fb('Đã cắt điện trước khi phun nước.', 'The power was isolated before water went on.', 'Phun nước khi còn điện: nguy cơ điện giật.', 'Water on live electrics: electrocution risk.'),
    });
  }
  if (list(s.crew).some((c) => c.breathingSet !== undefined)) {
    out.push({
      id: 'air-discipline', kind: 'forbidden', event: 'AIR_EMPTY', title: L('Không để hết khí thở', 'Never run out of air'),
      weight: 1, competency: 'breathingApparatus', doctrine: 'EN 137: quay ra trước khi còi báo',
      feedback: fb('Quản lý khí thở tốt.', 'Good air management.', 'Có chiến sĩ hết khí thở: phải quay ra khi còi báo.', 'Someone ran out of air: turn round at the alarm.'),
    });
  }
  if (list(s.world.hazards).length > 0) {
    out.push({
      id: 'no-crew-injured', kind: 'forbidden', event: 'CREW_INJURED', title: L('Không có chiến sĩ bị thương', 'No firefighter hurt'),
      weight: 1, competency: 'safetyPpe', doctrine: 'NFPA 1001: an toàn và trang bị bảo hộ',
      feedback: fb('Không ai bị thương.', 'Nobody was hurt.', 'Có chiến sĩ bị thương do sàn sập.', 'A firefighter was hurt when a floor gave way.'),
    });
  }
  if (out.length === 0) {
    out.push({
      id: 'no-deaths', kind: 'critical', event: 'VICTIM_DIED', title: L('Không để ai tử vong', 'Nobody dies'),
      weight: 1, competency: 'safetyPpe', doctrine: 'Luật PCCC và CNCH 55/2024/QH15: cứu người là trên hết',
      feedback: fb('Không ai tử vong.', 'Nobody died.', 'Có người tử vong.', 'Someone died.'),
    });
  }
  return out;
}
