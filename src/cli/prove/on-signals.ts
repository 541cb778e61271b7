import type { Namespaces } from './netns';

/**
 * Ctrl-C (SIGINT) or a CI job's timeout (SIGTERM) in the middle of a run: no new namespace is made, every namespace
 * of the run (also one being made) has its processes killed by PID and is deleted, `cleanup` runs (the work
 * folder), and the process exits 130. Returns the function that removes the handlers once the run is over.
 */
export function cleanUpOnSignals(nss: Namespaces, cleanup: () => void, say: (s: string) => void): () => void {
  let stopping = false;
  const handler = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: stopping; removing the run's namespaces and everything running in them`);
    void (async () => {
      await nss.close();
      nss.adopt(await nss.existing());
      const problems = await nss.removeAll();
      cleanup();
      for (const p of problems) say(`cleanup: ${p}`);
      process.exit(130);
    })();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
