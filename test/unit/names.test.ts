// Pipelines by name (providers/names.ts): only an exact match counts, a name must match exactly one
// pipeline, and a service that filters loosely, pages its list, or ignores the filter changes nothing.

import { describe, expect, it } from 'vitest'
import { MalformedResponseError, PreconditionError } from '../../src/errors.ts'
import { NAME_PAGES, type NamedPipeline, type PipelinePage, resolveNames } from '../../src/providers/names.ts'

const ID = { build: '1001', test: '1002', deploy: '1003', other: '1004' }
const PIPELINES: NamedPipeline[] = [
  { id: ID.build, name: 'shop-build' },
  { id: ID.test, name: 'shop-test' },
  { id: ID.deploy, name: 'shop-deploy' },
  { id: ID.other, name: 'Shop-Build-Nightly' }
]

/** A service's list: `filter` says how it reads the name, `page` how many it answers at a time. */
function service(options: { pipelines?: NamedPipeline[]; filter?: 'fuzzy' | 'exact' | 'ignored'; page?: number } = {}) {
  const asked: (string | undefined)[] = []
  const { pipelines = PIPELINES, filter = 'fuzzy', page = 2 } = options
  const list = async (name: string | undefined, cursor: string | undefined): Promise<PipelinePage> => {
    asked.push(name)
    const matches = pipelines.filter(
      (p) =>
        name === undefined ||
        filter === 'ignored' ||
        (filter === 'exact' ? p.name === name : p.name.toLowerCase().includes(name.toLowerCase()))
    )
    const from = Number(cursor ?? 0)
    const items = matches.slice(from, from + page)
    return { items, ...(from + page < matches.length && { next: String(from + page) }) }
  }
  return { list, asked }
}

const resolve = (names: string[], list: ReturnType<typeof service>['list']) =>
  resolveNames(names, list, 'organization org-1', (id) => /^\d+$/.test(id))

describe('resolveNames', () => {
  it.each(['fuzzy', 'exact', 'ignored'] as const)('takes only the exact name, in order, whatever the filter (%s)', async (filter) => {
    const { list } = service({ filter })
    expect(await resolve(['shop-test', 'shop-build'], list)).toEqual([ID.test, ID.build])
  })

  it('follows the pages of a long list', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ id: String(2000 + i), name: `shop-${i}` }))
    expect(await resolve(['shop-14'], service({ pipelines: many, filter: 'ignored', page: 3 }).list)).toEqual(['2014'])
  })

  it('refuses a name two pipelines have, listing both IDs', async () => {
    const { list } = service({ pipelines: [...PIPELINES, { id: '1010', name: 'shop-build' }] })
    await expect(resolve(['shop-build'], list)).rejects.toThrow(
      new PreconditionError(
        "finding the pipeline named 'shop-build'",
        "2 pipelines of organization org-1 have this name (IDs '1001', '1010'); rename all but one, or give the pipeline's ID in " +
          "'pipeline-ids' instead of 'pipelines'"
      )
    )
  })

  it("refuses an unknown name, listing the service's close names", async () => {
    await expect(resolve(['shop'], service().list)).rejects.toThrow(
      "finding the pipeline named 'shop': no pipeline of organization org-1 has exactly this name (names match whole, case included); " +
        "the closest names are 'Shop-Build-Nightly' (ID '1004'), 'shop-build' (ID '1001'), 'shop-deploy' (ID '1003'), 'shop-test' " +
        "(ID '1002'). Check 'pipelines', or give the pipeline's ID in 'pipeline-ids'"
    )
  })

  it('finds close names for a typo among all pipelines when the filter finds none', async () => {
    const { list, asked } = service({ filter: 'exact' })
    await expect(resolve(['shop-biuld'], list)).rejects.toThrow(/the closest names are 'shop-build' \(ID '1001'\)\. Check 'pipelines'/)
    expect(asked).toEqual(['shop-biuld', undefined, undefined])
  })

  it('never takes a name that differs in case', async () => {
    await expect(resolve(['shop-build-nightly'], service().list)).rejects.toThrow(
      /no pipeline of organization org-1 has exactly this name .* the closest names are 'Shop-Build-Nightly' \(ID '1004'\)/
    )
  })

  it('says so when no name is close', async () => {
    await expect(resolve(['payments'], service({ filter: 'exact' }).list)).rejects.toThrow(/; no name is close to it\. Check 'pipelines'/)
  })

  it(`gives up after ${NAME_PAGES} pages rather than guess`, async () => {
    let calls = 0
    const endless = async (): Promise<PipelinePage> => ({ items: [{ id: String(3000 + calls++), name: 'shop-build' }], next: 'more' })
    await expect(resolve(['shop-build'], endless)).rejects.toThrow(/pipelines of organization org-1 have this name/)
    const single = async (_: string | undefined, cursor: string | undefined): Promise<PipelinePage> => ({
      items: cursor === undefined ? [{ id: '1001', name: 'shop-build' }] : [{ id: String(4000 + calls++), name: 'other' }],
      next: 'more'
    })
    await expect(resolve(['shop-build'], single)).rejects.toThrow(
      `the service listed more than ${NAME_PAGES} pages of pipelines for this name, so the action cannot be sure which pipeline`
    )
  })

  it('refuses an ID the service could not have given', async () => {
    const { list } = service({ pipelines: [{ id: '../runs', name: 'shop-build' }] })
    await expect(resolve(['shop-build'], list)).rejects.toBeInstanceOf(MalformedResponseError)
  })
})
