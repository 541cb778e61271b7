import { statSync } from 'node:fs';
import { promoteInDesignText } from '../../engine';
import { CliError, readText, writeAtomic } from '../io';
import { loadDesign } from '../load-design';

export interface PromoteArgs {
  design: string;
  group?: string;
  /** The member that must end as primary: repeating the command then changes nothing. */
  host?: string;
}

/**
 * `promote design.json --group orders [--host pg-2]`: records a failover in the design, so the next export makes
 * the promoted member the primary and re-installing follows the failover instead of undoing it. Only the group's
 * `primary` and `replica` values change in the file (every other byte stays); the keys file is not touched.
 */
export function runPromote(args: PromoteArgs, log: (s: string) => void): number {
  if (args.group === undefined) throw new CliError('promote needs --group <failover group id>', 2);
  loadDesign(args.design);
  const r = promoteInDesignText(readText(args.design), args.group, args.host);
  if (!r.ok) throw new CliError(`nothing was changed: ${r.problem}`, 2);
  if (!r.changed) {
    log(`${args.group}: ${r.primary} is already the primary in ${args.design}; unchanged`);
    return 0;
  }
  writeAtomic(args.design, r.text, statSync(args.design).mode & 0o777);
  log(`${args.group}: ${r.primary} is now the primary and ${r.replica} the replica in ${args.design} (only those two values changed); `
    + 'export again and run install.sh of the new bundle on every host');
  return 0;
}
