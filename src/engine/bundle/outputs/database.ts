import { DATABASE_DROP_IN, databaseUnit, renderDatabaseAccess, renderDatabaseDropIn } from '../../render/database-access';
import type { Output } from './output';

/**
 * `<host>/database/`: the database's own access rules from the flows (pg_hba.conf lines, listen addresses, MySQL
 * grants, Redis bind), for the operator to merge, and the systemd drop-in install.sh installs so the database
 * starts after wg0.
 */
export const database: Output = {
  id: 'database',
  host: ({ plan }) => (hp) => [
    ...renderDatabaseAccess(plan, hp).map((f) => ({ path: `${hp.id}/database/${f.name}`, content: f.content, mode: 0o644 })),
    ...(databaseUnit(hp) ? [{ path: `${hp.id}/database/${DATABASE_DROP_IN}`, content: renderDatabaseDropIn(hp), mode: 0o644 }] : []),
  ],
};
