// Step logs come in pages of text. These turn pages into whole lines, once each, in bounded memory.

export interface TextPage {
  text: string
  /** Where this page's text starts, in bytes, when the answer says. */
  start?: number
  /** Where the next page starts, in the service's own units; passed back as given. */
  next?: number
  more: boolean
}

/**
 * The longest line kept, in characters. Longer lines keep their end, where the error usually is
 * (the live log view cuts lines at 1,024 characters anyway). It also bounds the partial line carried
 * from page to page: a log that is one 100 MB line costs no more memory than a short one.
 */
export const MAX_LINE = 2_000

// A safety net against a service whose offsets never stop moving.
const MAX_PAGES = 100_000

/**
 * Reads pages from offset 0 until the service says there is no more, or would send us back to where
 * we were. A page may end inside a line; that part is carried over and joined to the next page.
 * A page that says it starts before the end of the previous one (a service that reads the offsets
 * of a page request differently, docs/codearts.md) has the part already read cut off, so no line is
 * printed twice.
 */
export async function* pagedLines(fetch: (offset: number) => Promise<TextPage>): AsyncIterable<string> {
  let offset = 0
  let carry = new Carry()
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetch(offset)
    const text = answer.start !== undefined && answer.start < offset ? dropBytes(answer.text, offset - answer.start) : answer.text
    const parts = text.split('\n')
    const last = !answer.more || answer.next === undefined || answer.next <= offset
    for (let i = 0; i < parts.length - 1; i++) {
      carry.append(parts[i]!)
      yield carry.line()
      carry = new Carry()
    }
    carry.append(parts.at(-1)!)
    if (last) {
      if (!carry.empty()) yield carry.line()
      return
    }
    offset = answer.next!
  }
}

/** The lines of a whole text. */
export function splitLines(text: string): string[] {
  const parts = text.split('\n')
  if (parts.at(-1) === '') parts.pop()
  return parts.map((part) => {
    const carry = new Carry()
    carry.append(part)
    return carry.line()
  })
}

/** A line being assembled from pieces: its length, and at most MAX_LINE of its last characters. */
class Carry {
  private tail = ''
  private length = 0

  append(piece: string): void {
    this.length += piece.length
    const joined = this.tail + piece
    this.tail = joined.length > MAX_LINE ? joined.slice(-MAX_LINE) : joined
  }

  empty(): boolean {
    return this.length === 0
  }

  line(): string {
    const text = this.tail.endsWith('\r') ? this.tail.slice(0, -1) : this.tail
    return this.length > MAX_LINE
      ? `[line cut: the first ${this.length - MAX_LINE} of ${this.length} characters are not shown]…${text}`
      : text
  }
}

/** `text` without its first `bytes` bytes of UTF-8. */
function dropBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8')
  return bytes >= buffer.length ? '' : buffer.subarray(bytes).toString('utf8')
}
