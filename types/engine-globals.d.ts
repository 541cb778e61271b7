/* eslint-disable no-var -- a global declared for the type-checker must be a var */
// The few platform APIs the engine uses, declared for the engine-only type-check (no DOM lib, no Node types).
// Node 20, browsers and Web Workers all provide them as globals.
interface Crypto {
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
}
declare var crypto: Crypto;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare function btoa(data: string): string;
declare function atob(data: string): string;
