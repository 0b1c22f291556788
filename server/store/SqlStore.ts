/** The whole results store on one database: runs (inherited), accounts, assignments and dashboard
 *  queries, all over the same SqlClient and migrations. Holds SQL only; no access decisions. */
import { AccountStore } from './AccountStore';
import { AssignmentStore } from './AssignmentStore';
import { DashboardStore } from './DashboardStore';
import type { SqlClient } from './SqlClient';
import { SqlRunStore } from './SqlRunStore';

export class SqlStore extends SqlRunStore {
  readonly accounts: AccountStore;
  readonly assignments: AssignmentStore;
  readonly dashboard: DashboardStore;

  constructor(db: SqlClient) {
    super(db);
    this.accounts = new AccountStore(db);
    this.assignments = new AssignmentStore(db);
    this.dashboard = new DashboardStore(db);
  }
}
