// Every workflow, and every YAML example in the documentation, parses, passes actionlint and uses this
// action only as action.yml allows (test/support/yaml-check.ts; CONTRIBUTING.md, "Lint and the YAML
// checks"). The second half shows each check catching a broken example.

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTION, checkFile, checkYaml, yamlBlocks } from '../support/yaml-check.ts'

const ROOT = join(import.meta.dirname, '../..')
const FILES = [
  ...readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  '.github/dependabot.yml',
  'action.yml',
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)
]

describe('the YAML of the repository', () => {
  it('has workflows for tests, the bundle, a self-test and releases', () => {
    expect(FILES).toEqual(
      expect.arrayContaining(['test', 'check-dist', 'self-test', 'release'].map((name) => `.github/workflows/${name}.yml`))
    )
  })

  it.each(FILES)('%s', async (file) => {
    expect(await checkFile(file)).toEqual([])
  })
})

const spec = { inputs: new Set(['pipeline-ids', 'token']), outputs: new Set(['conclusion']) }
const steps = (body: string) => `- id: gate\n  uses: ${ACTION}\n${body}`
/** A workflow expression, as a workflow writes it. */
const expr = (inside: string) => `\${{ ${inside} }}`

describe('the YAML checks catch', () => {
  it.each<[string, string, 'example' | 'workflow', RegExp]>([
    [
      'a plain scalar holding ": " (the README release example before issue 9)',
      `- if: always()\n  run: echo "deploy ${expr('steps.deploy.outputs.conclusion')}": x`,
      'example',
      /^README\.md:11: not valid YAML: /
    ],
    [
      'an input action.yml does not have',
      steps('  with:\n    pipeline-id: x'),
      'example',
      /^README\.md:13: with: pipeline-id is not an input/
    ],
    [
      'an output action.yml does not have',
      steps(`- env:\n    URL: ${expr('steps.gate.outputs.run-link')}\n  run: echo "$URL"`),
      'example',
      /^README\.md:13: steps\.gate\.outputs\.run-link is not an output of action\.yml/
    ],
    [
      'an expression inside a script',
      steps(`- run: echo "${expr('steps.gate.outputs.conclusion')}"`),
      'example',
      /^README\.md:12: an expression inside run: pass the value through env: instead/
    ],
    [
      'a placeholder owner',
      '- uses: your-org/codearts-pipeline-action@v1',
      'example',
      /uses your-org\/codearts-pipeline-action@v1; this action is/
    ],
    ['what actionlint finds', '- run: echo hi\n  shell: fish-of-doom', 'example', /actionlint \(shell-name\)/],
    [
      'a workflow without permissions, with an action not pinned',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v7',
      'workflow',
      /no permissions[\s\S]*actions\/checkout@v7: pin a full commit SHA/
    ]
  ])('%s', async (_, yaml, kind, problem) => {
    const found = await checkYaml('README.md', yaml, 10, kind, spec)
    expect(found.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')).toMatch(problem)
  })

  it('finds the blocks of a Markdown text and where they start', () => {
    expect(yamlBlocks('intro\n\n```yaml\na: 1\n```\ntext\n```yml\n- b\n```\n```sh\nc\n```\n')).toEqual([
      { line: 4, text: 'a: 1' },
      { line: 8, text: '- b' }
    ])
  })
})
