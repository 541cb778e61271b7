import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDroppedConfigs } from './file-drop';

const fixture = (name: string) => new File([readFileSync(new URL(`../../engine/__fixtures__/hand-written/${name}`, import.meta.url))], name);

describe('importDroppedConfigs', () => {
  it('shows what was not kept and the guessed roles among the notices', async () => {
    const r = await importDroppedConfigs(['hub.conf', 'app.conf', 'db.conf'].map(fixture));
    if ('error' in r) throw new Error(r.error);
    expect(r.warnings[0]).toMatch(/^hub\.conf: PostUp not kept \(iptables -A FORWARD -i %i -j ACCEPT\): the bundle runs no hooks/);
    expect(r.warnings).toContain('guess: hub: gateway (app routes 10.0.0.0/24 through it)');
    expect(r.warnings).toContain('guess: db: gateway (lans 192.168.77.0/24: hub routes them to it)');
  });
});
