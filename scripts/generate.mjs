// Makes what is derived from action.yml, so that every input's default and meaning has one home:
//   src/action/action-yml.generated.ts  the defaults the action reads, the input and output names, and
//                                       each input's meaning for the command's --help (with the version
//                                       from package.json)
//   README.md, between the inputs/outputs markers  the tables users read
// Run by `npm run build`; `npm test` fails when either is stale (scripts/check-dist.mjs).

import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const inputs = Object.entries(action.inputs)
const outputs = Object.entries(action.outputs)

/** A long text as string literals joined with +, each line within the 140 columns the lint allows. */
function pieces(text) {
  const parts = text.match(/.{1,90}(\s|$)|.{90}/g) ?? ['']
  return parts.map((part) => `      ${JSON.stringify(part)}`).join(' +\n')
}

const ts = `// Generated from action.yml by scripts/generate.mjs (npm run build): do not edit.

/** Every input's default, as action.yml gives it ('' where it gives none). */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
${inputs.map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(String(spec.default ?? ''))}`).join(',\n')}
}

/** The inputs action.yml declares, in its order. */
export const INPUT_NAMES: readonly string[] = [
${inputs.map(([name]) => `  ${JSON.stringify(name)}`).join(',\n')}
]

/** Each input as action.yml describes it, in its order: what the command's --help says of its flag. */
export const INPUT_HELP: readonly { name: string; description: string; default: string; required: boolean }[] = [
${inputs
  .map(
    ([name, spec]) =>
      `  {\n    name: ${JSON.stringify(name)},\n    description:\n${pieces(String(spec.description ?? '').trim())},\n` +
      `    default: ${JSON.stringify(String(spec.default ?? ''))},\n    required: ${spec.required === true}\n  }`
  )
  .join(',\n')}
]

/** The package's version (package.json). */
export const VERSION = ${JSON.stringify(version)}

/** The outputs action.yml declares, in its order. */
export const OUTPUT_NAMES: readonly string[] = [
${outputs.map(([name]) => `  ${JSON.stringify(name)}`).join(',\n')}
]
`
writeFileSync('src/action/action-yml.generated.ts', ts)

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
const inputTable = [
  '| input | default | meaning |',
  '|---|---|---|',
  ...inputs.map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? 'required' : spec.default ? `\`${spec.default}\`` : ''} | ${cell(spec.description)} |`
  )
].join('\n')
const outputTable = [
  '| output | meaning |',
  '|---|---|',
  ...outputs.map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
].join('\n')

let readme = readFileSync('README.md', 'utf8')
for (const [marker, table] of [
  ['inputs', inputTable],
  ['outputs', outputTable]
]) {
  const start = `<!-- ${marker}: generated from action.yml by npm run build -->`
  const end = `<!-- end of ${marker} -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`)
  readme = `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`
}
writeFileSync('README.md', readme)
