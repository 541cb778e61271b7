import ipaddr from 'ipaddr.js';
import type { Family } from './family';
import { maxValue } from './family';
import { NetError, quote } from './net-error';
import { MAX_ADDRESS_TEXT, textProblem } from './text-guard';

/**
 * What this module accepts as address text (it is the allow-list in front of every generated config and script):
 * - IPv4: exactly four decimal numbers 0-255 without leading zeros ("10.0.0.1"). The inet_aton forms that many
 *   tools still read ("10.1", "0x0a.0.0.1", "010.0.0.1" = 8.0.0.1 to some, 10.0.0.1 to others) are refused.
 * - IPv6: hex groups and colons as in RFC 4291 section 2.2, any case, leading zeros in a group allowed.
 *   Refused: zone ids ("fe80::1%eth0": meaningless off the host that wrote it), dotted IPv4 tails
 *   ("64:ff9b::192.0.2.1"; ipaddr.js reads "::1.2.3.4" as ::ffff:1.2.3.4, not RFC 4291's ::102:304), and every
 *   IPv4-mapped address (::ffff:0:0/96) in any notation: the kernel and WireGuard treat ::ffff:10.0.0.1 as an IPv6
 *   address distinct from 10.0.0.1, so accepting it would give one host a second identity no check would link.
 */

/** An IPv4 or IPv6 address as a number: 0..2^32-1 or 0..2^128-1. */
export interface Address {
  readonly family: Family;
  readonly value: bigint;
  /** IPv4: `value` as a plain number (0 for IPv6), as Prefix's `v4`: what the hot lookups compare. */
  readonly v4: number;
}

/** An address's family and value: all that formatting and checking read, for a value worked out by hand. */
export type AddressValue = Pick<Address, 'family' | 'value'>;

/** The one constructor of an Address: `v4` always agrees with `value`. */
export function makeAddress(family: Family, value: bigint): Address {
  return { family, value, v4: family === 4 ? Number(value) : 0 };
}

// ipaddr.js's isValidFourPartDecimal is its parse plus this shape; checking the shape first and parsing once halves
// what each address costs (planning reads some 10,000 of them per edit of a 5,000-host design).
const IPV4_FOUR_PART_DECIMAL = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;
const IPV4_FORM = 'an IPv4 address must be four decimal numbers 0-255 without leading zeros, like 10.0.0.1';
const IPV6_CHARS = /^[0-9a-fA-F:]+$/;
// ipaddr.js trims a stray colon next to "::" ("::2:3:4:5:6:7:" parses), so the RFC's shape is checked first.
const IPV6_BAD_SHAPE = /:::|^:(?!:)|[^:]:$/;

function readIPv4(text: string): Address | string {
  if (!IPV4_FOUR_PART_DECIMAL.test(text)) return IPV4_FORM;
  let octets: number[];
  try {
    octets = ipaddr.IPv4.parse(text).octets; // throws on an octet above 255
  } catch {
    return IPV4_FORM;
  }
  // In 32-bit integers, then one bigint: four bigint shifts allocate four times per address.
  const [a, b, c, d] = octets as [number, number, number, number];
  const v4 = (((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  return { family: 4, value: BigInt(v4), v4 };
}

function readIPv6(text: string): Address | string {
  if (text.includes('%')) return 'zone ids like %eth0 are not allowed';
  if (text.includes('.')) return 'dotted IPv4 inside IPv6 text is not accepted; write IPv4 addresses as IPv4';
  if (!IPV6_CHARS.test(text) || IPV6_BAD_SHAPE.test(text) || text.split('::').length > 2 || !ipaddr.IPv6.isValid(text)) {
    return 'it is not a well-formed IPv6 address (eight hex groups of up to 4 digits, one "::" at most)';
  }
  const parsed = ipaddr.IPv6.parse(text);
  if (parsed.zoneId !== undefined || parsed.parts.length !== 8) return 'it is not a well-formed IPv6 address';
  let value = 0n;
  for (const part of parsed.parts) value = (value << 16n) | BigInt(part);
  if (value >> 32n === 0xffffn) {
    return 'IPv4-mapped IPv6 addresses (::ffff:0:0/96) are not accepted; write the IPv4 address itself';
  }
  return makeAddress(6, value);
}

/** Reads `text` as an address: the Address, or the reason it is not one (for "... is not an address: <reason>"). */
export function readAddress(text: string): Address | string {
  const bad = textProblem(text, MAX_ADDRESS_TEXT);
  if (bad !== null) return bad;
  if (text.includes(':')) return readIPv6(text);
  // A bare number is what inet_aton would read as an address ("167772161" = 10.0.0.1): say what is wanted instead.
  if (text.includes('.') || /^[0-9]+$/.test(text)) return readIPv4(text);
  if (text.includes('%')) return 'zone ids like %eth0 are not allowed';
  return 'it is neither an IPv4 address like 10.0.0.1 nor an IPv6 address like fd00::1';
}

/** Parses an IPv4 or IPv6 address; throws NetError naming the text and what is wrong with it. */
export function parseAddress(text: string): Address {
  const read = readAddress(text);
  if (typeof read === 'string') {
    throw new NetError(`${quote(String(text))} is not an IPv4 or IPv6 address: ${read}`, String(text));
  }
  return read;
}

/** Parses an IPv4 or IPv6 address, or returns null. */
export function tryParseAddress(text: string): Address | null {
  const read = readAddress(text);
  return typeof read === 'string' ? null : read;
}

/** Throws NetError unless `a` is a family-4/6 address whose value fits that family. */
export function checkAddress(a: AddressValue): void {
  const ok = (a.family === 4 || a.family === 6) && typeof a.value === 'bigint' && a.value >= 0n && a.value <= maxValue(a.family);
  if (!ok) {
    const input = `${String(a.family)}:${String(a.value)}`;
    throw new NetError(`${quote(input)} is not an IPv4 or IPv6 address value`, input);
  }
}

/**
 * Canonical text of `a`: a dotted quad, or RFC 5952 (lowercase, longest zero run compressed) for IPv6.
 * Throws NetError for a value outside its family, so a hand-built Address cannot reach a config as garbage.
 */
export function formatAddress(a: AddressValue): string {
  checkAddress(a);
  if (a.family === 4) {
    const v = a.value;
    return [v >> 24n, (v >> 16n) & 0xffn, (v >> 8n) & 0xffn, v & 0xffn].join('.');
  }
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((a.value >> shift) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}
