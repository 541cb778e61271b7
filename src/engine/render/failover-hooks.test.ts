import { describe, expect, it } from 'vitest';
import { HOOK_FILES, renderFailoverHooks } from './failover-hooks';

const group = { id: 'orders', address: '10.20.0.100/32', primary: 'pg-1', replica: 'pg-2' };

describe('renderFailoverHooks', () => {
  const hooks = renderFailoverHooks(group, 'pg-2');

  it('writes one wrapper per tool, each running the member\'s own promote script', () => {
    expect(hooks.map((h) => h.file)).toEqual(['patroni-on-role-change.sh', 'repmgr-event.sh', 'keepalived-notify.sh']);
    expect(HOOK_FILES).toEqual(hooks.map((h) => h.file));
    for (const h of hooks) {
      expect(h.content).toContain('promote="$(cd "$(dirname "$0")/../.." && pwd)/promote-pg-2.sh"');
      expect(h.content).toContain('exec "$promote"');
      expect(h.content).not.toContain('pg-1');
    }
  });

  it('acts on each tool\'s promotion event only', () => {
    const [patroni, repmgr, keepalived] = hooks.map((h) => h.content);
    expect(patroni).toContain('case "$2" in master|primary) ;;');
    expect(patroni).toContain('case "$#" in 3) ;;');
    expect(repmgr).toContain('[ "$2" = standby_promote ]');
    expect(repmgr).toContain('case "$#" in 3|4|5) ;;');
    expect(keepalived).toContain('[ "$3" = MASTER ]');
    expect(keepalived).toContain('case "$#" in 3|4) ;;');
  });

  it('only compares the tools\' arguments, and logs them cut to a safe alphabet', () => {
    for (const h of hooks) {
      expect(h.content).not.toMatch(/eval|\$\(\s*"\$[1-5]"|bash -c/);
      expect(h.content).toContain('ignore() { log "ignored: $(clean "$*")"; exit 0; }');
    }
  });
});
