import type { Design, Keypair } from '../../engine';

/** What the store needs from outside: injected so tests run without a worker or a layout library. */
export interface StoreDeps {
  /** Fresh keypairs, made off the main thread. */
  keypairs(count: number): Promise<Keypair[]>;
  /** Fresh preshared keys, made off the main thread. */
  presharedKeys(count: number): Promise<string[]>;
  /** Positions for every host (auto-layout). */
  layout(design: Design): Design;
}
