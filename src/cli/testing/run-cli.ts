import { main } from '../main';

/** Runs the CLI in this process, as `wg-designer ...argv` would: its exit code and what it printed to each stream. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
