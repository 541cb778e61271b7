/** Every keyboard shortcut, as the shortcuts dialog lists it. Ctrl is Cmd on macOS. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Delete / Backspace', 'Delete the selection'],
  ['T', 'Tunnel mode: dragging between handles draws a tunnel'],
  ['F', 'Flow mode: dragging from a host to another declares a flow'],
  ['L', 'Auto-layout'],
  ['Ctrl+S', 'Download the design as JSON'],
  ['Ctrl+O', 'Open a design JSON'],
  ['Ctrl+I', 'Import wg-quick configs and design JSONs'],
  ['Ctrl+E', 'Export the bundle'],
  ['Ctrl+F / /', 'Find a host by id, name, role, address or finding code'],
  ['Escape', 'Clear the selection, close a dialog'],
  ['?', 'This list'],
];
