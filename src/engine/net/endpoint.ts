import { formatAddress, readAddress } from './address';
import { dnsNameProblem, MAX_DNS_NAME } from './dns-name';
import { NetError, quote } from './net-error';
import { textProblem } from './text-guard';

/** Where a peer is dialled: a canonical host (address text or lowercase DNS name) and a UDP port. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
  readonly kind: 'ipv4' | 'ipv6' | 'dns';
}

type Host = Pick<Endpoint, 'host' | 'kind'>;

// A DNS name, ":" and a five-digit port.
const MAX_ENDPOINT_TEXT = MAX_DNS_NAME + 6;
// Decimal without sign or leading zeros, as for prefix lengths.
const PORT = /^[1-9][0-9]{0,4}$/;
const NUMERIC_HOST = /^[0-9.]+$/;

function readPort(text: string): number | string {
  if (!PORT.test(text) || Number(text) > 65535) return 'the port must be a number 1-65535 without sign or leading zeros';
  return Number(text);
}

// Addresses come back canonical ("FD00::0:1" -> "fd00::1") and names lowercase, so equal endpoints compare equal.
function readHost(text: string): Host | string {
  if (text.startsWith('[') && text.endsWith(']')) {
    const address = readAddress(text.slice(1, -1));
    if (typeof address === 'string') return address;
    if (address.family !== 6) return 'only IPv6 addresses are written in brackets';
    return { host: formatAddress(address), kind: 'ipv6' };
  }
  if (text.includes(':')) return 'an IPv6 endpoint needs brackets, like [2001:db8::1]:51820';
  if (NUMERIC_HOST.test(text)) {
    const address = readAddress(text);
    return typeof address === 'string' ? address : { host: formatAddress(address), kind: 'ipv4' };
  }
  return dnsNameProblem(text) ?? { host: text.toLowerCase(), kind: 'dns' };
}

/** Reads `text` as "host:port": the Endpoint with a canonical host, or the reason it is not one. */
export function readEndpoint(text: string): Endpoint | string {
  const bad = textProblem(text, MAX_ENDPOINT_TEXT);
  if (bad !== null) return bad;
  const colon = text.lastIndexOf(':');
  if (colon < 0) return 'it needs a ":port" after the host, like 203.0.113.10:51820';
  // A bracketed IPv6 host has colons of its own: the port's colon must be the one right after "]".
  if (text.startsWith('[') && text[colon - 1] !== ']') {
    return 'a bracketed IPv6 host must be followed by "]:port", like [2001:db8::1]:51820';
  }
  const host = readHost(text.slice(0, colon));
  if (typeof host === 'string') return host;
  const port = readPort(text.slice(colon + 1));
  return typeof port === 'string' ? port : { ...host, port };
}

/** Parses "203.0.113.10:51820", "[2001:db8::1]:51820" or "db.example.com:51820"; throws NetError naming the text. */
export function parseEndpoint(text: string): Endpoint {
  const read = readEndpoint(text);
  if (typeof read === 'string') {
    throw new NetError(`${quote(String(text))} is not a host:port endpoint: ${read}`, String(text));
  }
  return read;
}

/**
 * Canonical "host:port" text, IPv6 in brackets. The text is read back through the parser, so a hand-built
 * Endpoint can only ever produce what parseEndpoint accepts; anything else throws NetError.
 */
export function formatEndpoint(e: Endpoint): string {
  const raw = `${e.kind === 'ipv6' ? `[${e.host}]` : e.host}:${String(e.port)}`;
  const read = parseEndpoint(raw);
  if (read.kind !== e.kind) throw new NetError(`${quote(raw)} is not an endpoint of kind ${e.kind}`, raw);
  return `${read.kind === 'ipv6' ? `[${read.host}]` : read.host}:${read.port}`;
}
