import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  readonly count: number;
  /** Fixed height of every row, in px. */
  readonly rowHeight: number;
  /** Height of the scrolling area, in px. */
  readonly height: number;
  readonly renderRow: (index: number) => ReactNode;
  /** Row to scroll into view when `revealKey` changes. */
  readonly reveal?: { readonly index: number; readonly key: number };
  readonly label: string;
}

/** Overscan above and below the visible rows, so fast scrolling does not flash blanks. */
const OVERSCAN = 6;

/** A scrolling list that mounts only the rows in view (rows have one fixed height). */
export function VirtualList({ count, rowHeight, height, renderRow, reveal, label }: Props) {
  const node = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!reveal || reveal.index < 0 || !node.current) return;
    const y = reveal.index * rowHeight;
    const el = node.current;
    if (y < el.scrollTop || y + rowHeight > el.scrollTop + height) el.scrollTop = Math.max(0, y - height / 2);
    setTop(el.scrollTop);
    // Only a new reveal request scrolls; row changes alone must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal?.key]);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} style={{ position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={node}
      className="virtual-list"
      role="list"
      aria-label={label}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
