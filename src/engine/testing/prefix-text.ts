import { formatPrefix, networkOf, parsePrefix } from '../net';

/** The canonical network form of a prefix text, for comparing configs written by different hands. */
export function normalisePrefixText(text: string): string {
  return formatPrefix(networkOf(parsePrefix(text)));
}
