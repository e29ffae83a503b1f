// How reports place text in GitHub Markdown (the job summary, check runs): every piece of remote
// (or user) text goes through one of these, for the context it lands in. All of it sits inside HTML
// elements, where GitHub applies no Markdown and makes no links of its own.

import type { Conclusion, NodeState } from '../model.js'

export const ICON: Record<NodeState | Conclusion, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  timed_out: '⏱️',
  running: '⏳',
  manual: '✋',
  skipped: '⏭️'
}

export function status(state: NodeState, word: string): string {
  return `${ICON[state]} ${text(word)}`
}

/** One line of HTML: in GitHub markdown a blank line would end the table mid-way. */
export function table(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`
  return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`
}

/** Text inside an element: escaped, and on one line (a blank line would end the HTML block). */
export function text(value: string): string {
  return esc(value.replace(/\s+/g, ' ').trim())
}

/** A link, only for an http(s) URL (remote URLs were already kept only when on the service's own hosts). */
export function link(label: string, url: string): string {
  let href: string
  try {
    href = new URL(url).href
  } catch {
    return text(label)
  }
  return /^https?:$/.test(new URL(href).protocol) ? `<a href="${esc(href)}">${text(label)}</a>` : text(label)
}

export function code(value: string): string {
  return `<code>${text(value)}</code>`
}

/** HTML-escaped, and the characters Markdown would read too: no markup, no links. */
export function esc(value: string): string {
  return value.replace(/[&<>"'|\\`*_[\]]/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function span(start: Date | undefined, end: Date | undefined): string {
  return start && end ? duration(end.getTime() - start.getTime()) : ''
}

export function duration(ms: number | undefined): string {
  if (ms === undefined || ms < 0) return ''
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
}
