import { Encrypter, armor } from 'age-encryption';

/**
 * Text encrypted to age recipients, ASCII-armored so it travels as a text file in the zip (`age -d` reads armor).
 * typage (the `age-encryption` package) is pure JavaScript on WebCrypto and noble: the same code in Node, the page
 * and the worker. Throws on a recipient it cannot parse.
 */
export async function ageSeal(text: string, recipients: readonly string[]): Promise<string> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return armor.encode(await e.encrypt(text));
}
