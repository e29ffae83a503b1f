// Pipelines named by `pipelines` instead of by ID: each name is looked up in the service's pipeline
// list, once, before anything starts. Both services filter that list by name, but loosely (CodeArts
// documents a fuzzy match; a service may also ignore the filter), so only an exact match counts, and
// a name is taken only when exactly one pipeline has it: a gate that starts the wrong pipeline is
// worse than one that stops. Both providers resolve names here, each through its own list operation.

import { shown } from '../config/parse.js'
import { MalformedResponseError, PreconditionError } from '../errors.js'

export interface NamedPipeline {
  id: string
  name: string
}

/** One page of the service's pipeline list; `next` says where the following page starts (absent: the last page). */
export interface PipelinePage {
  items: NamedPipeline[]
  next?: string
}

/** Reads a page of pipelines whose names the service finds like `name` (every pipeline when undefined), from `cursor`. */
export type PipelineLister = (name: string | undefined, cursor: string | undefined) => Promise<PipelinePage>

/** Pages read for one name: a filtered list is short; an unfiltered one this long cannot be searched whole. */
export const NAME_PAGES = 20
const CANDIDATES = 5
/** Names longer than this are not compared (a hostile list could make the comparison costly). */
const COMPARED_LENGTH = 256

/**
 * The ID of each named pipeline, in the order of `names`. `scope` says where the names were looked
 * for ("CodeArts project …"); `usable` whether an ID from the list can be used as the service's
 * pipeline ID. Throws, naming the input, when a name matches no pipeline (with the close names) or
 * more than one (with their IDs).
 */
export async function resolveNames(
  names: readonly string[],
  list: PipelineLister,
  scope: string,
  usable: (id: string) => boolean
): Promise<string[]> {
  const ids: string[] = []
  let everything: Promise<NamedPipeline[]> | undefined
  for (const name of names) {
    const action = `finding the pipeline named ${shown(name)}`
    const listed = await readAll(list, name)
    const exact = distinct(listed.items.filter((p) => p.name === name))
    if (exact.length > 1) {
      throw new PreconditionError(
        action,
        `${exact.length} pipelines of ${scope} have this name (IDs ${exact.map((p) => shown(p.id)).join(', ')}); rename all but one, ` +
          "or give the pipeline's ID in 'pipeline-ids' instead of 'pipelines'"
      )
    }
    if (!listed.complete) {
      throw new PreconditionError(
        action,
        `the service listed more than ${NAME_PAGES} pages of pipelines for this name, so the action cannot be sure which pipeline, ` +
          "if any, has it; give the pipeline's ID in 'pipeline-ids' instead of 'pipelines'"
      )
    }
    const found = exact[0]
    if (found !== undefined) {
      if (!usable(found.id)) throw new MalformedResponseError(action, `the pipeline's ID ${shown(found.id)} is not one the service uses`)
      ids.push(found.id)
      continue
    }
    // The service's own loose matches first; when none is close, every pipeline (read once for all names).
    let close = closest(name, listed.items)
    if (close.length === 0) {
      everything ??= readAll(list, undefined).then((all) => all.items)
      close = closest(name, await everything)
    }
    const nearby =
      close.length > 0
        ? `the closest names are ${close.map((p) => `${shown(p.name)} (ID ${shown(p.id)})`).join(', ')}`
        : 'no name is close to it'
    throw new PreconditionError(
      action,
      `no pipeline of ${scope} has exactly this name (names match whole, case included); ${nearby}. Check 'pipelines', or give ` +
        "the pipeline's ID in 'pipeline-ids'"
    )
  }
  return ids
}

/** Every page for `name`, up to NAME_PAGES; `complete` when the last one said it was the last. */
async function readAll(list: PipelineLister, name: string | undefined): Promise<{ items: NamedPipeline[]; complete: boolean }> {
  const items: NamedPipeline[] = []
  let cursor: string | undefined
  for (let page = 0; page < NAME_PAGES; page++) {
    const got = await list(name, cursor)
    items.push(...got.items)
    if (got.next === undefined || got.items.length === 0) return { items, complete: true }
    cursor = got.next
  }
  return { items, complete: false }
}

/** One entry per pipeline ID (a list read page by page may show one twice). */
function distinct(pipelines: NamedPipeline[]): NamedPipeline[] {
  return [...new Map(pipelines.map((p) => [p.id, p])).values()]
}

/** The pipelines whose names are closest to `wanted`: the same but for case, one inside the other, or a few letters apart. */
function closest(wanted: string, pipelines: NamedPipeline[]): NamedPipeline[] {
  const scored = distinct(pipelines)
    .filter((p) => p.name !== '' && p.name.length <= COMPARED_LENGTH)
    .map((p) => ({ p, score: distance(wanted.toLowerCase(), p.name.toLowerCase()) }))
    .filter(({ score }) => score !== undefined) as { p: NamedPipeline; score: number }[]
  return scored
    .sort((a, b) => a.score - b.score || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0))
    .slice(0, CANDIDATES)
    .map(({ p }) => p)
}

/** How far apart two lower-cased names are, or undefined when they are not close at all. */
function distance(a: string, b: string): number | undefined {
  if (a === b) return 0
  if (a.includes(b) || b.includes(a)) return 1
  const edits = levenshtein(a, b)
  return edits <= Math.max(2, Math.floor(a.length / 4)) ? 1 + edits : undefined
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
