/**
 * A count with its noun in the right number, for any text a user reads: `1 tunnel`, `2 tunnels`, `1 prefix`,
 * `3 prefixes`, `1 entry`, `0 entries`. English's regular endings are built in; pass `many` for anything else.
 *
 * @example plural(1, 'config') // '1 config'
 * @example plural(2, 'address') // '2 addresses'
 * @example plural(4, 'info', 'info') // '4 info'
 */
export function plural(count: number, one: string, many: string = pluralOf(one)): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The noun alone, in the number `count` asks for, where the count is shown apart (a badge): `error`, `errors`. */
export function pluralNoun(count: number, one: string, many: string = pluralOf(one)): string {
  return count === 1 ? one : many;
}

/** The regular English plural of a noun: `-s`, `-es` after s/x/z/ch/sh, `-ies` after a consonant and y. */
export function pluralOf(noun: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
