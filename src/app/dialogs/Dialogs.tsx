import { lazy, Suspense } from 'react';
import { useApp } from '../store/store-context';
import { ConnectDialog } from './ConnectDialog';
import { DraftsDialog } from './DraftsDialog';
import { DraftsGate } from './DraftsGate';
import { ImportDialog } from './ImportDialog';
import { SaveDialog } from './SaveDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TemplatesDialog } from './TemplatesDialog';

// The export dialog pulls in the bundle and zip code: loaded when first opened, not with the page.
const ExportDialog = lazy(() => import('./ExportDialog'));

/** The open dialog, if any. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  switch (dialog) {
    case 'export':
      return <DraftsGate action="Export"><Suspense fallback={null}><ExportDialog /></Suspense></DraftsGate>;
    case 'share':
      return <DraftsGate action="Share"><ShareDialog /></DraftsGate>;
    case 'save':
      return <DraftsGate action="Save"><SaveDialog /></DraftsGate>;
    case 'drafts':
      return <DraftsDialog />;
    case 'import':
      return <ImportDialog />;
    case 'templates':
      return <TemplatesDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'connect':
      return <ConnectDialog />;
    default:
      return null;
  }
}
