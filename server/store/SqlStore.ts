/** The whole results store on one database: runs (inherited), accounts, assignments, dashboard
 *  queries, xAPI statements and the scenario library, over one SqlClient and migrations. SQL only; no access decisions. */
import { AccountStore } from './AccountStore';
import { AssignmentStore } from './AssignmentStore';
import { DashboardStore } from './DashboardStore';
import type { SqlClient } from './SqlClient';
import { SqlRunStore } from './SqlRunStore';
import { ScenarioStore } from './ScenarioStore';
import { XapiStore } from './XapiStore';

export class SqlStore extends SqlRunStore {
  readonly accounts: AccountStore;
  readonly assignments: AssignmentStore;
  readonly dashboard: DashboardStore;
  readonly xapi: XapiStore;
  readonly scenarios: ScenarioStore;

  constructor(db: SqlClient) {
    super(db);
    this.accounts = new AccountStore(db);
    this.assignments = new AssignmentStore(db);
    this.dashboard = new DashboardStore(db);
    this.xapi = new XapiStore(db);
    this.scenarios = new ScenarioStore(db);
  }

  /** The connection itself, for the rate-limit counters (server/limits), which bring their own SQL. */
  get client(): SqlClient {
    return this.db;
  }
}
