import { useEffect } from 'react';
import { decodeShareFragment, isShareFragment } from '../../engine';
import { needsLayout } from '../layout/auto-layout';
import { useAppStoreApi } from '../store/store-context';
import { SHARE_NOTICE, linkFailedNotice } from './initial-design';

/**
 * A share link pasted into the address bar of an open designer only changes the fragment: load it then too
 * (undoable), or say why it could not be, leaving the current design as it is.
 */
export function useShareLinkListener() {
  const store = useAppStoreApi();
  useEffect(() => {
    const onHash = () => {
      const hash = window.location.hash;
      if (!isShareFragment(hash)) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      const s = store.getState();
      const r = decodeShareFragment(hash);
      if (!r.ok) {
        s.setNotice(linkFailedNotice(r.errors));
        return;
      }
      s.loadDesign(r.value, { layout: needsLayout(r.value) });
      s.setNotice(SHARE_NOTICE);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
}
