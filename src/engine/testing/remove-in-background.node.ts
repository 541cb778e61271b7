import { spawn } from 'node:child_process';

/**
 * Deletes test folders in a detached `rm -rf` that outlives the test process, so a hook never waits on the disk.
 * A teardown that deleted ~33,000 exported files in the hook itself took over its 60 s timeout on a busy machine
 * and turned a green run red; the folders are under the system's temporary directory, so nothing depends on
 * them being gone before the next test file starts.
 */
export function removeInBackground(...paths: string[]): void {
  const child = spawn('rm', ['-rf', '--', ...paths], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
