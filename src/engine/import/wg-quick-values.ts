/** Throws the caller's error for one value; the parser adds the file, line and key. */
export type Fail = (detail: string) => never;

/** A decimal integer in [min, max]; wg and wg-quick accept nothing else (no sign, no hex, no spaces). */
export function readInteger(value: string, min: number, max: number, fail: Fail): number {
  if (!/^\d{1,6}$/.test(value)) fail(`"${value}" is not a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) fail(`${n} is out of range (${min} to ${max})`);
  return n;
}

/** PersistentKeepalive: seconds, or `off` (wg(8) compares it case-insensitively), which reads as null. */
export function readKeepalive(value: string, fail: Fail): number | null {
  return value.toLowerCase() === 'off' ? null : readInteger(value, 0, 65535, fail);
}

/** SaveConfig: wg-quick's read_bool runs under `nocasematch`, so `True` works and `yes` does not. */
export function readBool(value: string, fail: Fail): boolean {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return fail(`"${value}" is neither true nor false`);
}

/**
 * A comma-separated list, items trimmed. wg-quick also splits Address and DNS on whitespace (it expands them
 * unquoted), so `spaceSeparates` allows that there; wg(8) deletes all whitespace from AllowedIPs, which would glue
 * `10.0.0.1/32 10.0.0.2/32` into garbage, so there a space inside an item is refused rather than guessed at.
 */
export function readList(value: string, spaceSeparates: boolean, fail: Fail): string[] {
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '') fail(`"${value}" has an empty item`);
    if (/\s/.test(item)) {
      if (!spaceSeparates) fail(`"${item}" contains a space; separate items with commas`);
      items.push(...item.split(/\s+/));
    } else {
      items.push(item);
    }
  }
  return items;
}

/**
 * Only the shape of `addr/len` is checked here (src/engine/net parses addresses): a length must be decimal and fit
 * the family, 32 bits for IPv4 and 128 for IPv6 (any `:` means IPv6), so `10.0.0.0/33` is caught on its line.
 */
function checkPrefixShape(item: string, fail: Fail): void {
  const slash = item.indexOf('/');
  if (slash < 0) return;
  const len = item.slice(slash + 1);
  const max = item.includes(':') ? 128 : 32;
  if (slash === 0 || !/^\d{1,3}$/.test(len) || Number(len) > max) {
    fail(`"${item}" is not a prefix (the length after "/" must be 0 to ${max})`);
  }
}

/** A list of `addr` or `addr/len` items (Address, AllowedIPs), each shape-checked. */
export function readPrefixes(value: string, spaceSeparates: boolean, fail: Fail): string[] {
  const items = readList(value, spaceSeparates, fail);
  for (const item of items) checkPrefixShape(item, fail);
  return items;
}
