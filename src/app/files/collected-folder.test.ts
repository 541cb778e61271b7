import { describe, expect, it } from 'vitest';
import { fleetOfFiles, pickedFolderFiles } from './collected-folder';

const file = (path: string, text: string) => ({ path, file: new File([text], path.split('/').at(-1) ?? path) });

describe('a collected folder', () => {
  it('groups files by the folder they sit in, whatever holds those folders', async () => {
    const r = await fleetOfFiles([file('collected/app-1/wg-dump.txt', 'a'), file('collected/pg/wg-dump.txt', 'b'), file('collected/notes.txt', 'c'), file('loose.txt', 'd')]);
    expect(r).toEqual({ fleet: { 'app-1': { 'wg-dump.txt': 'a' }, pg: { 'wg-dump.txt': 'b' }, collected: { 'notes.txt': 'c' } }, source: 'collected/ (3 hosts)' });
  });

  it('names a single host folder dropped on its own, and refuses files without folders', async () => {
    expect(await fleetOfFiles([file('app-1/wg-dump.txt', 'a')])).toEqual({ fleet: { 'app-1': { 'wg-dump.txt': 'a' } }, source: 'app-1' });
    expect(await fleetOfFiles([file('wg-dump.txt', 'a')])).toEqual({ error: 'no host folders in it: drop the folder that holds one folder per host, as collect.sh writes them' });
  });

  it('takes a picked file\'s path from webkitRelativePath', () => {
    const f = new File(['x'], 'wg-dump.txt');
    Object.defineProperty(f, 'webkitRelativePath', { value: 'collected/app-1/wg-dump.txt' });
    expect(pickedFolderFiles([f]).map((x) => x.path)).toEqual(['collected/app-1/wg-dump.txt']);
  });
});
