import { accessSync, constants } from 'node:fs';

/** True when `tool` is an executable in one of `path`'s folders (as the shell would find it). */
export function onPath(tool: string, path: string = process.env.PATH ?? ''): boolean {
  return path.split(':').some((d) => {
    if (d === '') return false;
    try {
      accessSync(`${d}/${tool}`, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
