import { ParsedTexts } from '../net';

/**
 * What a caller keeps from one validation to the next and passes in: the designer's store and the engine worker
 * each own one for their life, so re-validating after an edit repeats no costly work; export and the CLI make a
 * fresh one per validation. Findings never depend on it, only how long they take.
 */
export interface ValidationContext {
  /**
   * Private key -> the public key it gives, as the key rule last derived them. Deriving is an X25519 multiplication
   * (about 0.5 ms with @noble/curves, a second for 2,000 hosts), the one costly check in validation; with this,
   * a validation after an edit derives only for the keys that changed. The key rule keeps only the current design's
   * keys here, so no private key outlives the next validation of a design without it. Export puts in the keypairs
   * it has just made, which are right by construction.
   */
  publicKeys: Map<string, string>;
  /**
   * The address, prefix and endpoint texts of the design analysed last, parsed: the next analysis reads through them
   * (`analyseDesign`), so after an edit only the texts that changed are parsed again. See ParsedTexts.
   */
  texts: ParsedTexts;
}

/** A context with nothing kept yet. */
export function newValidationContext(): ValidationContext {
  return { publicKeys: new Map(), texts: new ParsedTexts() };
}
