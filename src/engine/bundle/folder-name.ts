/** The zip's top folder, from the design name reduced to `[a-z0-9-]`: user text never shapes a path otherwise. */
export function bundleFolderName(designName: string): string {
  const slug = designName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'wg-bundle';
}
