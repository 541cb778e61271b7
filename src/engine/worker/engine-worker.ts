import { cryptoRandom } from '../keys';
import { newValidationContext } from '../validate/validation-context';
import { runEngineRequest } from './engine-worker-shared';
import type { EngineMessage, EngineReply } from './engine-worker-protocol';

/** The worker scope, declared narrowly: the engine type-checks without the DOM or WebWorker libraries. */
interface WorkerScope {
  onmessage: ((event: { data: EngineMessage }) => void) | null;
  postMessage(message: EngineReply, transfer?: ArrayBuffer[]): void;
}

/**
 * The thin switch: every request goes to the shared runner; the zip's buffer is transferred, not copied. The
 * worker's one validation context lives as long as it does: the page sends each edited design, so the analysis of
 * the next edit derives only the public keys that changed.
 */
function serve(scope: WorkerScope): void {
  const validation = newValidationContext();
  scope.onmessage = (event) => {
    const { id, ...request } = event.data;
    runEngineRequest(request, cryptoRandom, validation).then(
      (result) => {
        const transfer = 'zip' in result ? [result.zip.buffer as ArrayBuffer] : [];
        scope.postMessage({ id, ok: true, result }, transfer);
      },
      (e: unknown) => scope.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };
}

serve(globalThis as unknown as WorkerScope);
