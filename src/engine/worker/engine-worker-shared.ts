import { firewallProblem, hostSetupsProblem, qosProblem } from '../bundle/export-choices';
import { exportWithPreview } from '../bundle/export-preview';
import { analyseDesign } from './analyse-design';
import { matrixOutcome } from '../matrix/matrix-outcome';
import { generateKeypair, generatePresharedKey } from '../keys';
import type { RandomSource } from '../keys';
import { PLAIN_SECRETS, secretsProblem } from '../secrets/secrets-options';
import { newValidationContext } from '../validate/validation-context';
import type { ValidationContext } from '../validate/validation-context';
import type { SecretsOptions } from '../secrets/secrets-options';
import type { EngineRequest, EngineResults, ExportRequestOptions } from './engine-worker-protocol';
import { MAX_KEYPAIRS } from './engine-worker-protocol';

/**
 * Runs one engine request: the same code in the worker and, where workers are unavailable, on the main thread.
 * The random source is injected (the worker passes the platform CSPRNG; tests pass a seeded one); so is the
 * validation context its analyses share (the worker keeps one for its life: see ValidationContext).
 */
export async function runEngineRequest<R extends EngineRequest>(
  request: R,
  random: RandomSource,
  validation: ValidationContext = newValidationContext(),
): Promise<EngineResults[R['type']]> {
  switch (request.type) {
    case 'keypairs':
      return Array.from({ length: checkCount(request) }, () => generateKeypair(random)) as EngineResults[R['type']];
    case 'presharedKeys':
      return Array.from({ length: checkCount(request) }, () => generatePresharedKey(random)) as EngineResults[R['type']];
    case 'export':
      return (await exportWithPreview(request.design, random, exportOptions(request.options))) as EngineResults[R['type']];
    case 'analyse':
      return analyseDesign(request.design, validation) as EngineResults[R['type']];
    case 'matrix':
      return matrixOutcome(request.design) as EngineResults[R['type']];
  }
  throw new TypeError(`unknown engine request ${(request as { type?: unknown }).type as string}`);
}

/**
 * Only the known options, each checked: a message from the page must not smuggle `findings` (the bundle README
 * lists the engine's own) or a backend the renderers do not know.
 */
function exportOptions(options: ExportRequestOptions | undefined): ExportRequestOptions {
  if (!options) return {};
  const out: ExportRequestOptions = {};
  if (options.firewall !== undefined) {
    const problem = firewallProblem(options.firewall);
    if (problem) throw new TypeError(`export: firewall ${problem}`);
    out.firewall = options.firewall;
  }
  if (options.qos !== undefined) {
    const qos = options.qos === null ? null : { bulkRateMbit: options.qos.bulkRateMbit, linkRateMbit: options.qos.linkRateMbit };
    const bad = qos === null ? null : qosProblem(qos);
    if (bad) throw new RangeError(`export: qos.${bad.field} ${bad.problem}`);
    out.qos = qos;
  }
  if (options.diagram !== undefined) {
    if (options.diagram !== null && typeof options.diagram.svg !== 'string') throw new TypeError('export: diagram.svg must be text');
    out.diagram = options.diagram === null ? null : { svg: options.diagram.svg };
  }
  if (options.secrets !== undefined) out.secrets = pageSecrets(options.secrets);
  if (options.hostSetups !== undefined) {
    const problem = hostSetupsProblem(options.hostSetups, out.secrets?.mode ?? 'plain');
    if (problem) throw new TypeError(`export: hostSetups ${problem}`);
    out.hostSetups = [...new Set(options.hostSetups)];
  }
  return out;
}

/**
 * The page's secrets choice, rebuilt from its known fields and checked. Ansible Vault is not offered: its
 * implementation needs Node's crypto (the CLI's `--secrets ansible-vault`).
 */
function pageSecrets(raw: SecretsOptions): SecretsOptions {
  let s: SecretsOptions;
  if (raw?.mode === 'plain') s = PLAIN_SECRETS;
  else if (raw?.mode === 'age' && Array.isArray(raw.recipients)) s = { mode: 'age', recipients: raw.recipients.map(String) };
  else if (raw?.mode === 'vault' && typeof raw.path === 'string') s = { mode: 'vault', path: raw.path };
  else throw new TypeError('export: secrets must be plain, age (recipients) or vault (path); Ansible Vault is the CLI\'s');
  const problem = secretsProblem(s);
  if (problem) throw new RangeError(`export: secrets ${problem.field}: ${problem.message}`);
  return s;
}

function checkCount(request: { type: string; count: number }): number {
  const { count } = request;
  if (!Number.isInteger(count) || count < 0 || count > MAX_KEYPAIRS) {
    throw new RangeError(`${request.type}: count must be an integer from 0 to ${MAX_KEYPAIRS}, got ${count}`);
  }
  return count;
}
