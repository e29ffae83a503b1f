// Biome formats to 140 columns but does not break a long string, comment or regular expression,
// so this finds the lines it leaves longer. A regular expression may stay long: splitting one
// makes it harder to read than a long line does.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const LIMIT = 140
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'test', 'scripts'], {
  encoding: 'utf8'
})
  .split('\n')
  .filter((f) => /\.(ts|mjs)$/.test(f))
const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ file, n: i + 1, line }))
    .filter(({ line }) => line.length > LIMIT && !/^\s*\/.*\/[a-z]*,?\)?$/.test(line))
)
for (const { file, n, line } of long) console.error(`${file}:${n}: ${line.length} columns (at most ${LIMIT}); split the text`)
if (long.length > 0) process.exit(1)
