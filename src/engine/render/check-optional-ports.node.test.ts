import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { ep, sketchDesign } from '../testing/design-builder';
import { renderCheckScript } from './check-script';

// Issue 22: a MySQL replication flow opens 3306 and 33061 (group replication); a pair that runs plain async
// replication has nothing on 33061, and check.sh must not call that healthy host broken.
const plan = buildPlan(sketchDesign({
  hosts: [
    { id: 'my-1', role: 'db', endpoint: ep(1), database: { engine: 'mysql' } },
    { id: 'my-2', role: 'db', endpoint: ep(2), database: { engine: 'mysql' } },
  ],
  tunnels: [['my-1', 'my-2']],
  flows: [{ from: 'my-1', to: 'my-2', kind: 'replication' }],
}, { keys: true }));
const script = renderCheckScript(plan, plan.byId.get('my-1') ?? expect.fail('no my-1'));

/** A local port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : expect.fail('no port');
}

describe('check.sh on a replication flow\'s optional ports', () => {
  it('connects to the client port and accepts a refused connect on the group replication port', () => {
    expect(script).toContain('tcp_connect 10.10.0.2 3306 f-my-1-my-2');
    expect(script).toContain('tcp_connect_optional 10.10.0.2 33061 f-my-1-my-2');
    const lint = spawnSync('shellcheck', ['--severity=style', '-'], { input: script, encoding: 'utf8' });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });

  it('says OK when nothing listens, FAIL when the connect is not refused but lost', async () => {
    const lines = script.split('\n');
    const start = lines.indexOf('tcp_connect_optional() { # address port flow-id');
    const body = lines.slice(start, lines.indexOf('}', start) + 1);
    const helpers = lines.filter((l) => l.startsWith('ok() ') || l.startsWith('bad() '));
    const run = (address: string, port: number, netns = false) => {
      const text = ['fails=0', ...helpers, ...body, `tcp_connect_optional ${address} ${port} f-my-1-my-2`, 'exit "$fails"'].join('\n');
      return netns ? spawnSync('unshare', ['--net', 'bash', '-c', text], { encoding: 'utf8' }) : spawnSync('bash', ['-c', text], { encoding: 'utf8' });
    };
    const refused = run('127.0.0.1', await closedPort());
    expect(refused.status, refused.stdout).toBe(0);
    expect(refused.stdout).toContain('gets through, nothing listens');
    // In an empty network namespace nothing answers (no route, as our own reject or a drop): not a refused connect.
    const dropped = run('192.0.2.1', 33061, true);
    expect(dropped.status, dropped.stdout).toBe(1);
    expect(dropped.stdout).toContain('FAIL  flow f-my-1-my-2: TCP 192.0.2.1 port 33061 does not connect');
  }, 20_000);
});
