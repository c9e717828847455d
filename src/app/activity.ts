/**
 * Moments in the workbench that leave no trace in a store (a download, a hover, a neighbour picked), told to
 * whoever listens: study mode records them; outside a study nobody listens and they cost nothing.
 */
export type Activity =
  | { readonly type: 'export'; readonly format: string; readonly tuneId: string | null }
  | { readonly type: 'neighbour-chosen'; readonly tuneId: string; readonly measure: string }
  /** The attention cell under the pointer (row of the map, word column), or null when it left the map. */
  | { readonly type: 'attention-hover'; readonly cell: { readonly row: number; readonly word: number } | null };

const listeners = new Set<(a: Activity) => void>();

export function emitActivity(activity: Activity): void {
  for (const l of listeners) l(activity);
}

export function onActivity(listener: (a: Activity) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
