// A step's log on its way to the job log: lines joined across pages and cut when too long, the tail
// kept, and printing that waits for stdout rather than queueing a long log in memory.

import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { terminalLogger } from '../../src/cli/logger.ts'
import { streamDrain } from '../../src/log/drain.ts'
import { commandLogger } from '../../src/log/logger.ts'
import { MAX_LINE, PAGE_CHARS, PAGE_LINES, pagedLines, splitLines, type TextPage } from '../../src/providers/text-pages.ts'
import { print } from '../../src/report/printout.ts'
import { readTail } from '../../src/report/tail.ts'
import { activeCommands, runnerLines } from '../support/runner-view.ts'

/** A service that serves `text` in pages of `size` characters, counting which pages it was asked for. */
function service(text: string, size: number) {
  const asked: number[] = []
  const fetch = async (offset: number): Promise<TextPage> => {
    asked.push(offset)
    return { text: text.slice(offset, offset + size), next: Math.min(text.length, offset + size), more: offset + size < text.length }
  }
  return { fetch, asked }
}

async function all(lines: AsyncIterable<string>): Promise<string[]> {
  const got: string[] = []
  for await (const line of lines) got.push(line)
  return got
}

describe('a log read page by page', () => {
  it('joins a line split across pages, and a \\r\\n split between two pages ends the line cleanly', async () => {
    const text = 'first line\r\nsecond line, long enough to span pages\r\nthird'
    // 11 characters a page: the \r ends the first page, its \n starts the second.
    expect(await all(pagedLines(service(text, 11).fetch))).toEqual(['first line', 'second line, long enough to span pages', 'third'])
  })

  it('prints a line longer than the cap, over many pages, as its last MAX_LINE characters and a marker', async () => {
    const line = `${'a'.repeat(50_000)}${'b'.repeat(MAX_LINE - 20)}ERROR: at the end.  `
    const got = await all(pagedLines(service(`before\n${line}\nafter\n`, 4_096).fetch))
    expect(got).toEqual([
      'before',
      `[line cut: the first 50000 of ${50_000 + MAX_LINE} characters are not shown]…${'b'.repeat(MAX_LINE - 20)}ERROR: at the end.  `,
      'after'
    ])
  })

  it('reads the next page only once the lines before it are consumed', async () => {
    const { fetch, asked } = service(Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n'), 30)
    const lines = pagedLines(fetch)[Symbol.asyncIterator]()
    await lines.next()
    expect(asked).toEqual([0])
  })

  it('asks for fewer lines a page while lines are long, and for more again once they are short', async () => {
    // Lines of 4,096 characters, then lines of 10; the service gives the lines asked for, whole.
    const log = [...Array.from({ length: 2_000 }, () => 'L'.repeat(4_095)), ...Array.from({ length: 3_000 }, () => 's'.repeat(9))]
    const asked: number[] = []
    const fetch = async (offset: number, lines: number): Promise<TextPage> => {
      asked.push(lines)
      const end = Math.min(log.length, offset + lines)
      return {
        text: log
          .slice(offset, end)
          .map((l) => `${l}\n`)
          .join(''),
        next: end,
        more: end < log.length
      }
    }
    const tail = await readTail(pagedLines(fetch), 2)
    expect(tail.total).toBe(5_000)
    // After the first page, each aims at PAGE_CHARS: 128 lines of 4,096 characters.
    expect(asked.slice(0, 8)).toEqual([PAGE_LINES, ...Array<number>(7).fill(PAGE_CHARS / 4_096)])
    expect(asked.slice(-2)).toEqual([PAGE_LINES, PAGE_LINES])
  })

  it('keeps the last N lines of a log of many, and counts them all', async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `line ${i + 1}`).join('\n')
    const tail = await readTail(pagedLines(service(text, 997).fetch), 3)
    expect(tail).toEqual({ lines: ['line 9998', 'line 9999', 'line 10000'], total: 10_000 })
  })

  it('a whole text (a job log in one piece) gives the same lines, cut the same way', () => {
    const long = 'z'.repeat(MAX_LINE + 5)
    expect([...splitLines(`a\r\n${long}\nlast without a newline`)]).toEqual([
      'a',
      `[line cut: the first 5 of ${MAX_LINE + 5} characters are not shown]…${'z'.repeat(MAX_LINE)}`,
      'last without a newline'
    ])
    expect([...splitLines('')]).toEqual([])
  })
})

/** A stdout that is full after every write, until the test says it has drained. */
class SlowStdout extends EventEmitter {
  written = ''
  writableNeedDrain = false

  write(text: string): boolean {
    this.written += text
    this.writableNeedDrain = true
    return false
  }

  drain(): void {
    this.writableNeedDrain = false
    this.emit('drain')
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('printing a long log', () => {
  it('waits for stdout to drain after a write it could not take, instead of queueing the rest', async () => {
    const out = new SlowStdout()
    const logger = commandLogger((text) => void out.write(text), false, streamDrain(out))
    const lines = ['one', 'two', '::error::forged', 'four']
    let done = false
    const printing = print(logger, [{ group: 'the log', lines }]).then(() => {
      done = true
    })
    await settle()
    expect(out.written).toContain('one')
    expect(out.written).not.toContain('two')
    for (let i = 0; i < lines.length; i++) {
      expect(done).toBe(false)
      out.drain()
      await settle()
    }
    await printing
    const printed = runnerLines(out.written)
    expect(printed.filter((l) => !l.startsWith('::'))).toEqual(['one', 'two', 'four'])
    expect(printed).toContain('::error::forged')
    // Every line was printed inside a stop-commands block, so the forged one is not obeyed.
    expect(activeCommands(out.written).map((c) => c.name)).toEqual(['group', 'endgroup'])
  })

  it('writes without waiting when stdout takes everything', async () => {
    const out = new SlowStdout()
    const logger = commandLogger(
      (text) => {
        out.written += text
      },
      false,
      streamDrain(out)
    )
    const printing = logger.verbatim(['a', 'b', 'c'])
    // Nothing to wait for: every line is out before the call returns.
    expect(runnerLines(out.written).filter((l) => !l.startsWith('::'))).toEqual(['a', 'b', 'c'])
    await printing
  })

  it('stops waiting when stdout closes', async () => {
    const out = new SlowStdout()
    const logger = commandLogger((text) => void out.write(text), false, streamDrain(out))
    const printing = logger.verbatim(['a', 'b'])
    out.emit('close')
    await settle()
    out.emit('close')
    await printing
    expect(runnerLines(out.written).filter((l) => !l.startsWith('::'))).toEqual(['a', 'b'])
  })

  it('the command waits for its stdout the same way', async () => {
    const out = new SlowStdout()
    const logger = terminalLogger({
      write: (text) => void out.write(text),
      color: false,
      gitlab: false,
      debug: false,
      drain: streamDrain(out)
    })
    let done = false
    const printing = logger.verbatim(['one', 'two']).then(() => {
      done = true
    })
    await settle()
    expect(out.written).toBe('    one\n')
    out.drain()
    await settle()
    expect(out.written).toBe('    one\n    two\n')
    expect(done).toBe(false)
    out.drain()
    await printing
  })
})
