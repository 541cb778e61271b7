import { useEffect, useMemo, useState } from 'react';
import { selectDesign, selectFindings } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { searchHosts } from './host-search';

/** The search field's element id: Ctrl+F and "/" focus it (use-shortcuts.ts). */
export const HOST_SEARCH_ID = 'host-search';
const LIST_ID = 'host-search-results';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Find a host by id, name, role, overlay address or finding code. Enter (or a click) on a match selects it and
 * moves the canvas onto it; arrows move through the list, Escape closes it.
 */
export function HostSearch() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const result = useMemo(() => (open ? searchHosts(design, findings, query) : null), [open, design, findings, query]);
  const matches = result?.matches ?? [];
  const total = result?.total ?? 0;
  // While the list is open with a query the other hosts are dimmed, so the matches stand out where they lie.
  const filter = result !== null && query.trim() !== '' ? result.ids : null;
  useEffect(() => {
    store.getState().setHostFilter(filter);
  }, [store, filter]);
  useEffect(() => () => store.getState().setHostFilter(null), [store]);

  const pick = (id: string) => {
    store.getState().focusSubjects({ hosts: [id] });
    setOpen(false);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = matches.length;
    if (e.key === 'ArrowDown' && n > 0) {
      e.preventDefault();
      setActive((active + 1) % n);
    } else if (e.key === 'ArrowUp' && n > 0) {
      e.preventDefault();
      setActive((active - 1 + n) % n);
    } else if (e.key === 'Enter') {
      const m = matches[active] ?? matches[0];
      if (m) pick(m.id);
    } else if (e.key === 'Escape') {
      setOpen(false);
      e.currentTarget.blur();
    }
  };
  const showList = open && query.trim() !== '';
  return (
    <div className="host-search" role="search">
      <input id={HOST_SEARCH_ID} type="search" className="host-search__input" data-testid="host-search" value={query}
        placeholder="Find host (Ctrl+F)" aria-label="Find a host by id, name, role, address or finding code"
        role="combobox" aria-expanded={showList} aria-controls={LIST_ID} aria-autocomplete="list"
        aria-activedescendant={showList && matches[active] ? `${LIST_ID}-${active}` : undefined}
        onChange={(e) => { setQuery(e.target.value); setActive(0); setOpen(true); }}
        onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onKeyDown={onKeyDown} />
      {showList && (
        <ul id={LIST_ID} className="host-search__list" role="listbox" aria-label="Matching hosts">
          {matches.map((m, i) => (
            <li key={m.id} id={`${LIST_ID}-${i}`} role="option" aria-selected={i === active} data-testid="search-result"
              className={`host-search__item${i === active ? ' is-active' : ''}`}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => { e.preventDefault(); pick(m.id); }} onMouseEnter={() => setActive(i)}>
              <span className="mono">{m.id}</span>
              {m.name !== m.id && <span className="host-search__name">{m.name}</span>}
              {m.why && <span className="host-search__why muted mono">{m.why}</span>}
            </li>
          ))}
          <li className="host-search__count muted" role="presentation">
            {total === 0 ? 'No host matches' : total > matches.length
              ? `${matches.length} of ${plural(total, 'match', 'matches')}` : plural(total, 'match', 'matches')}
          </li>
        </ul>
      )}
    </div>
  );
}
