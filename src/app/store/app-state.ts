import type { CollectedFleet, Design, FailoverGroup, Finding, Fix, FlowRequest, HostKind, MatrixCell, MatrixOutcome, Position, Proto, Subjects } from '../../engine';
import type { CanvasHighlight } from '../matrix/cell-highlight';
import type { Analysis } from './analysis';
import type { Draft, Drafts } from './drafts';
import type { History } from './history';
import type { Selection } from './selection';

export type ConnectMode = 'tunnel' | 'flow';
export type DialogName = 'export' | 'share' | 'templates' | 'save' | 'shortcuts' | 'drafts' | 'import' | 'connect';
export type ToastKind = 'info' | 'success' | 'error';
/** The side panels a small screen can fold away to give the canvas room. */
export type PanelName = 'palette' | 'inspector' | 'findings';
/** Which panels are folded (true) to a thin strip with a button that opens them again. */
export type CollapsedPanels = Readonly<Record<PanelName, boolean>>;

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

/** A banner over the canvas that stays until dismissed: a design opened from a link, a link that failed... */
export interface Notice {
  kind: 'info' | 'warning' | 'error';
  title: string;
  text: string;
  /** Offer to generate keys for every host that has no private key here. */
  offerKeys?: boolean;
}

/** The result of an edit from the inspector: null when it went in, else the field errors that kept it out. */
export type EditResult = null | Array<{ path: string; message: string }>;

export interface DesignState {
  history: History;
  analysis: Analysis;
  /** True while the shown analysis is for an older design and the worker checks the present one. */
  analysisPending: boolean;
  /** Host ids whose keypairs the worker is making. */
  pendingKeys: string[];
  /** Tunnel ids whose preshared keys the worker is making. */
  pendingPsks: string[];
  /** The number of hosts a layout running off the main thread is placing, or null when none runs. */
  layingOut: number | null;
}

export interface DesignActions {
  /** The new host's id, or null (and an error toast naming the pool) when its pool has no free address. */
  addHost(kind: HostKind, position: Position): string | null;
  /** Joins two hosts: a tunnel, or in flow mode a flow from `source` to `target`. */
  connect(source: string, target: string): void;
  /** Joins two hosts with a tunnel whatever the mode and selects it; else says why not (engine/model/edit-ops/connect-hosts.ts). */
  connectHosts(a: string, b: string): { error: string } | null;
  /** Adds a copy (engine/model/edit-ops/copy-hosts.ts) as new hosts, one undo step, and selects them; a toast says why when it cannot. */
  pasteHosts(clip: Design): void;
  addFlow(req: FlowRequest): string | null;
  editHost(id: string, patch: Record<string, unknown>, mergeKey?: string): EditResult;
  editTunnel(id: string, patch: Record<string, unknown>, mergeKey?: string): EditResult;
  editFlow(id: string, patch: Record<string, unknown>, mergeKey?: string): EditResult;
  editNetwork(patch: Record<string, unknown>, mergeKey?: string): EditResult;
  /** Replaces the design's failover groups (add, remove or edit one), checked with the whole design. */
  editFailover(groups: readonly FailoverGroup[], mergeKey?: string): EditResult;
  moveHosts(positions: ReadonlyMap<string, Position>, mergeKey: string): void;
  removeSelection(): void;
  applyFix(fix: Fix): void;
  /** Replaces the design (a template, an upload, a link, an import); undo brings the old one back. */
  loadDesign(design: Design, options?: { layout?: boolean }): void;
  /** Lays out every host; a large design in the layout worker, one layout at a time (see layingOut). */
  autoLayout(): void;
  undo(): void;
  redo(): void;
  /** Drops the keys of these bundle-custody hosts (all when omitted) and has the worker make new ones: one undo step. */
  regenerateKeys(hostIds?: readonly string[]): void;
  /** Switches these hosts to host custody, keeping their public keys (they hold the private halves already). */
  keepOwnKeys(hostIds: readonly string[]): void;
  /** Merges keys (from an export) into hosts that have none, in every undo step. */
  adoptKeys(design: Design): void;
  /** Adds an already merged design (see engine/model/edit-ops/merge-design.ts) as one undo step and shows it. */
  mergeDesign(merged: Design): void;
}

export interface DraftsState {
  /** Inspector text the design refused, by field (see drafts.ts). */
  drafts: Drafts;
}

export interface DraftsActions {
  keepDraft(draft: Draft): void;
  dropDraft(key: string): void;
  discardDrafts(): void;
}

/**
 * Where a design that would replace the one on the canvas comes from: files (Import, Open, a drop), a template,
 * New (a blank design) or a share link. Files and templates can also be merged in as new hosts; a blank design or a
 * link only replaces or is turned down (dialogs/import-question.ts words each).
 */
export type ImportKind = 'files' | 'template' | 'blank' | 'link';

/** A design read from files or a link, waiting for the user to say what to do with the one on the canvas. */
export interface ImportRequest {
  /** Files when left out. */
  kind?: ImportKind;
  design: Design;
  /** Lay it out first (configs and links carry no positions). */
  layout: boolean;
  /** What is imported, for the question: "4 hosts from 3 configs", "staging.json". */
  source: string;
  /** The toast once it is in. */
  done: string;
  warnings: string[];
  /** A banner to show once it is in (a share link says that it holds no private keys). */
  notice?: Notice;
}

export interface PendingImport extends ImportRequest {
  /** Why the import cannot be merged as new hosts, or null when it can (always set for a blank design or a link). */
  mergeError: string | null;
}

export interface ImportState {
  pendingImport: PendingImport | null;
}

export interface ImportActions {
  /** Loads the import into an empty design at once; otherwise asks first (the import dialog). */
  offerImport(req: ImportRequest): void;
  resolveImport(choice: 'replace' | 'merge' | 'cancel'): void;
}

export interface SelectionState {
  selection: Selection;
  /** Set anew to ask the canvas to centre on ids, or on the whole design when `hosts` is empty. */
  focus: { hosts: string[]; nonce: number } | null;
}

export interface SelectionActions {
  select(selection: Selection): void;
  /** Selects a finding's subjects and centres the canvas on them. */
  focusSubjects(subjects: Subjects): void;
  /** Asks the canvas to show the whole design (Fit view). */
  fitDesign(): void;
}

export interface UiState {
  mode: ConnectMode;
  dialog: DialogName | null;
  toasts: Toast[];
  notice: Notice | null;
  /** Show the banner for hosts whose private keys a reload dropped (set once at load, see keys-lost-notice.ts). */
  keysLost: boolean;
  /** Keep private keys in this browser's local storage. Off by default. */
  rememberKeys: boolean;
  /** Protocol the flow form and flow mode use. */
  flowProto: Proto;
  /** When autosave last wrote the design. */
  savedAt: number | null;
  /** A change waits for the autosave (it writes once typing pauses, see persistence/autosave.ts). */
  unsaved: boolean;
  /** The design another tab of this browser saved over ours; autosave waits until the user chooses (other-tab.ts). */
  otherTab: Design | null;
  /** Folded side panels, remembered in the settings. */
  collapsed: CollapsedPanels;
}

export interface UiActions {
  setMode(mode: ConnectMode): void;
  openDialog(dialog: DialogName): void;
  closeDialog(): void;
  toast(kind: ToastKind, text: string): void;
  dismissToast(id: number): void;
  setNotice(notice: Notice | null): void;
  setKeysLost(on: boolean): void;
  setRememberKeys(on: boolean): void;
  markSaved(at: number): void;
  markUnsaved(): void;
  setOtherTab(design: Design | null): void;
  togglePanel(panel: PanelName): void;
}

export interface EditingState {
  /** The hosts Ctrl+C copied (engine/model/edit-ops/copy-hosts.ts), for Ctrl+V; null until something is copied. */
  clipboard: Design | null;
  /** While the host search has a query: the hosts it matches, drawn normally while the others are dimmed. */
  hostFilter: ReadonlySet<string> | null;
}

export interface EditingActions {
  /** Copies the selected hosts (and what joins them) to the clipboard and returns the copy, or null when none. */
  copySelection(): Design | null;
  /** Pastes the clipboard as new hosts. */
  paste(): void;
  /** Copies and pastes the selection in one step, leaving the clipboard as it was. */
  duplicateSelection(): void;
  /** Selects every host. */
  selectAll(): void;
  setHostFilter(ids: ReadonlySet<string> | null): void;
}

export interface LiveState {
  /** Where the running network differs from the design, as findings (code `drift-*`), from the last comparison. */
  liveFindings: Finding[];
  /** What was compared ("collected/ (5 hosts)"), or null when nothing is. */
  liveSource: string | null;
}

export interface LiveActions {
  /** Compares collected folders (one per host, as collect.sh writes them) with the design; a bad file is a toast naming it. */
  compareLive(fleet: CollectedFleet, source: string): void;
  clearLive(): void;
}

/** The matrix view of one design: being walked, walked (or counted, when over the limit), or failed. */
export type MatrixView =
  | { status: 'computing'; design: Design }
  | { status: 'ready'; design: Design; outcome: MatrixOutcome }
  | { status: 'failed'; design: Design; message: string };

export interface MatrixState {
  /** The open matrix view, or null when closed. Its `design` is the one it was computed for (edits do not redo it). */
  matrixView: MatrixView | null;
  /** The cell picked in it, whose path or blocking hop the canvas marks (`matrixHighlight`). */
  matrixCell: MatrixCell | null;
  matrixHighlight: CanvasHighlight | null;
}

export interface MatrixActions {
  /** Opens the matrix view (or computes it again) for the present design: off the main thread for large designs. */
  openMatrix(): void;
  closeMatrix(): void;
  /** Picks a cell: the canvas marks its path or blocking hop and moves onto them; null clears it. */
  pickMatrixCell(cell: MatrixCell | null): void;
}

export type AppState = DesignState & SelectionState & UiState & DraftsState & ImportState & EditingState & LiveState & MatrixState;
export type AppActions = DesignActions & SelectionActions & UiActions & DraftsActions & ImportActions & EditingActions & LiveActions & MatrixActions;
export type AppStore = AppState & AppActions;
