/** One file of an export; `mode` is its Unix permission (secrets 0600, scripts 0755). */
export interface BundleFile {
  path: string;
  content: string;
  mode: number;
}

