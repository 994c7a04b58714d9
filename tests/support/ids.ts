/** A block of ids no other test file uses: test files share one database and run in parallel. */
export function idBlock(size = 100): (offset: number) => number {
  const base = 1_000_000 + Math.floor(Math.random() * 1_000_000) * size
  return (offset) => {
    if (offset >= size) throw new Error(`offset ${offset} outside the block of ${size}`)
    return base + offset
  }
}
