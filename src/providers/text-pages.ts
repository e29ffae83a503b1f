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

/** Lines asked for in one page, at most (both services count a page's size in lines). */
export const PAGE_LINES = 1_000

/**
 * The size, in characters, a page request aims at. A page is held whole on its way through the
 * HTTP client and the JSON parser, several copies over (net/http.ts refuses an answer over 32 MB),
 * so the step's memory grows with the size of a page, not of the log. When pages come back larger
 * than this (long lines), the next asks for proportionally fewer lines; when smaller, for more, up
 * to PAGE_LINES.
 */
export const PAGE_CHARS = 512 * 1024

/**
 * Reads pages from offset 0 until the service says there is no more, or would send us back to where
 * we were. A page may end inside a line; that part is carried over and joined to the next page.
 * A page that says it starts before the end of the previous one (a service that reads the offsets
 * of a page request differently, docs/codearts.md) has the part already read cut off, so no line is
 * printed twice. Memory: the page being read, and the carry (at most MAX_LINE characters); the next
 * page is asked for only once this one's lines have been consumed, for as many lines as make about
 * PAGE_CHARS at the length the lines have had so far.
 */
export async function* pagedLines(fetch: (offset: number, lines: number) => Promise<TextPage>): AsyncIterable<string> {
  let offset = 0
  let lines = PAGE_LINES
  const carry = new Carry()
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetch(offset, lines)
    lines = Math.min(PAGE_LINES, Math.max(1, Math.floor((lines * PAGE_CHARS) / Math.max(1, answer.text.length))))
    const text = answer.start !== undefined && answer.start < offset ? dropBytes(answer.text, offset - answer.start) : answer.text
    const last = !answer.more || answer.next === undefined || answer.next <= offset
    yield* completeLines(text, carry)
    carry.detach()
    if (last) {
      if (!carry.empty()) yield carry.take()
      return
    }
    offset = answer.next!
  }
}

/** The lines of a whole text, one at a time (no array of them all beside the text). */
export function* splitLines(text: string): Iterable<string> {
  const carry = new Carry()
  yield* completeLines(text, carry)
  if (!carry.empty()) yield carry.take()
}

/**
 * Each line of `text` that ends in it, joined to what `carry` held before; what follows the last
 * line break stays in the carry. Line by line with indexOf rather than split(): no array of the
 * lines beside the text.
 */
function* completeLines(text: string, carry: Carry): Iterable<string> {
  let from = 0
  for (let end = text.indexOf('\n', from); end >= 0; end = text.indexOf('\n', from)) {
    carry.append(text, from, end)
    yield carry.take()
    from = end + 1
  }
  carry.append(text, from, text.length)
}

/**
 * A line being assembled from pieces of pages: its length, and at most MAX_LINE of its last
 * characters. Only what is kept is copied out of a page, never a whole piece: a 1 MB piece of a
 * 100 MB line costs MAX_LINE characters here, not a megabyte.
 */
class Carry {
  private tail = ''
  private length = 0

  /** Characters `from` to `to` of `text`. */
  append(text: string, from: number, to: number): void {
    this.length += to - from
    const start = Math.max(from, to - MAX_LINE)
    const joined = start === from ? this.tail + text.slice(from, to) : text.slice(start, to)
    this.tail = joined.length > MAX_LINE ? joined.slice(-MAX_LINE) : joined
  }

  empty(): boolean {
    return this.length === 0
  }

  /** Lets go of the page the kept characters came from, before the next page is read. */
  detach(): void {
    this.tail = detached(this.tail)
  }

  /** The line, cut if it was too long, and a fresh carry. */
  take(): string {
    const text = this.tail.endsWith('\r') ? this.tail.slice(0, -1) : this.tail
    const line =
      this.length > MAX_LINE ? `[line cut: the first ${this.length - MAX_LINE} of ${this.length} characters are not shown]…${text}` : text
    this.tail = ''
    this.length = 0
    return detached(line)
  }
}

/**
 * A copy of `text` that holds no reference to the page it was cut from. V8 makes a substring of a
 * long string as a view into it, so a kept line would keep its whole page alive: the tail of 300
 * lines, each from a different 1 MB page, would hold 300 MB. Joining the line to one character and
 * cutting that off again makes V8 write the characters out afresh (the whole copy is the line's
 * own length).
 */
function detached(text: string): string {
  // Below 13 characters V8 copies a substring anyway.
  return text.length < 13 ? text : ` ${text}`.slice(1)
}

/** `text` without its first `bytes` bytes of UTF-8. */
function dropBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8')
  return bytes >= buffer.length ? '' : buffer.subarray(bytes).toString('utf8')
}
