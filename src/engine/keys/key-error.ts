/**
 * A text or byte array that is not an acceptable WireGuard key, or a random source that misbehaved.
 * Messages never quote the offending key: it may be a private key, and error messages end up in logs and bug reports.
 */
export class KeyError extends Error {
  constructor(message: string) {
    super(`WireGuard key: ${message}`);
    this.name = 'KeyError';
  }
}
