// The job summary: one table of all runs, then per run its stages and jobs, the failing steps' last
// lines, and what the runs were started with. GitHub refuses a step summary over 1 MiB, so the
// summary is rendered with less detail until it fits, whatever the size of the pipelines.

import type { Conclusion, NodeState, RunDetail } from '../model.js'
import { isSecretName } from '../redact.js'
import type { TriggerSettings } from '../settings.js'
import type { FailedStepLog } from './reporter.js'
import type { RunResult } from './results.js'
import { failurePath } from './failures.js'

export interface SummaryRun {
  result: RunResult
  /** The pipeline's name, or its ID when the service did not say. */
  pipeline: string
  detail?: RunDetail
  failedLogs: FailedStepLog[]
}

export interface SummaryInput {
  /** "CodeArts Pipeline", "Yunxiao Flow". */
  service: string
  conclusion: Conclusion
  runs: SummaryRun[]
  trigger?: TriggerSettings
}

export const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024

/** How much to show: each level drops something, until the text fits. */
const LEVELS = [
  { jobs: 'all', tailLines: 30, failedSteps: 10 },
  { jobs: 'unsuccessful', tailLines: 30, failedSteps: 10 },
  { jobs: 'none', tailLines: 10, failedSteps: 5 },
  { jobs: 'none', tailLines: 0, failedSteps: 0 }
] as const

export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT): string {
  for (const level of LEVELS) {
    const text = render(input, level)
    if (Buffer.byteLength(text) <= limit) return text
  }
  // Even the overview is too big (thousands of pipelines): keep what fits of it.
  return `${render(input, LEVELS[3]).slice(0, limit / 4)}\n\n…(cut to fit the summary limit)\n`
}

function render(input: SummaryInput, level: (typeof LEVELS)[number]): string {
  const out: string[] = [`## ${ICON[input.conclusion]} ${esc(input.service)}: ${input.conclusion}`, '']
  out.push(
    table(
      ['Pipeline', 'Run', 'Status', 'Duration'],
      input.runs.map(({ result, pipeline }) => [
        esc(pipeline),
        link(result.run_number !== null ? `#${result.run_number}` : result.run_id, result.url),
        `${ICON[result.conclusion]} ${esc(result.status || result.conclusion)}`,
        duration(result.duration_s === null ? undefined : result.duration_s * 1000)
      ])
    )
  )
  if (level.tailLines > 0 || level.jobs !== 'none') {
    for (const run of input.runs) out.push(...runSection(run, level, input.service))
  } else {
    for (const run of input.runs) {
      for (const f of run.failedLogs) out.push(`- ${esc(label(run))}: ${esc(failurePath(f.failure))}: ${esc(f.failure.message.replace(/\s*\n\s*/g, ' '))}`)
    }
  }
  if (input.trigger) out.push(...triggerSection(input.trigger))
  return `${out.join('\n')}\n`
}

function runSection(run: SummaryRun, level: (typeof LEVELS)[number], service: string): string[] {
  const out = ['', `### ${esc(label(run))}: ${esc(run.result.status || run.result.conclusion)}`, '']
  if (run.result.url) out.push(`${link(`Open in ${service}`, run.result.url)}${run.result.started_at ? ` · started ${esc(run.result.started_at)}` : ''}`, '')
  if (run.detail) {
    const rows: string[][] = []
    for (const stage of run.detail.stages) {
      rows.push([`<b>${esc(stage.name)}</b>`, '', status(stage.state, stage.status), span(stage.startedAt, stage.finishedAt)])
      for (const job of stage.jobs) {
        const show = level.jobs === 'all' || (level.jobs === 'unsuccessful' && job.state !== 'success' && job.state !== 'skipped')
        if (show) rows.push(['', esc(job.name), status(job.state, job.status), span(job.startedAt, job.finishedAt)])
      }
    }
    out.push(table(['Stage', 'Job', 'Status', 'Duration'], rows))
  }
  for (const { failure, tail } of run.failedLogs.slice(0, level.failedSteps)) {
    const lines = tail?.lines.slice(-level.tailLines) ?? []
    out.push('', `<details><summary>❌ ${esc(failurePath(failure))}: ${esc((failure.message || 'failed').replace(/\s*\n\s*/g, ' '))}${lines.length > 0 ? ` (last ${lines.length} lines)` : ''}</summary>`, '')
    if (lines.length > 0) out.push(`<pre>${esc(lines.join('\n'))}</pre>`)
    out.push('</details>')
  }
  return out
}

function label(run: SummaryRun): string {
  return run.result.run_number !== null ? `${run.pipeline} #${run.result.run_number}` : run.pipeline
}

function triggerSection(trigger: TriggerSettings): string[] {
  const rows: string[][] = []
  if (trigger.ref) rows.push([trigger.ref.kind, code(trigger.ref.name)])
  // Values are shown except where the variable is secret (see maskSecretVariables): the runner
  // masks only the values it was told about, and a value derived from a secret was never told.
  for (const v of trigger.variables) {
    const hidden = isSecretName(v.name) || trigger.secretVariables.includes(v.name)
    rows.push([`variable ${code(v.name)}`, hidden ? '(hidden)' : code(v.value)])
  }
  if (trigger.stages.length > 0) rows.push(['stages', trigger.stages.map(code).join(', ')])
  if (trigger.jobs.length > 0) rows.push(['jobs', trigger.jobs.map(code).join(', ')])
  rows.push(['description', trigger.description !== undefined ? esc(trigger.description) : 'default (repository, commit and workflow run)'])
  return ['', '### Started with', '', table(['', ''], rows)]
}

const ICON: Record<NodeState | Conclusion, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  timed_out: '⏱️',
  running: '⏳',
  manual: '✋',
  skipped: '⏭️'
}

function status(state: NodeState, text: string): string {
  return `${ICON[state]} ${esc(text)}`
}

/** One line of HTML: in GitHub markdown a blank line would end the table mid-way. */
function table(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${c.replace(/\s*\n\s*/g, ' ')}</${tag}>`).join('')}</tr>`
  return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`
}

function link(text: string, url: string): string {
  return /^https?:\/\//.test(url) ? `<a href="${esc(url)}">${esc(text)}</a>` : esc(text)
}

function code(text: string): string {
  return `<code>${esc(text)}</code>`
}

/** Remote and user text is HTML-escaped: it must not be able to add markup or links to the summary. */
export function esc(text: string): string {
  return text.replace(/[&<>"'|\\`*_[\]]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function span(start: Date | undefined, end: Date | undefined): string {
  return start && end ? duration(end.getTime() - start.getTime()) : ''
}

export function duration(ms: number | undefined): string {
  if (ms === undefined || ms < 0) return ''
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
}
