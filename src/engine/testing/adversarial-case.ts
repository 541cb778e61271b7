import type { ConfigFile } from '../import/import-configs';

/** What a case feeds the engine: design JSON text, a share-link fragment, or wg-quick configs to import. */
export type CaseInput =
  | { kind: 'design-text'; text: string }
  | { kind: 'link'; fragment: string }
  | { kind: 'configs'; files: ConfigFile[] };

/** One hostile input and what must become of it. */
export interface AdversarialCase {
  /** `<field>--<payload>`, `[a-z0-9-]`: also the name of the canary file its payloads try to create. */
  id: string;
  /** The field it attacks, as a path (`hosts[].name`, `link`, `AllowedIPs`). */
  field: string;
  input: CaseInput;
  /** `reject`: the parser, importer or codec must refuse it; `export`: it must be accepted and exported. */
  expect: 'reject' | 'export' | 'either';
  /** A refusal's message must match this: it names the field (or, for whole-input limits, the limit). */
  names: RegExp;
}

/** A case id part from any label: lowercase `[a-z0-9-]`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * A regex for a field path as `formatFieldError` writes it: `hosts[3].id` matches `hosts[3].id` and
 * `hosts[3] (app-1).id`, since the path names each list item's id where it can.
 */
export function fieldPattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\]/g, '\\]( \\([a-z0-9-]+\\))?');
  return new RegExp(`(^|[ ;:])${escaped}:`);
}
