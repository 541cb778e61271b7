import { checkAddressUse } from './address-use';
import type { Design } from './design';
import { issueMessage } from './issue-messages';
import { MAX_DEPTH, toFieldError, tooDeep } from './parse-design';
import type { FieldError, ParseResult } from './parse-design';
import { checkPoolRoom } from './pool-room';
import { checkReferences } from './references';
import { ITEM_SCHEMAS } from './schema';

/** Which item an edit changed: one host, tunnel or flow, by its index in its list. */
export interface DesignEdit {
  list: keyof typeof ITEM_SCHEMAS;
  index: number;
}

/**
 * `parseDesign` for a design that was parsed before and has since changed in one item only (an inspector edit):
 * the schema checks that item alone, and the cross-item rules (unique ids, references, a host's addresses, pool
 * room) run as for the whole design. Same errors, same result, without zod walking every other item again, which
 * is most of a keystroke's cost in a large design. A change that touches several items (a rename) takes
 * `parseDesign`.
 */
export function parseDesignEdit(next: Design, edit: DesignEdit): ParseResult<Design> {
  const list = next[edit.list] as readonly unknown[];
  const item = list[edit.index];
  if (item === undefined) return { ok: false, errors: [{ path: `${edit.list}[${edit.index}]`, message: 'no such item' }] };
  if (tooDeep(item, 2)) return { ok: false, errors: [{ path: `${edit.list}[${edit.index}]`, message: `the JSON is nested deeper than ${MAX_DEPTH} levels` }] };
  const parsed = ITEM_SCHEMAS[edit.list].safeParse(item, { error: issueMessage });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => toFieldError({ ...i, path: [edit.list, edit.index, ...i.path] }, next)) };
  }
  const items = [...list];
  items[edit.index] = parsed.data;
  const design = { ...next, [edit.list]: items } as Design;
  const errors: FieldError[] = [
    ...checkReferences(design),
    ...(edit.list === 'hosts' ? checkAddressUse(design, edit.index) : []),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const full = checkPoolRoom(design);
  return full.length > 0 ? { ok: false, errors: full } : { ok: true, value: design };
}
