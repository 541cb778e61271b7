/** Every keyboard shortcut, as the shortcuts dialog lists it. Ctrl is Cmd on macOS. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Delete / Backspace', 'Delete the selection'],
  ['T', 'Tunnel mode: dragging between handles draws a tunnel'],
  ['F', 'Flow mode: dragging from a host to another declares a flow'],
  ['C', 'Connect: a tunnel between the two selected hosts, else the "Connect A to B" form'],
  ['Ctrl+C / Ctrl+V', 'Copy the selected hosts (with the tunnels and flows among them), paste them as new hosts'],
  ['Ctrl+D', 'Duplicate the selected hosts'],
  ['Ctrl+A', 'Select every host'],
  ['L', 'Auto-layout'],
  ['Ctrl+S', 'Download the design as JSON'],
  ['Ctrl+O', 'Open a design JSON'],
  ['Ctrl+E', 'Export the bundle'],
  ['Ctrl+F / /', 'Find a host by id, name, role, address or finding code; the others are dimmed meanwhile'],
  ['Escape', 'Clear the selection, close a dialog'],
  ['?', 'This list'],
];
