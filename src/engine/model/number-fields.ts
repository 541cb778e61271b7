import { z } from 'zod';

/** A whole-number field of the design, with what a network engineer needs to read when a value is refused. */
interface NumberField {
  /** How the field is named in a message: `MTU`, `listen port`. */
  name: string;
  min: number;
  max: number;
  /** The unit after the range, if any: `bytes`, `seconds`. */
  unit?: string;
  /** Why a value below `min` cannot work. */
  belowWhy: string;
  /** Why a value above `max` cannot work. */
  aboveWhy: string;
}

const PORT = { min: 1, max: 65_535, belowWhy: 'port 0 cannot be dialled or listened on', aboveWhy: 'a port number has 16 bits' };

/** The ranges of the design's number fields and the network fact behind each bound (the schema's one source). */
export const NUMBER_FIELDS = {
  // RFC 791: every IPv4 host accepts 576-byte packets; the IP header's total length has 16 bits.
  mtu: {
    name: 'MTU', min: 576, max: 65_535, unit: 'bytes',
    belowWhy: 'below the 576 bytes every IPv4 host must accept (an interface that carries IPv6 needs 1280)',
    aboveWhy: 'above the largest IP packet (the length field has 16 bits)',
  },
  // 576 + 80 (IPv6 encapsulation, the larger): every tunnel MTU the plan derives stays >= 576, the floor that
  // wg0.conf's MTU, the host's mtu field and the importer share. Lower, the bundle's own config would not re-import.
  underlayMtu: {
    name: 'underlay MTU', min: 656, max: 65_535, unit: 'bytes',
    belowWhy: 'the tunnel needs 576 bytes plus 80 bytes of WireGuard over IPv6',
    aboveWhy: 'above the largest IP packet (the length field has 16 bits)',
  },
  port: { name: 'port', ...PORT },
  listenPort: { name: 'listen port', ...PORT, belowWhy: 'WireGuard must listen on a fixed UDP port for peers to dial' },
  managementPort: { name: 'management port', ...PORT },
  exporterPort: { name: 'exporter port', ...PORT },
  databasePort: { name: 'database port', ...PORT },
  servicePort: { name: 'service port', ...PORT },
  keepalive: {
    name: 'PersistentKeepalive', min: 0, max: 65_535, unit: 'seconds',
    belowWhy: '0 turns it off; 25 keeps a NAT mapping open',
    aboveWhy: 'wg takes at most 65535 (0 turns it off; 25 keeps a NAT mapping open)',
  },
} as const satisfies Record<string, NumberField>;

/** `MTU must be between 576 and 65535 bytes`, `port must be 1-65535`. */
export function rangeText(f: NumberField): string {
  return f.unit ? `${f.name} must be between ${f.min} and ${f.max} ${f.unit}` : `${f.name} must be ${f.min}-${f.max}`;
}

/**
 * A whole number in the field's range, whose every refusal names the field, its range and why, in network terms:
 * `MTU must be between 576 and 65535 bytes: 99999 is above the largest IP packet (...)`, never zod's "Too big".
 */
export function numberField(f: NumberField) {
  const range = rangeText(f);
  const shown = (input: unknown) => (typeof input === 'number' ? String(input) : 'the value');
  return z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : `${range}, written as a number (not ${typeName(iss.input)})`) })
    .int({ error: (iss) => `${range}, a whole number: ${shown(iss.input)} is not` })
    .min(f.min, { error: (iss) => `${range}: ${shown(iss.input)} is too small, ${f.belowWhy}` })
    .max(f.max, { error: (iss) => `${range}: ${shown(iss.input)} is too big, ${f.aboveWhy}` });
}

/** What a value of the wrong type is, in words: `text`, `true/false`, `a list`. */
export function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'boolean') return 'true/false';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : String(input);
  if (typeof input === 'object') return 'an object';
  return typeof input;
}
