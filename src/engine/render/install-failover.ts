import type { FailoverGroup } from '../model/design';
import { failoverStatePath } from './failover-state';

/**
 * install.sh's guard against failing back: a promote script records the member it made active on this host
 * (`failoverStatePath`); a bundle exported before the promotion still names the old primary, and installing it
 * would move the floating address back while the database runs on the other member. So install.sh refuses, before
 * changing anything, unless WG_DESIGNER_ALLOW_FAILBACK=1. Ids are `[a-z0-9-]`; the file's text is checked too.
 */
export function failoverGuardLines(groups: readonly Pick<FailoverGroup, 'id' | 'primary'>[]): string[] {
  if (groups.length === 0) return [];
  return [
    '# A failover promoted another member since this bundle was made: installing it would fail back.',
    ...groups.flatMap((g) => {
      const file = failoverStatePath(g.id);
      return [
        `if [ -f ${file} ]; then`,
        `  active=$(head -n 1 ${file})`,
        '  case "$active" in ""|*[!a-z0-9-]*) active="(unreadable)" ;; esac',
        `  if [ "$active" != ${g.primary} ]; then`,
        '    if [ "${WG_DESIGNER_ALLOW_FAILBACK:-0}" = 1 ]; then',
        `      echo "install.sh: failover group ${g.id}: failing back from $active to ${g.primary} (WG_DESIGNER_ALLOW_FAILBACK=1)" >&2`,
        '    else',
        `      fail "failover group ${g.id}: this host has $active active (${file}, written by promote-$active.sh), but this bundle makes ${g.primary} the primary: installing it would fail back. Run \\\`wg-designer promote <design.json> --group ${g.id}\\\`, export and install the new bundle; or set WG_DESIGNER_ALLOW_FAILBACK=1 to fail back on purpose. Nothing was changed"`,
        '    fi',
        '  fi',
        'fi',
      ];
    }),
  ];
}

/** After a committed install: the state file of each group this host recorded names the bundle's primary again. */
export function failoverRecordLines(groups: readonly Pick<FailoverGroup, 'id' | 'primary'>[]): string[] {
  return groups.flatMap((g) => {
    const file = failoverStatePath(g.id);
    return [`if [ -f ${file} ]; then printf '%s\\n' ${g.primary} > ${file}.new && mv -f ${file}.new ${file}; fi`];
  });
}
