/** Every cache the service worker makes starts so; other caches on the origin are left alone. */
const PREFIX = 'apparatus-';

/** One cache per build, so a new build starts clean and the last one's files can be dropped whole. */
export const cacheNameFor = (buildId: string): string => `${PREFIX}${buildId}`;

/** The caches to delete once `current` is active: every earlier build's, none that is not ours. */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((n) => n.startsWith(PREFIX) && n !== current);
}
