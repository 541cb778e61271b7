import type { z } from 'zod';
import { typeName } from './number-fields';
import { visibleText } from './visible-text';

/**
 * The message for a schema issue that its field did not word itself (see numberField and the messages in schema.ts):
 * plain words, never zod's defaults ("Invalid input: expected string, received number"). Passed to every parse of
 * a design as its error map; the field's path is added by parseDesign.
 */
export function issueMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${EXPECTED[iss.expected] ?? iss.expected} (not ${typeName(iss.input)})`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return iss.origin === 'array' ? `must have at most ${String(iss.maximum)} entries` : `must be at most ${String(iss.maximum)}`;
    case 'too_small':
      return iss.origin === 'array' ? `must have at least ${String(iss.minimum)} entries` : `must be at least ${String(iss.minimum)}`;
    case 'unrecognized_keys':
      return `has fields wg-designer does not know: ${iss.keys.slice(0, 5).map((k) => visibleText(k, 40)).join(', ')}`;
    default:
      return 'is not a value this field takes';
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};
