/** `npm run seed:demo`: fills an empty results store (DATABASE_URL, or PGlite under DATA_DIR) with the
 *  demo organisation, its users and months of bot-played history. Refuses a store that has users. */
import { resolve } from 'node:path';
import { seedDemo } from '../server/demo/seedDemo';
import { loadScenarioCatalogue } from '../server/scenarioCatalogue';
import { openPgliteRunStore } from '../server/store/PgliteRunStore';
import { openPgRunStore } from '../server/store/PgRunStore';

const url = process.env.DATABASE_URL;
const store = url ? openPgRunStore({ connectionString: url }) : await openPgliteRunStore(resolve(process.env.DATA_DIR ?? './data', 'pglite'));
try {
  await store.migrate();
  const started = Date.now();
  const summary = await seedDemo(store, loadScenarioCatalogue(), new Date());
  console.log(`Demo organisation ready: ${summary.units} units, ${summary.users} users, ${summary.runs} runs, ${summary.assignments} assignments (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  console.log('Sign in as admin, quanly.hn, hlv.caugiay or cb.an (see README for every account).');
} catch (error) {
  console.error(`The demo seed did not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
