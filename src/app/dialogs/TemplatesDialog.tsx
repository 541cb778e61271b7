import { formatFieldError, parseDesign } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import { TEMPLATES } from '../templates/templates';
import { Modal } from '../ui/Modal';

/**
 * Starts a new design from a template. Over a design with hosts the import question asks first (replace, merge the
 * template in as new hosts, or cancel); either way the current design stays one undo away.
 */
export function TemplatesDialog() {
  const store = useAppStoreApi();
  const close = () => store.getState().closeDialog();
  const start = (id: string) => {
    const t = TEMPLATES.find((x) => x.id === id);
    if (!t) return;
    const r = parseDesign(t.design);
    const s = store.getState();
    if (!r.ok) {
      s.toast('error', `Template ${t.label} is broken: ${r.errors.map(formatFieldError).join('; ')}`);
      return;
    }
    close();
    // Loading pins the template's addresses (see store/commit.ts), so hosts added later never move them.
    s.offerImport({
      kind: 'template', design: r.value, layout: true, source: `“${t.label}”`, warnings: [],
      done: `Started from “${t.label}”. Undo (Ctrl+Z) brings the previous design back.`,
    });
  };
  return (
    <Modal title="Start from a template" onClose={close} wide testId="templates-dialog">
      <ul className="templates">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" className="template" onClick={() => start(t.id)} data-testid={`template-${t.id}`}>
              <span className="template__label">{t.label}</span>
              <span className="template__desc">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
