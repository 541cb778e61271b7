import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportFiles } from './import-files';

const handWritten = (name: string) => new File([readFileSync(new URL(`../../engine/__fixtures__/hand-written/${name}`, import.meta.url), 'utf8')], name);
const designFile = () => new File([readFileSync(new URL('../../../e2e/fixtures/data/overlapping-sites.json', import.meta.url), 'utf8')], 'overlapping-sites.json');

describe('files picked with Import', () => {
  it('reads configs alone as before: laid out by the store, named by count', async () => {
    const r = await readImportFiles([handWritten('hub.conf'), handWritten('app.conf'), handWritten('db.conf')]);
    if ('error' in r) throw new Error(r.error);
    expect(r.layout).toBe(true);
    expect(r.source).toBe('3 configs');
    expect(r.done).toBe('Imported 4 hosts from 3 configs.');
  });

  it('reads a design JSON and configs as one import: the configs merged in as new hosts beside the design', async () => {
    const r = await readImportFiles([handWritten('app.conf'), designFile(), handWritten('db.conf')]);
    if ('error' in r) throw new Error(r.error);
    const ids = r.design.hosts.map((h) => h.id);
    expect(ids.slice(0, 3)).toEqual(['app-1', 'gw-office', 'gw-vpc']);
    expect(ids).toEqual(expect.arrayContaining(['app', 'db']));
    expect(r.source).toBe('overlapping-sites.json and 2 configs');
    expect(r.done).toBe(`Imported ${ids.length} hosts from overlapping-sites.json and 2 configs.`);
    // Already placed: the design keeps its positions and the configs' hosts sit to its right, none on another.
    expect(r.layout).toBe(false);
    const spots = new Set(r.design.hosts.map((h) => `${h.position.x},${h.position.y}`));
    expect(spots.size).toBe(ids.length);
  });

  it('refuses the whole import when a file cannot be read, naming each file and the line', async () => {
    const bad = new File(['[Interface]\nPrivateKey = EEAFip+dqv/ZLn3wCkOB3l+v8j2mmcals2g66bRx5kI=\nListenPort = many\n'], 'broken.conf');
    const r = await readImportFiles([bad, new File(['{"format":"nope"}'], 'old.json'), new File(['x'], 'notes.txt')]);
    if (!('error' in r)) throw new Error('imported');
    expect(r.error).toMatch(/broken\.conf line 3: ListenPort/);
    expect(r.error).toMatch(/old\.json is not a valid wg-designer design/);
    expect(r.error).toMatch(/notes\.txt is neither a wg-quick config \(\.conf\), saved wg output \(\.showconf, \.dump\) nor a design \(\.json\)/);
  });

  it('reads saved wg show all dump output beside wg-quick configs', async () => {
    const corpus = (p: string) => new File([readFileSync(new URL(`../../engine/import/__corpus__/${p}`, import.meta.url), 'utf8')], p.split('/').pop() ?? p);
    const r = await readImportFiles([corpus('dump/east.dump'), corpus('dump/west.dump')]);
    if ('error' in r) throw new Error(r.error);
    expect(r.design.hosts.map((h) => h.id)).toEqual(expect.arrayContaining(['east-wg0', 'east-wg1', 'west']));
  });
});
