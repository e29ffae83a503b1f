// What a check run shows: a title, a summary of the run's stages, the failing steps' log tails in
// the text, and annotations. GitHub takes at most 65,535 characters in a summary or a text and 50
// annotations a request (docs/check-runs.md); everything from the service is escaped for Markdown
// (report/markup.ts) and cut to fit, the ends of logs kept.

import type { NodeState, RunSnapshot, StageDetail, StageStatus } from '../model.js'
import { failurePath } from '../report/failures.js'
import { duration, esc, ICON, link, span, status, table, text } from '../report/markup.js'
import { annotationText } from '../report/reporter.js'
import type { CheckEnding } from './check-runs.js'

export const OUTPUT_LIMIT = 65_535
export const ANNOTATIONS_PER_REQUEST = 50
const TITLE_LIMIT = 200
const NAME_LIMIT = 100
const ANNOTATION_TITLE_LIMIT = 255
// The text shows the last lines of this many failed steps (as the job summary does).
const TAILS = 10
// Room kept in the summary for what follows the stages table.
const SUMMARY_RESERVE = 8_000

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'failure'
  message: string
  title: string
}

export interface CheckOutput {
  title: string
  summary: string
  text?: string
  annotations?: CheckAnnotation[]
}

/** The check run's name: the pipeline's, on one line. */
export function checkName(name: string): string {
  return oneLine(name, NAME_LIMIT) || 'pipeline'
}

/** While the run goes on: its status and its stages. */
export function progressOutput(label: string, snapshot: RunSnapshot, url: string, service: string): CheckOutput {
  const running = snapshot.stages.find((s) => s.state === 'running' && s.status !== 'INIT')
  return {
    title: oneLine(`${label}: ${snapshot.status || 'status unknown'}${running ? ` (stage ${running.name})` : ''}`, TITLE_LIMIT),
    summary: fitted([header(snapshot.status, snapshot.state, url, service), stagesTable(snapshot.stages)])
  }
}

/** When it ended: the conclusion, the stages, what failed, the failing steps' last lines and annotations. */
export function finalOutput(ending: CheckEnding, service: string, workflowPath: string | undefined): CheckOutput {
  const where = ending.failures.map(failurePath).filter((p) => p !== '')
  const word = ending.status || ending.conclusion
  const state: NodeState =
    ending.conclusion === 'action_required' ? 'manual' : ending.conclusion === 'timed_out' ? 'running' : ending.conclusion
  const seconds = ending.durationS ?? undefined
  const parts = [header(`${word}${seconds !== undefined ? ` in ${duration(seconds * 1000)}` : ''}`, state, ending.run.url, service)]
  if (ending.note) parts.push(`<p>${text(ending.note)}</p>`)
  const stages = ending.detail?.stages ?? ending.snapshot?.stages ?? []
  if (stages.length > 0) parts.push(stagesTable(stages))
  const failures = ending.failures.map((f) => `<li>❌ ${text(failurePath(f) || 'the run')}: ${text(f.message || 'failed')}</li>`)
  if (failures.length > 0) parts.push(`<ul>${failures.join('')}</ul>`)
  const logs = tails(ending)
  return {
    title: oneLine(`${ending.label}: ${word}${where.length > 0 ? ` at ${where.join(', ')}` : ''}`, TITLE_LIMIT),
    summary: fitted(parts),
    ...(logs !== '' && { text: logs }),
    annotations: ending.failedLogs.slice(0, ANNOTATIONS_PER_REQUEST).map(({ failure, tail }) => ({
      path: workflowPath ?? '.github',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure' as const,
      message: annotationText(failure, tail),
      title: oneLine(`${ending.label} / ${failurePath(failure)}`, ANNOTATION_TITLE_LIMIT)
    }))
  }
}

function header(word: string, state: NodeState, url: string, service: string): string {
  return `<p>${ICON[state]} <b>${text(word)}</b> · ${link(`Open in ${service}`, url)}</p>`
}

/** One row a stage, as many as fit, then how many more there are. */
function stagesTable(stages: readonly StageStatus[]): string {
  const rows: string[][] = []
  let size = 0
  for (const stage of stages) {
    const times = 'pre' in stage ? span((stage as StageDetail).startedAt, (stage as StageDetail).finishedAt) : ''
    const row = [text(stage.name), status(stage.state, stage.status), times]
    size += row.join('').length + 30
    if (size > OUTPUT_LIMIT - SUMMARY_RESERVE) {
      rows.push([`… and ${stages.length - rows.length} more stages`, '', ''])
      break
    }
    rows.push(row)
  }
  return table(['Stage', 'Status', 'Duration'], rows)
}

/** The summary's parts, as many whole ones as fit. */
function fitted(parts: string[]): string {
  let out = ''
  for (const part of parts) {
    if (out.length + part.length + 2 > OUTPUT_LIMIT) break
    out += `${out === '' ? '' : '\n\n'}${part}`
  }
  return out
}

/** Each failed step's last lines, the budget shared between them, each keeping its end. */
function tails(ending: CheckEnding): string {
  const logged = ending.failedLogs.filter((f) => (f.tail?.lines.length ?? 0) > 0).slice(0, TAILS)
  if (logged.length === 0) return ''
  const share = Math.floor(OUTPUT_LIMIT / logged.length)
  return logged
    .map(({ failure, tail }) => {
      const heading = `<p>❌ <b>${text(oneLine(failurePath(failure), 300))}</b>: ${text(oneLine(failure.message || 'failed', 300))}</p>`
      const kept: string[] = []
      let size = heading.length + '<pre></pre>\n\n'.length + 40
      for (const line of [...tail!.lines].reverse()) {
        const escaped = esc(line)
        if (size + escaped.length + 1 > share) break
        kept.unshift(escaped)
        size += escaped.length + 1
      }
      const shown = kept.length < tail!.total ? `<p>Last ${kept.length} of ${tail!.total} lines:</p>` : ''
      return `${heading}${shown}<pre>${kept.join('\n')}</pre>`
    })
    .join('\n\n')
}

function oneLine(value: string, limit: number): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat
}
