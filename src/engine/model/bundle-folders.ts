/**
 * The top-level folders a bundle writes besides one per host (see bundle/bundle-files.ts, failover/): a host id may
 * not be one of them, or its files would land in that folder. bundle-files.test.ts checks the list stays complete.
 */
export const BUNDLE_FOLDERS: readonly string[] = ['ansible', 'docs', 'external', 'failover', 'monitoring'];
