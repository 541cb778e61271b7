/** How bad a finding is: an error means the design would not work as deployed. */
export type Severity = 'error' | 'warning' | 'info';

/** The ids a finding is about, so the UI can select and centre them. */
export interface Subjects {
  hosts?: string[];
  tunnels?: string[];
  flows?: string[];
}

/**
 * One change a fix makes: set fields of a host, tunnel, flow or the network, or add a flow (a flow the design lacks,
 * as the file would hold it). Applied through the schema.
 */
export type FixChange =
  | { target: 'host'; id: string; set: Record<string, unknown> }
  | { target: 'tunnel'; id: string; set: Record<string, unknown> }
  | { target: 'flow'; id: string; set: Record<string, unknown> }
  | { target: 'network'; set: Record<string, unknown> }
  | { target: 'new-flow'; set: Record<string, unknown> };

/** A one-click repair: a label for the button and the changes it makes. */
export interface Fix {
  label: string;
  changes: FixChange[];
}

/** What a rule reports. `code` is stable: scripts and suppressions key on it. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  subjects: Subjects;
  fix?: Fix;
  /** A second repair, offered beside `fix` when which is right depends on what only the user knows. */
  alternative?: Fix;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return [...list].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
