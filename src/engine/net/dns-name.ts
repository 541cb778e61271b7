import { quote } from './net-error';

/** The longest DNS name in text form, without a trailing dot (RFC 1035 2.3.4 / RFC 2181). */
export const MAX_DNS_NAME = 253;

// Letters, digits and inner hyphens, 1-63 characters (RFC 1123 2.1). No underscores: wg(8) resolves endpoints
// with getaddrinfo, and a name that is not a host name is a typo or an attack, not a host.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

// getaddrinfo falls back to inet_aton, which reads "10.1", "0x0a.0.0.1" or "167772161" as IPv4 addresses. A name
// whose last label is a number (no real top-level domain is) would silently become an address.
const NUMERIC_LAST_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/i;

/** Why `name` is not an acceptable host name (dot-separated labels; one label like "localhost" is fine), or null. */
export function dnsNameProblem(name: string): string | null {
  if (name.length === 0) return 'the host name is empty';
  if (name.length > MAX_DNS_NAME) return `the host name is longer than ${MAX_DNS_NAME} characters`;
  const labels = name.split('.');
  for (const label of labels) {
    if (label === '') return 'the host name has an empty label (a leading, trailing or doubled dot)';
    if (!LABEL.test(label)) {
      return `${quote(label)} is not a DNS label: 1-63 letters, digits and hyphens, not starting or ending with a hyphen`;
    }
  }
  const last = labels[labels.length - 1] ?? '';
  if (NUMERIC_LAST_LABEL.test(last)) return 'it looks like a numeric address but is not a valid IPv4 address';
  return null;
}
