import { describe, expect, it } from 'vitest';
import { nameFromComments } from './peer-names';

describe('nameFromComments', () => {
  it.each([
    ['wg-easy', ['Client: laptop-4 (7d3c1f2e-5b8a-4c6d-9e0f-1a2b3c4d5e6f)'], 'laptop-4'],
    ['wg-easy without an id', ['Client: Anna iPhone'], 'Anna iPhone'],
    ['wireguard-ui', ['ID:           cnf0abc\nName:         alice-laptop\nEmail:        alice@example.com'], 'alice-laptop'],
    ['Name = x', ['Name = build-runner'], 'build-runner'],
    ['wg-meshconf, inside the section', [null, 'Name: node-2'], 'node-2'],
    ['upper case tag', ['NAME: edge-7'], 'edge-7'],
    ['our own bundle', ['Peer pg-1 (tunnel t-hub-pg-1)'], 'pg-1'],
    ['a lone word', ['tablet.kids'], 'tablet.kids'],
  ])('reads %s', (_, comments, name) => {
    expect(nameFromComments(comments)).toBe(name);
  });

  it.each([
    ['a description of several words', ['a laptop nobody exported']],
    ['several lines with no tag', ['db-1 (primary)\nrack 4']],
    ['a commented-out key', ['PublicKey = abc=']],
    ['an empty tag', ['Name:   ']],
    ['nothing', [null, null]],
  ])('finds no name in %s', (_, comments) => {
    expect(nameFromComments(comments)).toBeNull();
  });

  it('prefers the comment above the section to the one inside it', () => {
    expect(nameFromComments(['Client: above', 'Name: inside'])).toBe('above');
  });
});
