/**
 * The bar a key moves the score's keyboard cursor to, among `count` bars: arrows step one bar (Left and Up
 * back, Right and Down on), Home and End jump to the ends. Null for keys that do not move it.
 */
export function barAfterKey(key: string, active: number | null, count: number): number | null {
  if (count === 0) return null;
  const from = active ?? -1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return active === null ? 0 : Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
