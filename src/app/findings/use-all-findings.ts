import { useMemo } from 'react';
import type { Finding } from '../../engine';
import { selectFindings, selectLiveFindings } from '../store/selectors';
import { useApp } from '../store/store-context';

/** The design's findings with the last live comparison's first: what the panel lists and the canvas colours. */
export function useAllFindings(): readonly Finding[] {
  const findings = useApp(selectFindings);
  const live = useApp(selectLiveFindings);
  return useMemo(() => (live.length === 0 ? findings : [...live, ...findings]), [findings, live]);
}
