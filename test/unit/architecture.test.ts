// The layout of src/ as docs/architecture.md draws it: each part imports only the parts below it,
// and no file imports itself back through others. A change that breaks this is a change of design,
// so it should change that document (and this table) too, not slip in.

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '../../src')

/** From the ground up: a file may import files of its own floor or lower ones. */
const FLOORS: readonly (readonly string[])[] = [
  ['errors.ts', 'model.ts', 'log/'],
  ['sleep.ts'],
  ['net/'],
  ['config/'],
  ['providers/'],
  ['wait/', 'report/'],
  ['action/'],
  ['checks/'],
  ['gate/'],
  ['main.ts', 'post.ts'],
  ['index.ts', 'debug.ts', 'cli/']
]

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8')
  return [...text.matchAll(/^(?:import|export)[^'"]*from '(\.{1,2}\/[^']+)'/gm)].map(([, spec]) =>
    normalize(join(dirname(file), spec!.replace(/\.js$/, '.ts')))
  )
}

function floorOf(file: string): number {
  const floor = FLOORS.findIndex((parts) => parts.some((part) => (part.endsWith('/') ? file.startsWith(part) : file === part)))
  if (floor === -1) throw new Error(`${file} is on no floor: place it in FLOORS and in docs/architecture.md`)
  return floor
}

/** Every loop of imports, as the files on it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): void => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file])
      return
    }
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) visit(next)
    path.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file)
  return found
}

describe('the layout of src/', () => {
  const files = sources()
  const graph = new Map(files.map((file) => [file, importsOf(file)]))

  it('places every file on a floor', () => {
    for (const file of files) expect(() => floorOf(file), file).not.toThrow()
  })

  it('imports only downwards: no part uses one above it', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => floorOf(target) > floorOf(file)).map((target) => `${file} -> ${target}`)
    )
    expect(upward).toEqual([])
  })

  it('has no import circle', () => {
    expect(circles(graph).map((loop) => loop.join(' -> '))).toEqual([])
  })

  it('keeps main.ts an entry under 50 lines', () => {
    expect(readFileSync(join(SRC, 'main.ts'), 'utf8').split('\n').length).toBeLessThan(50)
  })
})
