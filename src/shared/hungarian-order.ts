// Hungarian alphabetical order (á after a, cs after c, …), for names in lists. One collator for the
// process: `a.localeCompare(b, 'hu')` on every comparison sorted 600 names three times slower
// (issue 8, docs/performance.md), and a large group's member list sorts hundreds.
export const byHungarian: (a: string, b: string) => number = new Intl.Collator('hu').compare
