import { DriftInputError } from './drift-input-error';

/**
 * JSON.parse with the error naming the file and line: V8 reports a character position ("at position 812"), which
 * is turned into a line so the operator can open the file there.
 */
export function parseJsonFile(text: string, file: string): unknown {
  if (text.trim() === '') throw new DriftInputError(file, 0, 'is empty: run collect.sh again');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lineCol = /\(line (\d+) column \d+\)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : position ? text.slice(0, Number(position[1])).split('\n').length : 0;
    throw new DriftInputError(file, line, `is not JSON: ${message}`);
  }
}

/** A plain object, or null. */
export function asRecord(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : null;
}
