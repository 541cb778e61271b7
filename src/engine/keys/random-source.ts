/** Fills the array with random bytes. Injected so tests are deterministic; production uses the platform CSPRNG. */
export type RandomSource = (out: Uint8Array) => void;

// Web Crypto refuses more than 65,536 bytes per getRandomValues call (QuotaExceededError), in every runtime.
const MAX_CHUNK = 65_536;

/** The platform CSPRNG (`crypto.getRandomValues`): the only source fit for real keys. */
export const cryptoRandom: RandomSource = (out) => {
  for (let start = 0; start < out.length; start += MAX_CHUNK) {
    crypto.getRandomValues(out.subarray(start, start + MAX_CHUNK));
  }
};
