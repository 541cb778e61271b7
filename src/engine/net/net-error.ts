/** A text that is not an acceptable address, prefix or endpoint, or a pool that is full; `input` is that text. */
export class NetError extends Error {
  /** The offending text, exactly as given. */
  readonly input: string;

  constructor(message: string, input: string) {
    super(message);
    this.name = 'NetError';
    this.input = input;
  }
}

const QUOTE_LIMIT = 80;

/**
 * Quotes `text` for an error message. JSON escaping keeps hostile input (newlines, control characters) from
 * breaking the message or a log line; long input is cut so a pasted file does not become the message.
 */
export function quote(text: string): string {
  const cut = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return JSON.stringify(cut);
}
