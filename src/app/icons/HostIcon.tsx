import type { ReactNode } from 'react';
import type { HostKind } from '../../engine';

/** Small line icons, drawn inline (bundled: the page loads no icon font and no remote image). */
export function HostIcon({ kind, size = 18 }: { kind: HostKind; size?: number }) {
  return (
    <svg className={`host-icon host-icon--${kind}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true"
      fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      {PATHS[kind]}
    </svg>
  );
}

const cylinder = (
  <>
    <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
    <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" />
    <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
  </>
);

const PATHS: Record<HostKind, ReactNode> = {
  postgresql: cylinder,
  mysql: cylinder,
  mongodb: (
    <>
      <path d="M12 2c3 3.5 5 7 5 10.5S14.5 19 12 21c-2.5-2-5-5-5-8.5S9 5.5 12 2z" />
      <path d="M12 6v16" />
    </>
  ),
  redis: (
    <>
      <path d="M3 8l9-4 9 4-9 4-9-4z" />
      <path d="M3 12l9 4 9-4" />
      <path d="M3 16l9 4 9-4" />
    </>
  ),
  app: (
    <>
      <rect x="3" y="4" width="18" height="7" rx="1.5" />
      <rect x="3" y="13" width="18" height="7" rx="1.5" />
      <path d="M7 7.5h.01M7 16.5h.01" />
    </>
  ),
  gateway: (
    <>
      <path d="M12 3l8 3v6c0 4.5-3.4 7.9-8 9-4.6-1.1-8-4.5-8-9V6l8-3z" />
      <path d="M9 12h6M12 9v6" />
    </>
  ),
  site: (
    <>
      <path d="M7 18a4 4 0 0 1-.5-8A5.5 5.5 0 0 1 17 8.5a4.5 4.5 0 0 1 .5 9.5H7z" />
    </>
  ),
  client: (
    <>
      <rect x="4" y="5" width="16" height="10" rx="1.5" />
      <path d="M2 19h20" />
    </>
  ),
};
