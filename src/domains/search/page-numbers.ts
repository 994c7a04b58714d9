/** A gap in a row of page numbers, shown as an ellipsis. */
export const GAP = 'gap'

/**
 * The page numbers a pager shows: the first, the last, and the current with two neighbours each
 * side; a gap stands for the pages left out (never for a single page, which is shown instead).
 */
export function pageNumbers(current: number, last: number): (number | typeof GAP)[] {
  const shown = new Set([1, last])
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= last) shown.add(n)
  const sorted = [...shown].sort((a, b) => a - b)
  const items: (number | typeof GAP)[] = []
  for (const [i, n] of sorted.entries()) {
    const before = sorted[i - 1]
    if (before !== undefined && n - before === 2) items.push(n - 1)
    else if (before !== undefined && n - before > 2) items.push(GAP)
    items.push(n)
  }
  return items
}
