// Drift: a running network, as collect.sh gathers it, against the design.
export { detectDrift } from './detect-drift';
export { DriftInputError } from './drift-input-error';
export { formatDriftFinding } from './format-finding';
export type { CollectedFleet, CollectedHost, DriftFinding, DriftWhat } from './types';
export { driftAsFindings } from './as-findings';
