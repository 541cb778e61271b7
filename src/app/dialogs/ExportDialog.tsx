import { useEffect, useMemo, useRef, useState } from 'react';
import { bundleFolderName, plural, zipFiles } from '../../engine';
import type { BundleFile, Design, EngineResults, ExportRequestOptions } from '../../engine';
import { secretsFromChoice } from './export-secrets';
import { diagramSvg } from '../export-image/diagram-svg';
import { downloadBlob } from '../files/download';
import { selectDesign, selectFindings, selectPlan } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';
import { engine } from '../worker/engine';
import { ExportOptions, DEFAULT_EXPORT_CHOICES } from './ExportOptions';
import type { ExportChoices } from './ExportOptions';
import { FileTree } from './FileTree';

type Bundle = EngineResults['export'];
type State = { phase: 'working' } | { phase: 'done'; bundle: Bundle } | { phase: 'failed'; error: string };

/** Hides key values in the preview (the zip has them); `reveal` shows them. */
function maskSecrets(text: string, reveal: boolean): string {
  return reveal ? text : text.replace(/^(PrivateKey|PresharedKey) = .+$/gm, '$1 = (hidden: tick "Show keys")');
}

/**
 * The export: keys and the zip are made in the worker while the canvas stays usable; the dialog lists the bundle's
 * files with a preview of each, then downloads the zip. Loaded on first use, with the zip code.
 */
export default function ExportDialog() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const plan = useApp(selectPlan);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const [state, setState] = useState<State>({ phase: 'working' });
  const [selected, setSelected] = useState<string | null>(null);
  const [reveal, setReveal] = useState(false);
  const [choices, setChoices] = useState<ExportChoices>(DEFAULT_EXPORT_CHOICES);

  // Exports the design as it was when the dialog opened; keys made here are adopted into the design. A change of
  // options exports again from the design with those keys, so the bundle's keys never change under the user.
  const [snapshot] = useState(design);
  const [diagram] = useState(() => diagramSvg(design, findings, plan));
  const keyed = useRef<Design | null>(null);
  const secrets = useMemo(() => secretsFromChoice(choices.secrets, bundleFolderName(snapshot.name)), [choices.secrets, snapshot]);
  const secretsProblem = 'problem' in secrets ? secrets.problem : null;
  useEffect(() => {
    let live = true;
    // A bad recipient or path exports nothing: the problem is shown beside its field.
    if ('problem' in secrets) return;
    const options: ExportRequestOptions = {
      firewall: choices.firewall,
      qos: choices.qosMbit === null ? null : { bulkRateMbit: choices.qosMbit, linkRateMbit: choices.qosLinkMbit },
      diagram: choices.diagram ? { svg: diagram } : null,
      secrets: secrets.options,
      // networkd and cloud-init cannot read a host's secrets: with age or Vault the box is greyed out and not sent.
      hostSetups: choices.secrets.mode === 'plain' ? choices.hostSetups : [],
    };
    engine().run({ type: 'export', design: keyed.current ?? snapshot, options }).then(
      (bundle) => {
        if (!live) return;
        if (!keyed.current) store.getState().adoptKeys(bundle.completion.design);
        keyed.current = bundle.completion.design;
        setState({ phase: 'done', bundle });
      },
      (e: unknown) => live && setState({ phase: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [snapshot, diagram, choices, secrets, store]);

  const close = () => store.getState().closeDialog();
  const bundle = state.phase === 'done' ? state.bundle : null;
  const file: BundleFile | undefined = useMemo(
    () => bundle?.files.find((f) => f.path === (selected ?? bundle.files.find((x) => x.path.endsWith('wg0.conf'))?.path)),
    [bundle, selected],
  );
  const download = () => {
    if (!bundle) return;
    downloadBlob(bundle.zip as Uint8Array<ArrayBuffer>, `${bundle.folder}.zip`, 'application/zip');
    store.getState().toast('success', `Downloaded ${bundle.folder}.zip (${plural(bundle.fileCount, 'file')}).`);
  };
  // Vault mode: the zip holds no key, so the hosts' keys come as their own zip, for vault/put-secrets.sh.
  const vaultKeys = bundle && choices.secrets.mode === 'vault' && bundle.secrets.length > 0 ? bundle.secrets : null;
  const downloadKeys = () => {
    if (!bundle || !vaultKeys) return;
    const files = vaultKeys.map((s) => ({ path: `${bundle.folder}.secrets/${s.hostId}.secrets`, content: s.text, mode: 0o600 }));
    downloadBlob(zipFiles(files) as Uint8Array<ArrayBuffer>, `${bundle.folder}.secrets.zip`, 'application/zip');
  };
  return (
    <Modal title="Export the bundle" onClose={close} wide testId="export-dialog"
      footer={<>
        <span className="muted modal__foot-note">
          {bundle ? `${bundle.folder}.zip · ${plural(bundle.fileCount, 'file')} · ${(bundle.zip.length / 1024).toFixed(1)} KB` : ''}
        </span>
        <button type="button" className="btn" onClick={close}>Close</button>
        {vaultKeys && <button type="button" className="btn" onClick={downloadKeys} data-testid="download-vault-keys">Download keys for Vault</button>}
        <button type="button" className="btn btn--primary" disabled={!bundle} onClick={download} data-testid="download-zip">Download zip</button>
      </>}>
      {errors > 0 && (
        <p className="callout callout--warn">The design has {plural(errors, 'error')} in the findings panel: the bundle is made, but it will not work as deployed until they are fixed.</p>
      )}
      <ExportOptions value={choices} secretsProblem={secretsProblem} onChange={(next) => {
        setState({ phase: 'working' });
        setChoices(next);
      }} />
      {state.phase === 'working' && secretsProblem === null && <p className="muted" data-testid="export-working">Generating keys and building the bundle…</p>}
      {state.phase === 'failed' && <p className="error-text" role="alert">The export failed: {state.error}</p>}
      {bundle && bundle.files.length < bundle.fileCount && (
        <p className="muted" data-testid="export-preview-partial">
          The preview lists the first {plural(bundle.files.length, 'file')} of {bundle.fileCount.toLocaleString('en-US')}: a bundle this large is
          not held whole in the page. The zip holds every file.
        </p>
      )}
      {bundle && (
        <div className="export">
          <FileTree folder={bundle.folder} files={bundle.files} selected={file?.path ?? null} onSelect={setSelected} />
          <div className="export__preview">
            <div className="tabs">
              <span className="mono">{file?.path}</span>
              <span className="muted">&nbsp;mode {file ? file.mode.toString(8).padStart(4, '0') : ''}</span>
              <span className="tabs__spacer" />
              <label className="check check--small">
                <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
                <span>Show keys</span>
              </label>
            </div>
            <pre className="code code--tall" data-testid="export-preview">{file ? maskSecrets(file.content, reveal) : ''}</pre>
          </div>
        </div>
      )}
    </Modal>
  );
}
