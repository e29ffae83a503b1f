// Step logs come in pages of text. These turn pages into whole lines, once each.

export interface TextPage {
  text: string
  /** Where the next page starts, in the service's own units; passed back as given. */
  next?: number
  more: boolean
}

/**
 * Reads pages from offset 0 until the service says there is no more, or would send us back to where
 * we were. A page may end inside a line; that part is carried over and joined to the next page.
 */
export async function* pagedLines(fetch: (offset: number) => Promise<TextPage>): AsyncIterable<string> {
  let offset = 0
  let carry = ''
  for (;;) {
    const page = await fetch(offset)
    const parts = (carry + page.text).split('\n')
    const last = !page.more || page.next === undefined || page.next <= offset
    carry = last ? '' : (parts.pop() ?? '')
    yield* trimmed(parts, last)
    if (last) return
    offset = page.next!
  }
}

/** The lines of a whole text. */
export function splitLines(text: string): string[] {
  return [...trimmed(text.split('\n'), true)]
}

function* trimmed(parts: string[], final: boolean): Iterable<string> {
  if (final && parts.at(-1) === '') parts.pop()
  for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line
}
