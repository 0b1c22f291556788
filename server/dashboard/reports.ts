/** Builds the dashboard's reports for one caller: the compliance matrix (units x assignments), the
 *  competency heatmap, trends and most failed criteria, plus each as a table for export. Reads through
 *  the store with the scopes policy.ts gives; decides no access itself. */
import { canSeeUnit, peopleFilter, runScope, type Principal } from '../access/policy';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { AssignmentStatus } from '../store/AssignmentStore';
import type { DashboardFilter } from '../store/DashboardStore';
import type { SqlStore } from '../store/SqlStore';
import type { Cell } from './csv';
import { exportText, type ExportLang } from './exportText';

export interface ComplianceCell {
  assignmentId: string;
  people: number;
  counts: Record<AssignmentStatus, number>;
  /** Completed as a percentage of the people assigned, one decimal. */
  completionRate: number;
}
export interface Compliance {
  assignments: { id: string; scenarioId: string; title: { vi: string; en: string }; dueAt: string; unitId: string | null; userId: string | null }[];
  rows: { unitId: string; unitName: string; cells: ComplianceCell[] }[];
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export async function compliance(store: SqlStore, catalogue: ScenarioCatalogue, caller: Principal, filter: DashboardFilter, now: Date): Promise<Compliance> {
  const units = (await store.accounts.listUnits(filter.unitPath ?? '')).filter((u) => canSeeUnit(caller, u));
  const counts = await store.assignments.statusCounts(peopleFilter(caller), now, filter.scenarioId === undefined ? {} : { scenarioId: filter.scenarioId });
  const byId = new Map((await store.assignments.all()).map((a) => [a.id, a]));
  const assignmentIds = [...new Set(counts.map((c) => c.assignmentId))];
  const byCell = new Map(counts.map((c) => [`${c.unitId}/${c.assignmentId}`, c.counts]));
  const rows = units
    .map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      cells: assignmentIds.map((assignmentId): ComplianceCell => {
        const found = byCell.get(`${unit.id}/${assignmentId}`);
        const cell = found === undefined ? { assigned: 0, inProgress: 0, completed: 0, overdue: 0 } : { ...found };
        const people = cell.assigned + cell.inProgress + cell.completed + cell.overdue;
        return { assignmentId, people, counts: cell, completionRate: pct(cell.completed, people) };
      }),
    }))
    .filter((r) => r.cells.some((c) => c.people > 0));
  return {
    assignments: assignmentIds.flatMap((id) => {
      const a = byId.get(id);
      if (!a) return [];
      return [{ id, scenarioId: a.scenarioId, title: catalogue.get(a.scenarioId)?.title ?? { vi: a.scenarioId, en: a.scenarioId }, dueAt: a.dueAt, unitId: a.unitId, userId: a.userId }];
    }),
    rows,
  };
}

export async function failedCriteria(store: SqlStore, catalogue: ScenarioCatalogue, caller: Principal, filter: DashboardFilter) {
  const rows = await store.dashboard.failedCriteria(runScope(caller), filter);
  return rows.map((r) => {
    const criterion = catalogue.get(r.scenarioId)?.rubric.criteria.find((c) => c.id === r.criterionId);
    return { ...r, title: criterion?.title ?? { vi: r.criterionId, en: r.criterionId }, competency: criterion?.competency ?? null, failRate: pct(r.failed, r.total) };
  });
}

export const REPORTS = ['compliance', 'competencies', 'trends', 'failed-criteria'] as const;
export type ReportName = (typeof REPORTS)[number];

/** One report as a heading row plus data rows, for CSV and XLSX alike. */
export async function reportTable(name: ReportName, store: SqlStore, catalogue: ScenarioCatalogue, caller: Principal, filter: DashboardFilter, now: Date, lang: ExportLang): Promise<Cell[][]> {
  const t = (k: Parameters<typeof exportText>[1]): string => exportText(lang, k);
  switch (name) {
    case 'compliance': {
      const c = await compliance(store, catalogue, caller, filter, now);
      const head: Cell[] = [t('unit'), t('scenario'), t('dueAt'), t('people'), t('completed'), t('inProgress'), t('assigned'), t('overdue'), t('completionRate')];
      return [
        head,
        ...c.rows.flatMap((row) =>
          row.cells.filter((cell) => cell.people > 0).map((cell): Cell[] => {
            const a = c.assignments.find((x) => x.id === cell.assignmentId);
            return [row.unitName, a?.title[lang] ?? '', a?.dueAt.slice(0, 10) ?? '', cell.people, cell.counts.completed, cell.counts.inProgress, cell.counts.assigned, cell.counts.overdue, cell.completionRate];
          }),
        ),
      ];
    }
    case 'competencies': {
      const names = new Map((await store.accounts.listUnits()).map((u) => [u.id, u.name]));
      const cells = await store.dashboard.competencies(runScope(caller), filter);
      return [[t('unit'), t('competency'), t('passed'), t('total'), t('passRate')], ...cells.map((c): Cell[] => [names.get(c.unitId) ?? c.unitId, c.competency, c.passed, c.total, pct(c.passed, c.total)])];
    }
    case 'trends': {
      const months = await store.dashboard.trends(runScope(caller), filter);
      return [[t('month'), t('runs'), t('passed'), t('passRate'), t('averagePercent')], ...months.map((m): Cell[] => [m.month, m.runs, m.passed, pct(m.passed, m.runs), m.averagePercent])];
    }
    case 'failed-criteria': {
      const rows = await failedCriteria(store, catalogue, caller, filter);
      return [[t('scenario'), t('criterion'), t('competency'), t('failed'), t('total')], ...rows.map((r): Cell[] => [catalogue.get(r.scenarioId)?.title[lang] ?? r.scenarioId, r.title[lang], r.competency, r.failed, r.total])];
    }
  }
}
