// A continuous prober, run inside one lab namespace (`ip netns exec <ns> node e2e/lab/prober.mjs '<json>'`): a TCP
// connect to every target every `intervalMs`, each attempt given `timeoutMs`. It prints `up <index>` the first time
// a target answers, and on "stop" (a line on stdin, or stdin closing) waits for the attempts in flight and prints
// one JSON line: every attempt's start, end and outcome per target, for outageOf() in flow-watch.ts to measure, and
// `origin`, the wall-clock time (ms since the epoch) those starts and ends count from, to line outages up with a change.
// After "stop" the probing goes on until every target's latest finished attempt connected, for at most `settleMs`: a
// connect that began in the change's gap waits for TCP's 1 s SYN retransmission, and stopping then would report a
// flow that was back 100 ms later as down for a second, or still down.
// Plain Node with no imports but node:net, so the lab can start it in any namespace without a build step.
import { connect } from 'node:net';

const { intervalMs, timeoutMs, settleMs = 0, targets } = JSON.parse(process.argv[2] ?? '{}');
const started = performance.now();
const attempts = targets.map(() => []);
const up = targets.map(() => false);
let inFlight = 0;
let stopping = false;

function attempt(i) {
  const t = targets[i];
  const record = { start: performance.now() - started, end: 0, ok: false };
  attempts[i].push(record);
  inFlight += 1;
  const socket = connect({ host: t.address, port: t.port });
  let done = false;
  const finish = (ok, why) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    record.end = performance.now() - started;
    record.ok = ok;
    if (!ok) record.error = why;
    socket.destroy();
    inFlight -= 1;
    if (ok && !up[i]) {
      up[i] = true;
      process.stdout.write(`up ${i}\n`);
    }
    if (stopping) settle();
  };
  const timer = setTimeout(() => finish(false, `no answer in ${timeoutMs} ms`), timeoutMs);
  socket.once('connect', () => finish(true));
  socket.once('error', (e) => finish(false, e.code ?? e.message));
}

let tick = setInterval(() => {
  for (let i = 0; i < targets.length; i++) attempt(i);
}, intervalMs);
/** Set once the settling time is over: what has not connected by then stays down in the report. */
let settleOver = false;
let settleTimer = null;

/** The latest attempt that has finished, by start: what the target looks like now. */
function latestFinished(i) {
  for (let k = attempts[i].length - 1; k >= 0; k--) if (attempts[i][k].end > 0) return attempts[i][k];
  return undefined;
}

/** Every target's latest finished attempt connected, or the settling time is over. */
function settled() {
  return settleOver || targets.every((_, i) => latestFinished(i)?.ok !== false);
}
for (let i = 0; i < targets.length; i++) attempt(i);

let reported = false;
function report() {
  if (reported) return;
  reported = true;
  clearInterval(tick);
  clearTimeout(settleTimer);
  process.stdout.write(`${JSON.stringify({ attempts, origin: performance.timeOrigin + started })}\n`, () => process.exit(0));
}

/**
 * After "stop", on every finished attempt: report once every target's latest finished attempt connected and nothing
 * is in flight. Until then the probing goes on at the same rate, for at most settleMs: a connect begun just before
 * "stop" may be a SYN lost in the change's gap, which fails only at its timeout, and the attempts after it say
 * whether the flow was back 100 ms later or still down. An attempt in flight at "stop" may fail after it, so this
 * runs again on each finish, not only at "stop".
 */
function settle() {
  if (!reported && settled() && inFlight === 0) report();
}

function stop() {
  if (stopping) return;
  stopping = true;
  // The probing goes on while settling; report() ends it, at the latest once settleMs is over and nothing is in flight.
  settleTimer = setTimeout(() => {
    settleOver = true;
    clearInterval(tick);
    settle();
  }, settleMs);
  settle();
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  if (d.includes('stop')) stop();
});
process.stdin.on('end', stop);
