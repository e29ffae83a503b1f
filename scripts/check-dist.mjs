// Fails when dist/ is not exactly what `npm run build` makes from the sources: users run the
// committed dist/index.js, not src/. ncc numbers modules by their paths, so the build must run in
// place; it does, and leaves the fresh dist/ behind for you to commit.

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = 'dist'
const snapshot = () => Object.fromEntries(readdirSync(dist).sort().map((f) => [f, readFileSync(join(dist, f))]))

const before = snapshot()
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
const after = snapshot()

const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
  (f) => before[f] === undefined || after[f] === undefined || !before[f].equals(after[f])
)
// ncc can "succeed" while leaving a stub that throws at run time for a module it could not resolve.
const broken = /webpackMissingModule|eval\("require"\)\("@actions/.test(after['index.js']?.toString() ?? '')

if (changed.length > 0) {
  console.error(`dist/ was not the build of the sources (${changed.join(', ')} differed). It has been rebuilt: commit dist/.`)
  process.exit(1)
}
if (broken) {
  console.error('dist/index.js contains an unresolved module stub: a dependency could not be bundled.')
  process.exit(1)
}
console.log('dist/ is the build of the sources.')
