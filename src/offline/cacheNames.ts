/** Every cache the hand-written worker before Workbox made started so (`apparatus-<version>-<hash>`, `apparatus-v1`). */
const LEGACY_PREFIX = 'apparatus-';

/** The caches to delete: the earlier worker's. Workbox's own (`workbox-precache-v2-…`) and other apps' stay. */
export function legacyCaches(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith(LEGACY_PREFIX));
}
