import type { BundleFile } from '../../engine';

/** The bundle as a folder tree: top-level files, then one folder per host. */
export function FileTree({ folder, files, selected, onSelect }: {
  folder: string;
  files: readonly BundleFile[];
  selected: string | null;
  onSelect: (path: string) => void;
}) {
  const top = files.filter((f) => !f.path.includes('/'));
  const dirs = new Map<string, BundleFile[]>();
  for (const f of files) {
    const i = f.path.indexOf('/');
    if (i < 0) continue;
    const dir = f.path.slice(0, i);
    dirs.set(dir, [...(dirs.get(dir) ?? []), f]);
  }
  const item = (f: BundleFile, label: string) => (
    <li key={f.path}>
      <button type="button" className={`tree__file${f.path === selected ? ' is-selected' : ''}`} onClick={() => onSelect(f.path)}
        data-testid="bundle-file" data-path={f.path}>
        {label}
      </button>
    </li>
  );
  return (
    <nav className="tree" aria-label="Bundle files" data-testid="file-tree">
      <div className="tree__root mono">{folder}/</div>
      <ul>
        {[...dirs].map(([dir, list]) => (
          <li key={dir}>
            <div className="tree__dir mono">{dir}/</div>
            <ul>{list.map((f) => item(f, f.path.slice(dir.length + 1)))}</ul>
          </li>
        ))}
        {top.map((f) => item(f, f.path))}
      </ul>
    </nav>
  );
}
