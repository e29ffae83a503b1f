// Text from the service, made harmless for a terminal and for the logs of GitLab and Jenkins. A
// terminal obeys escape sequences wherever they appear: they move the cursor, rewrite earlier lines,
// set the window title, write to the clipboard (OSC 52), or draw a link that reads other than it
// points. GitLab reads its collapsible sections from `\e[0Ksection_start:…\r\e[0K`. So every escape
// sequence is removed, and any control character left is shown as `\u00XX` (log/logger.ts inertLine,
// which also keeps a line from reading as a GitHub workflow command, should the command run there).

import { inertLine } from '../log/logger.js'

// CSI (ESC [ … final byte, and its 8-bit form), OSC (ESC ] … BEL or ESC \), the string
// sequences DCS, SOS, PM and APC (ESC P, X, ^, _ … ESC \), and the two-byte sequences ESC + one byte.
const ESCAPES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding escape sequences is the point
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?/g

/** The text without its escape sequences (colours included: they cannot be told apart from the rest safely). */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '')
}

/** One line as a terminal or a CI log shows it and never obeys: no escape sequence, no control character but tab. */
export function terminalLine(text: string): string {
  return stripEscapes(text).split('\t').map(inertLine).join('\t')
}
