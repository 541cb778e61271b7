/**
 * Runs `job` one input at a time, latest wins: while a job runs, each new input replaces the one waiting, so after
 * a burst of edits only the newest is worked on next and the work never queues up behind the user's typing.
 * `job` must not reject (its errors are its own to report).
 *
 * @example
 * const submit = latestWins((d: Design) => worker.analyse(d).then(show));
 * submit(d1); submit(d2); submit(d3); // d1 runs now, d3 after it; d2 never runs
 */
export function latestWins<T>(job: (input: T) => Promise<void>): (input: T) => void {
  let running = false;
  let waiting: { input: T } | null = null;
  const pump = () => {
    if (running || !waiting) return;
    const { input } = waiting;
    waiting = null;
    running = true;
    void job(input).finally(() => {
      running = false;
      pump();
    });
  };
  return (input) => {
    waiting = { input };
    pump();
  };
}
