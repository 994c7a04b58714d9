// CSV for spreadsheet programs, Hungarian Excel first (docs/decisions/0016-entry-review-history-exports.md):
// UTF-8 with a byte order mark (without it Excel reads the bytes as Windows-1250 and garbles ő, ű),
// `;` between fields (a Hungarian Windows lists with `;`, since `,` is its decimal mark — a `,` file
// opens as one column), CRLF between records and RFC 4180 quoting. Pure.

export const CSV_BOM = '\uFEFF'
export const CSV_SEPARATOR = ';'

export type CsvCell = string | number | null

/** A field as written: quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  // A text starting like a formula would run as one in the spreadsheet (CSV injection): a leading
  // apostrophe makes Excel and LibreOffice show it as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[;",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The whole file: BOM, header, records, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvField).join(CSV_SEPARATOR)}\r\n`
  return CSV_BOM + line(header) + rows.map(line).join('')
}

/**
 * A finished CSV as a download, built in memory: its length is known, so the browser shows the
 * download's progress. Never cached (it holds e-mail addresses and Neptun codes).
 */
export function csvResponse(csv: string, filename: string): Response {
  const body = new TextEncoder().encode(csv)
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'content-length': String(body.byteLength),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
