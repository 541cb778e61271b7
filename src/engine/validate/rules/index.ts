import type { Rule } from '../rule';
import { flowReachability } from './flow-reachability';
import { routeConflicts } from './route-conflicts';

/** Every rule, in the order their findings are listed within a severity. */
export const RULES: readonly Rule[] = [flowReachability, routeConflicts];
