// The command's Logger: the same calls as the runner's (log/logger.ts), printed for a terminal, a
// GitLab job log or a Jenkins console. There is no log masker outside GitHub, so every line is
// cut free of the secrets registered so far before it is printed, and every line is made inert
// (text.ts): remote text can neither drive the terminal nor open or close a GitLab section.

import { type Drain, NEVER_FULL } from '../log/drain.js'
import { cut, DEBUG_LINE, type Logger } from '../log/logger.js'
import { redactText, SecretSet } from '../log/redact.js'
import { terminalLine } from './text.js'

export interface TerminalOptions {
  /** Where lines go (stdout, or stderr with --json). */
  write(text: string): void
  /** ANSI colours for our own words; only on a TTY and never with NO_COLOR. */
  color: boolean
  /** GitLab CI: groups become collapsible sections. */
  gitlab: boolean
  debug: boolean
  /** Seconds since the epoch, for GitLab's section markers. */
  now?: () => number
  /** When `write`'s stream is full (log/drain.ts): a long log then waits instead of queueing in memory. */
  drain?: Drain
}

export interface TerminalLogger extends Logger {
  /** Text with every secret registered so far cut out: for what the command writes besides the log. */
  redact(text: string): string
}

const STYLE = { bold: '1', red: '31', yellow: '33', cyan: '36', dim: '2' } as const

export function terminalLogger(options: TerminalOptions): TerminalLogger {
  const secrets = new SecretSet()
  const now = options.now ?? (() => Math.floor(Date.now() / 1000))
  const drain = options.drain ?? NEVER_FULL
  const sections: string[] = []
  let sectionCount = 0
  // Redacted first (a secret is matched in the text as it came), then made inert.
  const safe = (text: string): string => terminalLine(redactText(text, secrets))
  const style = (name: keyof typeof STYLE, text: string): string => (options.color ? `\u001b[${STYLE[name]}m${text}\u001b[0m` : text)
  const line = (text: string): void => options.write(`${text}\n`)
  const lines = (prefix: string, message: string): void => {
    const [first = '', ...rest] = message.split(/\r?\n/)
    line(`${prefix}${safe(first)}`)
    for (const more of rest) line(`  ${safe(more)}`)
  }
  return {
    debug: (m) => {
      if (options.debug) line(style('dim', `debug: ${safe(cut(redactText(m, secrets), DEBUG_LINE))}`))
    },
    info: (m) => line(safe(m)),
    notice: (m) => lines(`${style('cyan', 'notice:')} `, m),
    warning: (m, p) => lines(`${style('yellow', 'warning:')} ${p?.title ? `${safe(p.title)}: ` : ''}`, m),
    // With a title it is an annotation, whose last log lines the group above has printed already: its first paragraph is enough.
    error: (m, p) => lines(`${style('red', 'error:')} ${p?.title ? `${safe(p.title)}: ` : ''}`, p?.title ? m.split(/\r?\n\r?\n/)[0]! : m),
    startGroup: (title) => {
      if (!options.gitlab) return line(style('bold', `==> ${safe(title)}`))
      // GitLab's own marker (docs/command.md): only our code writes the escape and carriage return it needs.
      const name = `codearts_pipeline_${++sectionCount}`
      sections.push(name)
      line(`\u001b[0Ksection_start:${now()}:${name}[collapsed=true]\r\u001b[0K${style('bold', safe(title))}`)
    },
    endGroup: () => {
      const name = sections.pop()
      if (options.gitlab && name !== undefined) line(`\u001b[0Ksection_end:${now()}:${name}\r\u001b[0K`)
    },
    verbatim: async (remote) => {
      const indent = options.gitlab ? '' : '    '
      for (const text of remote) {
        line(`${indent}${safe(text)}`)
        const full = drain()
        if (full !== undefined) await full
      }
    },
    secret: (value) => {
      secrets.add(value)
    },
    isDebug: () => options.debug,
    redact: (text) => redactText(text, secrets)
  }
}
