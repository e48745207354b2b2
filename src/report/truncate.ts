/**
 * `text` cut to at most `limit` (UTF-16 code units for `unit: 'chars'`, UTF-8 bytes for `unit: 'bytes'`)
 * at a line break, followed by `notice`; unchanged when it fits.
 */
export function truncateWithNotice(
  text: string,
  limit: number,
  notice: string,
  unit: 'chars' | 'bytes' = 'chars',
): { text: string; truncated: boolean } {
  const size = (value: string) => (unit === 'chars' ? value.length : Buffer.byteLength(value, 'utf8'))
  if (size(text) <= limit) return { text, truncated: false }
  const tail = `\n\n${notice}\n`
  const room = limit - size(tail)
  if (room <= 0) return { text: notice.slice(0, limit), truncated: true }
  // Characters never take fewer bytes than code units, so cutting at `room` characters first is safe.
  let kept = text.slice(0, room)
  while (size(kept) > room) kept = kept.slice(0, Math.max(0, kept.length - Math.ceil((size(kept) - room) / 4) - 1))
  const lastBreak = kept.lastIndexOf('\n')
  if (lastBreak > 0) kept = kept.slice(0, lastBreak)
  // Never leave half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1)
  return { text: `${kept.trimEnd()}${tail}`, truncated: true }
}
