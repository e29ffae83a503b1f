// Fails when dist/ is not exactly what `npm run build` makes from the sources (users run the
// committed dist/index.js and dist/cli/index.js, the command, not src/), or when what the build
// generates from action.yml (the defaults module, README's input and output tables) was not regenerated. ncc numbers modules by
// their paths, so the build must run in place; it does, and leaves the fresh files for you to commit.

import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const GENERATED = ['README.md', 'src/action/action-yml.generated.ts']
const BUNDLES = ['dist/index.js', 'dist/cli/index.js']
const snapshot = () => ({
  ...Object.fromEntries(
    readdirSync('dist', { recursive: true })
      .map(String)
      .sort()
      .filter((f) => !f.endsWith('/') && existsSync(join('dist', f)) && !statSync(join('dist', f)).isDirectory())
      .map((f) => [join('dist', f), readFileSync(join('dist', f))])
  ),
  ...Object.fromEntries(GENERATED.filter(existsSync).map((f) => [f, readFileSync(f)]))
})

const before = snapshot()
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
const after = snapshot()

const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
  (f) => before[f] === undefined || after[f] === undefined || !before[f].equals(after[f])
)
// ncc can "succeed" while leaving a stub that throws at run time for a module it could not resolve.
const broken = BUNDLES.filter((f) => /webpackMissingModule|eval\("require"\)\("@actions/.test(after[f]?.toString() ?? ''))

if (changed.length > 0) {
  console.error(`The build of the sources differs from what is committed (${changed.join(', ')}). It has been rebuilt: commit it.`)
  process.exit(1)
}
if (broken.length > 0) {
  console.error(`${broken.join(', ')} contains an unresolved module stub: a dependency could not be bundled.`)
  process.exit(1)
}
console.log('dist/ and the files made from action.yml are the build of the sources.')
