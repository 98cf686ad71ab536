/**
 * Test fixtures: accounts and deals written straight into the deals module's tables (its `tables.ts`), so the
 * feedback tests do not depend on how that module stores them through its own code.
 */
import type { DbOrTx } from '../../db/database.ts';
import { accountSources, accounts, deals } from '../deals/tables.ts';

export const dealsSeed = {
  async insertAccounts(db: DbOrTx, rows: (typeof accounts.$inferInsert)[]) {
    return db.insert(accounts).values(rows).returning({ id: accounts.id });
  },
  async insertAccountSources(db: DbOrTx, rows: (typeof accountSources.$inferInsert)[]) {
    await db.insert(accountSources).values(rows);
  },
  async insertDeals(db: DbOrTx, rows: (typeof deals.$inferInsert)[]) {
    return db.insert(deals).values(rows).returning({ id: deals.id });
  },
};
