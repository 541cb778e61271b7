/**
 * Text that starts a sentence, with its first word capitalised: engine messages start lower-case so they read after
 * a field's path (`hosts[2].mtu: must be ...`), and read wrong after a full stop ("could not be opened. the link").
 * A leading path or identifier (`hosts[0]`, `wg0.conf`) is left as written.
 */
export function sentence(text: string): string {
  return text.replace(/^[a-z](?=[a-z]*[ ,:;])/, (c) => c.toUpperCase());
}
