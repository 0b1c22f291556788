/** The training manager's dashboard API: compliance, competencies, trends, most failed criteria,
 *  drill-down unit -> trainee -> run, and CSV and XLSX export. Instructors, managers and admins only; every
 *  query runs within the caller's scope from access/policy.ts. */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { canSeeUnit, canSeeUser, runScope, signedIn, type Principal } from '../access/policy';
import { callerOf } from '../auth/sessions';
import { toCsv } from '../dashboard/csv';
import { EXPORT_LANGS, exportText } from '../dashboard/exportText';
import { compliance, failedCriteria, REPORTS, reportTable } from '../dashboard/reports';
import { toXlsx } from '../dashboard/xlsx';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { DashboardFilter } from '../store/DashboardStore';
import type { SqlStore } from '../store/SqlStore';
import { ApiError } from './ApiError';
import { validate } from './validate';

const Filter = z.object({
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
  unitId: z.string().min(1).max(64).optional(),
  scenarioId: z.string().min(1).max(100).optional(),
  lang: z.enum(EXPORT_LANGS).default('vi'),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });
const UserParams = z.object({ id: z.uuid() });
const ExportParams = z.object({ report: z.enum(REPORTS) });

export function dashboardRouter(store: SqlStore, catalogue: ScenarioCatalogue, now: () => Date): Router {
  const router = Router();

  async function context(req: Request, res: Response): Promise<{ caller: Principal; filter: DashboardFilter; lang: 'vi' | 'en' }> {
    const caller = signedIn(callerOf(res), 'dashboard.read');
    const q = validate(Filter, req.query, 'filter');
    const filter: DashboardFilter = {};
    if (q.from !== undefined) filter.from = q.from;
    if (q.to !== undefined) filter.to = q.to;
    if (q.scenarioId !== undefined) filter.scenarioId = q.scenarioId;
    if (q.unitId !== undefined) {
      const unit = await store.accounts.getUnit(q.unitId);
      if (!unit || !canSeeUnit(caller, unit)) throw new ApiError(404, 'notFound', `No unit "${q.unitId}".`);
      filter.unitPath = unit.path;
    }
    return { caller, filter, lang: q.lang };
  }

  router.get('/compliance', async (req, res) => {
    const { caller, filter } = await context(req, res);
    res.json(await compliance(store, catalogue, caller, filter, now()));
  });

  router.get('/competencies', async (req, res) => {
    const { caller, filter } = await context(req, res);
    res.json(await store.dashboard.competencies(runScope(caller), filter));
  });

  router.get('/trends', async (req, res) => {
    const { caller, filter } = await context(req, res);
    res.json(await store.dashboard.trends(runScope(caller), filter));
  });

  router.get('/failed-criteria', async (req, res) => {
    const { caller, filter } = await context(req, res);
    res.json(await failedCriteria(store, catalogue, caller, filter));
  });

  router.get('/units/:id/trainees', async (req, res) => {
    const { caller, filter } = await context(req, res);
    const { id } = validate(IdParams, req.params, 'unit id');
    const unit = await store.accounts.getUnit(id);
    if (!unit || !canSeeUnit(caller, unit)) throw new ApiError(404, 'notFound', `No unit "${id}".`);
    res.json(await store.dashboard.trainees(unit.id, runScope(caller), filter));
  });

  router.get('/trainees/:id/runs', async (req, res) => {
    const { caller, filter } = await context(req, res);
    const { id } = validate(UserParams, req.params, 'user id');
    const user = await store.accounts.getUser(id);
    const unit = user ? await store.accounts.getUnit(user.unitId) : null;
    if (!user || !unit || !canSeeUser(caller, user, unit.path)) throw new ApiError(404, 'notFound', `No trainee ${id}.`);
    res.json(await store.dashboard.runsOf(user.id, runScope(caller), filter));
  });

  router.get('/export/:report.csv', async (req, res) => {
    const { caller, filter, lang } = await context(req, res);
    const { report } = validate(ExportParams, req.params, 'report');
    const table = await reportTable(report, store, catalogue, caller, filter, now(), lang);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="fireground-${report}.csv"`);
    res.send(toCsv(table));
  });

  router.get('/export/:report.xlsx', async (req, res) => {
    const { caller, filter, lang } = await context(req, res);
    const { report } = validate(ExportParams, req.params, 'report');
    const table = await reportTable(report, store, catalogue, caller, filter, now(), lang);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="fireground-${report}.xlsx"`);
    res.send(await toXlsx(table, exportText(lang, `sheet.${report}`)));
  });

  return router;
}
