import { formatFieldError, parseDesignText } from '../engine';
import type { Design } from '../engine';
import { CliError, readText } from './io';

/** Reads and schema-checks a design file; every problem is listed with the field it concerns. */
export function loadDesign(path: string): Design {
  const result = parseDesignText(readText(path));
  if (!result.ok) {
    const lines = result.errors.slice(0, 50).map((e) => `  ${formatFieldError(e)}`);
    const more = result.errors.length > 50 ? [`  ...and ${result.errors.length - 50} more`] : [];
    throw new CliError([`${path} is not a valid design:`, ...lines, ...more].join('\n'));
  }
  return result.value;
}
