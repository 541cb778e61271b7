import { existsSync, readFileSync } from 'node:fs';
import type { LabBundle } from './bundle';
import type { Server } from './expectations';
import { psql } from './probes';
import type { CheckResult } from './results';
import type { NsOf } from './run-probes';

/** The bundle's `database/pg_hba.conf` of the database host a server runs on, or null (a lan service, no file). */
export function hbaOf(bundle: LabBundle, s: Server): string | null {
  if (s.kind !== 'postgresql' || s.where.kind !== 'host') return null;
  const folder = bundle.hosts.get(s.where.id)?.folder;
  const path = folder ? `${folder}/database/pg_hba.conf` : '';
  return path && existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/**
 * PostgreSQL itself refuses an overlay address no flow names: the database host connects to its own overlay address,
 * so the packet goes over loopback, which the firewall lets through, and only the bundle's pg_hba.conf lines stand in
 * the way (the flows' sources connect in the flow checks, over TLS with a password).
 */
export async function checkPgHba(bundle: LabBundle, servers: readonly Server[], nsOf: NsOf): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const s of servers) {
    const address = s.addresses[0];
    if (s.where.kind !== 'host' || hbaOf(bundle, s) === null || !address) continue;
    const r = await psql(nsOf(s.where), address, s.port, 'select 1');
    const refused = !r.ok && r.detail.includes('no pg_hba.conf entry');
    out.push({
      group: 'denial',
      label: `${s.where.id}: PostgreSQL itself refuses ${address}:${s.port} from ${address}, an overlay address no flow names (pg_hba.conf)`,
      ok: refused,
      detail: r.ok ? 'GOT THROUGH: pg_hba.conf let it in' : r.detail,
    });
  }
  return out;
}
