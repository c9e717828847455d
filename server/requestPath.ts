import { isAbsolute, join, relative, sep } from 'node:path';

/** Longer paths are refused before they reach the file system (no file in a build comes close). */
export const MAX_PATH_LENGTH = 1024;

export type RequestPath = { readonly file: string } | { readonly status: 400 | 403 | 414 };

/** True when `path` is `root` or lies below it; a sibling whose name merely starts with root's does not count. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * Maps a request's URL path (still percent-encoded) to a file under `root`, an absolute, resolved folder.
 * Refused: malformed escapes, NUL bytes and backslashes (400: no file we serve has them, and Windows reads a
 * backslash as a separator), paths over MAX_PATH_LENGTH (414), and anything that leaves the root (403).
 * Symlinks are not followed here; the server checks where they really lead.
 */
export function resolveRequestPath(root: string, urlPath: string): RequestPath {
  if (urlPath.length > MAX_PATH_LENGTH) return { status: 414 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const file = join(root, decoded);
  return isInside(root, file) ? { file } : { status: 403 };
}
