import { describe, expect, it } from 'vitest'
import { pagedLines } from '../../src/providers/text-pages.ts'
import { annotationText } from '../../src/report/reporter.ts'
import { readTail } from '../../src/report/tail.ts'

async function* lines(n: number, make = (i: number) => `line ${i}`): AsyncIterable<string> {
  for (let i = 1; i <= n; i++) yield make(i)
}

describe('readTail', () => {
  it.each([
    [0, 5, []],
    [3, 5, ['line 1', 'line 2', 'line 3']],
    [5, 5, ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']],
    [12, 5, ['line 8', 'line 9', 'line 10', 'line 11', 'line 12']],
    [10, 1, ['line 10']]
  ])('%i lines, limit %i', async (n, limit, expected) => {
    expect(await readTail(lines(n), limit)).toEqual({ lines: expected, total: n })
  })
})

describe('pagedLines', () => {
  /** A service with `text` cut into pages of `size` characters, offsets counting characters. */
  const pages = (text: string, size: number) => async (offset: number) => ({
    text: text.slice(offset, offset + size),
    next: Math.min(text.length, offset + size),
    more: offset + size < text.length
  })

  it('joins lines cut across pages, each once, in order', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')
    const got: string[] = []
    for await (const line of pagedLines(pages(text, 7))) got.push(line)
    expect(got).toEqual(text.split('\n'))
  })

  it('keeps the end of a very long line, and says how much was cut', async () => {
    const text = `${'a'.repeat(3_000)}${'z'.repeat(2_000)}\nnext`
    const got: string[] = []
    for await (const line of pagedLines(pages(text, 1_000))) got.push(line)
    expect(got).toEqual([`[line cut: the first 3000 of 5000 characters are not shown]…${'z'.repeat(2_000)}`, 'next'])
  })

  it('cuts the part of a page that repeats what the previous page gave', async () => {
    // A service that answers every page from 10 bytes before where it was asked to start.
    const text = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n')
    const overlapping = async (offset: number) => {
      const start = Math.max(0, offset - 10)
      return { text: text.slice(start, offset + 12), start, next: Math.min(text.length, offset + 12), more: offset + 12 < text.length }
    }
    const got: string[] = []
    for await (const line of pagedLines(overlapping)) got.push(line)
    expect(got).toEqual(text.split('\n'))
  })
})

describe('annotationText', () => {
  const failure = { stage: 's', job: 'j', step: 'st', message: 'exit code 2\nsee log' }

  it('is the message on one line, then the last lines', () => {
    const tail = { lines: Array.from({ length: 40 }, (_, i) => `l${i}`), total: 40 }
    expect(annotationText(failure, tail)).toBe(`exit code 2 see log\n\nLast lines:\n${tail.lines.slice(-20).join('\n')}`)
  })

  it('keeps within 4096 characters by dropping the oldest lines', () => {
    const tail = { lines: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(400, '.')), total: 20 }
    const text = annotationText(failure, tail)
    expect(text.length).toBeLessThanOrEqual(4_096)
    expect(text.endsWith(tail.lines.at(-1)!)).toBe(true)
    expect(text).not.toContain(tail.lines[0])
  })

  it('is just the message without a log', () => {
    expect(annotationText({ ...failure, message: '' }, undefined)).toBe('failed')
  })
})
