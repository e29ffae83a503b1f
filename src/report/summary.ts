// The job summary: one table of all runs, then per run its stages and jobs, the failing steps' last
// lines, and what the runs were started with. GitHub refuses a step summary over 1 MiB, so the
// summary is rendered with less detail until it fits, whatever the size of the pipelines.

import type { TriggerSettings } from '../config/settings.js'
import { isSecretName } from '../log/redact.js'
import type { Conclusion, RunDetail, RunState } from '../model.js'
import { failurePath } from './failures.js'
import { code, duration, esc, ICON, link, span, status, table, text } from './markup.js'
import type { FailedStepLog } from './reporter.js'
import type { RunResult } from './results.js'

export interface SummaryRun {
  result: RunResult
  /** The pipeline's name, or its ID when the service did not say. */
  pipeline: string
  detail?: RunDetail
  failedLogs: FailedStepLog[]
  /** The run's state in the read that decided its verdict (`manual`: it was waiting for a person). */
  state?: RunState
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
  // Even the overview is too big (thousands of pipelines): keep the lines that fit (a line cut
  // in two would leave an unclosed element), and the table rows that fit of a table too long.
  const kept: string[] = []
  let size = 0
  for (const line of render(input, LEVELS[3]).split('\n')) {
    const rows = line.startsWith('<table>') ? line.split(/(?=<tr>)/) : [line]
    let part = ''
    for (const row of rows) {
      if (size + Buffer.byteLength(part + row) > limit / 2) break
      part += row
    }
    if (part === '') break
    kept.push(part.startsWith('<table>') && !part.endsWith('</table>') ? `${part}</table>` : part)
    size += Buffer.byteLength(part) + 1
  }
  return `${kept.join('\n')}\n\n…(cut to fit the summary limit)\n`
}

function render(input: SummaryInput, level: (typeof LEVELS)[number]): string {
  const out: string[] = [`## ${ICON[input.conclusion]} ${text(input.service)}: ${input.conclusion}`, '']
  out.push(
    table(
      ['Pipeline', 'Run', 'Status', 'Duration'],
      input.runs.map(({ result, pipeline }) => [
        text(pipeline),
        link(result.run_number !== null ? `#${result.run_number}` : result.run_id, result.url),
        `${ICON[result.conclusion]} ${text(result.status || result.conclusion)}`,
        duration(result.duration_s === null ? undefined : result.duration_s * 1000)
      ])
    )
  )
  if (level.tailLines > 0 || level.jobs !== 'none') {
    for (const run of input.runs) out.push(...runSection(run, level, input.service))
  } else {
    const items = input.runs.flatMap((run) =>
      run.failedLogs.map((f) => `<li>${text(label(run))}: ${text(failurePath(f.failure))}: ${text(f.failure.message)}</li>`)
    )
    if (items.length > 0) out.push('', `<ul>${items.join('')}</ul>`)
  }
  if (input.trigger) out.push(...triggerSection(input.trigger))
  return `${out.join('\n')}\n`
}

function runSection(run: SummaryRun, level: (typeof LEVELS)[number], service: string): string[] {
  const out = ['', `<h3>${text(label(run))}: ${text(run.result.status || run.result.conclusion)}</h3>`, '']
  if (run.result.stopped === false) {
    out.push(
      '⚠️ The action asked the service to stop this run, and the service did not confirm it: ' + '**the run may still be running.**',
      ''
    )
  }
  if (run.result.url)
    out.push(
      `<p>${link(`Open in ${service}`, run.result.url)}${run.result.started_at ? ` · started ${text(run.result.started_at)}` : ''}</p>`,
      ''
    )
  if (run.detail) {
    const rows: string[][] = []
    for (const stage of run.detail.stages) {
      rows.push([`<b>${text(stage.name)}</b>`, '', status(stage.state, stage.status), span(stage.startedAt, stage.finishedAt)])
      for (const job of stage.jobs) {
        const show = level.jobs === 'all' || (level.jobs === 'unsuccessful' && job.state !== 'success' && job.state !== 'skipped')
        if (show) rows.push(['', text(job.name), status(job.state, job.status), span(job.startedAt, job.finishedAt)])
      }
    }
    out.push(table(['Stage', 'Job', 'Status', 'Duration'], rows))
  }
  for (const { failure, tail } of run.failedLogs.slice(0, level.failedSteps)) {
    const lines = tail?.lines.slice(-level.tailLines) ?? []
    out.push(
      '',
      `<details><summary>❌ ${text(failurePath(failure))}: ` +
        `${text(failure.message || 'failed')}${lines.length > 0 ? ` (last ${lines.length} lines)` : ''}</summary>`,
      ''
    )
    // Inside <pre> a blank line does not end the HTML block, so the lines keep their breaks.
    if (lines.length > 0) out.push(`<pre>${lines.map(esc).join('\n')}</pre>`)
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
  rows.push([
    'description',
    trigger.description !== undefined ? text(trigger.description) : 'default (repository, commit and workflow run)'
  ])
  return ['', '<h3>Started with</h3>', '', table(['', ''], rows)]
}
