import { useEffect } from 'react';
import { decodeShareFragment, isShareFragment } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import { SHARE_NOTICE, linkFailedNotice, shareLinkRequest } from './initial-design';
import { sameDesign } from './same-design';

/**
 * A share link pasted into the address bar of an open designer only changes the fragment: offer it then too (asked
 * over a design with hosts, undoable), or say why it could not be, leaving the current design as it is.
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
      // The design open here already: nothing to replace (and loading the link would drop this tab's private keys).
      if (sameDesign(s.history.present, r.value)) {
        s.setNotice(SHARE_NOTICE);
        return;
      }
      // Over a design with hosts the import question asks first: open the link's design, or keep this one.
      s.offerImport(shareLinkRequest(r.value));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
}
