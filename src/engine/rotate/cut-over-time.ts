import { RotationError } from './rotation-error';

/** `2026-12-06T10:00:00Z`, or with a fraction of a second: what `--at` accepts (UTC only, so every host agrees). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** The default cut-over: an hour from now, rounded up to a whole 5 minutes (time to copy folders to every host). */
export function defaultCutOverTime(now: Date): Date {
  const step = 5 * 60_000;
  return new Date(Math.ceil((now.getTime() + 3_600_000) / step) * step);
}

/** Parses `--at`: ISO-8601 in UTC ending in Z, a real instant, later than `now`. */
export function parseCutOverTime(text: string, now: Date): Date {
  const at = new Date(text);
  if (!ISO_UTC.test(text) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 19) !== text.slice(0, 19)) {
    throw new RotationError(`--at must be a UTC time like 2026-12-06T10:00:00Z, not "${text}"`);
  }
  if (at.getTime() <= now.getTime()) {
    throw new RotationError(`--at ${text} has passed (it is now ${formatCutOverTime(now)}): pick a time far enough ahead to run steps 1 and 2 on every host`);
  }
  return at;
}

/** The instant as the scripts and README write it: whole seconds unless it has a fraction. */
export function formatCutOverTime(at: Date): string {
  return at.toISOString().replace(/\.000Z$/, 'Z');
}
