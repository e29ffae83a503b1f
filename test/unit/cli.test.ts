// The command's adapters, one at a time: flags from action.yml, secrets never on the command line,
// credentials from the environment, the terminal logger, exit codes.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUT_HELP } from '../../src/action/action-yml.generated.ts'
import { FlagError, parseArgs } from '../../src/cli/args.ts'
import { command } from '../../src/cli/command.ts'
import { EXIT, exitReason } from '../../src/cli/exit-codes.ts'
import { helpText, secretAdvice } from '../../src/cli/help.ts'
import { resolveInputs } from '../../src/cli/inputs.ts'
import { originFromCi } from '../../src/cli/io.ts'
import { terminalLogger } from '../../src/cli/logger.ts'
import {
  AbortedError,
  CredentialsRefusedError,
  InputError,
  RemoteError,
  StartRefusedError,
  TransportError,
  UnconfirmedKeyError
} from '../../src/errors.ts'
import type { SummaryInput } from '../../src/report/summary.ts'

const action = parse(readFileSync(join(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
}
const SECRETS = ['secret-key', 'security-token', 'token', 'password', 'github-token']
const args = (argv: string[]) => parseArgs(argv, secretAdvice)
const flagError = (run: () => unknown): string => {
  try {
    run()
  } catch (error) {
    if (error instanceof FlagError) return error.message
    throw error
  }
  throw new Error('no FlagError')
}

describe('flags', () => {
  it('has a flag for every input of action.yml, with its description and default in --help', () => {
    const help = helpText()
    expect(INPUT_HELP.map((i) => i.name)).toEqual(Object.keys(action.inputs))
    for (const [name, spec] of Object.entries(action.inputs)) {
      const entry = INPUT_HELP.find((i) => i.name === name)!
      expect(entry.description).toBe(spec.description.trim())
      expect(entry.default).toBe(String(spec.default ?? ''))
      // A secret input is given by a file (or the environment); every other input by its flag.
      const flag = SECRETS.includes(name) ? `--${name}-file` : `--${name}`
      expect(help).toContain(`  ${flag}`)
      expect(help.replace(/\s+/g, ' ')).toContain(spec.description.trim().replace(/\s+/g, ' ').slice(0, 60))
      const value = name === 'fail-fast' ? 'true' : 'x'
      if (SECRETS.includes(name)) expect(args([`--${name}-file`, '/f']).files.get(name)).toBe('/f')
      else expect(args([`--${name}=${value}`]).values.get(name)).toBe(value)
    }
  })

  it('takes --name value and --name=value, repeats list flags, reads booleans as switches', () => {
    const parsed = args([
      '--pipeline-ids',
      'a',
      '--pipeline-ids=b',
      '--variables',
      'A=1=2',
      '--variables',
      'B=--x',
      '--timeout',
      '30m',
      '--fail-fast',
      '--no-summary',
      '--cancel-on-abort',
      'false',
      '--json',
      '--junit',
      'r.xml'
    ])
    expect(Object.fromEntries(parsed.values)).toEqual({
      'pipeline-ids': 'a\nb',
      variables: 'A=1=2\nB=--x',
      timeout: '30m',
      'fail-fast': 'true',
      summary: 'false',
      'cancel-on-abort': 'false'
    })
    expect(parsed.options).toMatchObject({ json: true, junit: 'r.xml', debug: false })
  })

  it.each([
    [['--pipeline-id', 'x'], 'Unknown flag --pipeline-id (did you mean --pipeline-ids?)'],
    [['--timeout', '1m', '--timeout', '2m'], 'Flag --timeout is given twice'],
    [['--timeout'], 'Flag --timeout needs a value'],
    [['--timeout', '--json'], 'Flag --timeout needs a value'],
    [['abc'], 'Argument 1 is not a flag'],
    [['--region', 'x', '--region-file', 'f'], 'Flags --region and --region-file are both given'],
    [['--json=yes'], 'Flag --json takes no value']
  ])('refuses %j', (argv, message) => {
    expect(flagError(() => args(argv))).toContain(message)
  })

  it.each(SECRETS.flatMap((name) => [[`--${name}`, 'hunter2-value'], [`--${name}=hunter2-value`]]))(
    'refuses a secret as a flag value, without repeating it, and says what to use: %j',
    (...argv) => {
      const message = flagError(() => args(argv))
      expect(message).not.toContain('hunter2')
      expect(message).toMatch(/^Flag --[a-z-]+ is not taken: a secret on the command line/)
      expect(message).toContain(`--${argv[0]!.slice(2).split('=')[0]}-file FILE`)
    }
  )

  it('names the environment variables that carry each secret', () => {
    expect(secretAdvice('secret-key')).toContain('HUAWEICLOUD_SDK_SK or HW_SECRET_KEY (--provider codearts)')
    expect(secretAdvice('secret-key')).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET (--provider yunxiao)')
    expect(secretAdvice('token')).toContain('YUNXIAO_TOKEN or YUNXIAO_ACCESS_TOKEN')
  })
})

describe('inputs from files and the environment', () => {
  const files: Record<string, string> = { '/run/secrets/sk': 'file-secret\n', '/empty': '\n' }
  const read = (path: string) => {
    if (!(path in files)) throw new Error('ENOENT: no such file')
    return files[path]!
  }
  const resolve = (argv: string[], env: Record<string, string>) =>
    Object.fromEntries([...resolveInputs(args(argv), env, read)].map(([k, v]) => [k, `${v.value} <${v.from}>`]))

  it('reads Huawei credentials from the SDK variables, or the Terraform ones, and the region', () => {
    expect(
      resolve([], {
        HUAWEICLOUD_SDK_AK: 'ak',
        HUAWEICLOUD_SDK_SK: 'sk',
        HUAWEICLOUD_SDK_PROJECT_ID: 'iam',
        HW_REGION_NAME: 'ap-southeast-3'
      })
    ).toEqual({
      'access-key': 'ak <HUAWEICLOUD_SDK_AK>',
      'secret-key': 'sk <HUAWEICLOUD_SDK_SK>',
      'iam-project-id': 'iam <HUAWEICLOUD_SDK_PROJECT_ID>',
      region: 'ap-southeast-3 <HW_REGION_NAME>'
    })
    expect(resolve([], { HW_ACCESS_KEY: 'ak', HW_SECRET_KEY: 'sk', HW_SECURITY_TOKEN: 'st' })).toEqual({
      'access-key': 'ak <HW_ACCESS_KEY>',
      'secret-key': 'sk <HW_SECRET_KEY>',
      'security-token': 'st <HW_SECURITY_TOKEN>'
    })
  })

  it('reads the endpoints from the variables the Huawei Cloud SDKs read', () => {
    const env = {
      HW_REGION_NAME: 'ap-southeast-3',
      HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_AP_SOUTHEAST_3: 'https://pipeline.test, https://backup.test',
      HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4: 'https://other-region.test',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.test'
    }
    expect(resolve([], env)).toEqual({
      region: 'ap-southeast-3 <HW_REGION_NAME>',
      endpoint: 'https://pipeline.test <HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_AP_SOUTHEAST_3>',
      'iam-endpoint': 'https://iam.test <HUAWEICLOUD_SDK_IAM_ENDPOINT>'
    })
    expect(resolve(['--region', 'cn-north-4', '--endpoint', 'https://flag.test'], env)).toMatchObject({
      endpoint: 'https://flag.test <--endpoint>'
    })
  })

  it('reads Alibaba Cloud and Yunxiao credentials only for --provider yunxiao, the token first', () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret', HUAWEICLOUD_SDK_AK: 'huawei' }
    expect(resolve(['--provider', 'yunxiao'], env)).toEqual({
      provider: 'yunxiao <--provider>',
      'access-key': 'id <ALIBABA_CLOUD_ACCESS_KEY_ID>',
      'secret-key': 'secret <ALIBABA_CLOUD_ACCESS_KEY_SECRET>'
    })
    // A key pair left for other Alibaba Cloud tools does not become a second way in beside the token.
    expect(resolve(['--provider', 'yunxiao'], { ...env, YUNXIAO_ACCESS_TOKEN: 'pt-1' })).toEqual({
      provider: 'yunxiao <--provider>',
      token: 'pt-1 <YUNXIAO_ACCESS_TOKEN>'
    })
  })

  it('takes no credential from the environment once one is given by a flag or a file', () => {
    expect(
      resolve(['--token-file', '/run/secrets/sk'], { HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk', HW_REGION_NAME: 'r' })
    ).toEqual({
      token: 'file-secret <--token-file /run/secrets/sk>',
      region: 'r <HW_REGION_NAME>'
    })
    expect(resolve(['--region', 'cn-north-4'], { HW_REGION_NAME: 'r' })).toEqual({ region: 'cn-north-4 <--region>' })
    // The IAM project goes with a key from anywhere: given as a flag, it leaves the key to the environment.
    expect(
      resolve(['--iam-project-id', 'p'], { HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk', HUAWEICLOUD_SDK_PROJECT_ID: 'q' })
    ).toEqual({
      'iam-project-id': 'p <--iam-project-id>',
      'access-key': 'ak <HUAWEICLOUD_SDK_AK>',
      'secret-key': 'sk <HUAWEICLOUD_SDK_SK>'
    })
  })

  it.each([
    [['--secret-key-file', '/missing'], {}, 'Flag --secret-key-file: cannot read /missing: ENOENT'],
    [['--secret-key-file', '/empty'], {}, 'Flag --secret-key-file: /empty is empty'],
    [[], { HUAWEICLOUD_SDK_AK: 'a', HW_ACCESS_KEY: 'b' }, 'HUAWEICLOUD_SDK_AK and HW_ACCESS_KEY are both set, to different values']
  ])('refuses %j %j', (argv, env, message) => {
    expect(flagError(() => resolveInputs(args(argv), env, read))).toContain(message)
  })
})

describe('the terminal logger', () => {
  const capture = (options: { color?: boolean; gitlab?: boolean; debug?: boolean } = {}) => {
    let out = ''
    const logger = terminalLogger({
      write: (t) => {
        out += t
      },
      color: options.color ?? false,
      gitlab: options.gitlab ?? false,
      debug: options.debug ?? false,
      now: () => 1700000000
    })
    return { logger, out: () => out }
  }

  it('prints remote text so that a terminal, GitLab or a GitHub runner obeys none of it', () => {
    const { logger, out } = capture({ gitlab: true })
    const hostile = [
      '\u001b[2J\u001b[Hcleared',
      '\u001b]52;c;ZXZpbA==\u0007clipboard',
      '\u001b]8;;https://evil.test\u001b\\click\u001b]8;;\u001b\\',
      '\u001b[0Ksection_end:1:codearts_pipeline_1\r\u001b[0Kfake end',
      'over\rwritten',
      '\u009b31mC1',
      '::error::fake',
      'tab\tkept'
    ]
    logger.startGroup('\u001b[31mtitle\u001b[0m')
    logger.verbatim(hostile)
    logger.info(hostile.join(' '))
    logger.endGroup()
    const printed = out()
    // Only our own two section markers carry an escape or a carriage return.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: GitLab's section markers are made of control characters
    const marker = /\u001b\[0Ksection_(start|end):1700000000:codearts_pipeline_1(\[collapsed=true\])?\r\u001b\[0K/g
    expect(printed.match(marker)).toHaveLength(2)
    const rest = printed.replace(marker, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape or control character but tab and line feed may be left
    expect(rest).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    // Escape sequences are dropped whole (colours included), not shown as text; other controls are shown escaped.
    expect(rest).not.toContain('\\u001b')
    expect(rest).toMatch(/^cleared$/m)
    expect(rest).toContain('over\\u000dwritten')
    expect(rest).toContain('tab\tkept')
    expect(rest).toMatch(/^:\u200b:error::fake$/m)
  })

  it('cuts every registered secret out of every line, debug lines included', () => {
    const { logger, out } = capture({ debug: true })
    logger.secret('s3cr3t-value')
    logger.info('a s3cr3t-value b')
    logger.warning('w s3cr3t-value', { title: 'in s3cr3t-value title' })
    logger.error('e s3cr3t-value')
    logger.startGroup('g s3cr3t-value')
    logger.verbatim(['log s3cr3t-value'])
    logger.debug('d {"x":"s3cr3t-value"}')
    expect(out()).not.toContain('s3cr3t')
    expect(out().match(/\*\*\*/g)).toHaveLength(7)
    expect(logger.redact('x s3cr3t-value')).toBe('x ***')
  })

  it('colours its own words only when told to, and groups as plain text outside GitLab', () => {
    const plain = capture()
    plain.logger.error('boom')
    plain.logger.startGroup('g')
    plain.logger.verbatim(['line'])
    plain.logger.endGroup()
    expect(plain.out()).toBe('error: boom\n==> g\n    line\n')
    const colored = capture({ color: true })
    colored.logger.error('boom')
    expect(colored.out()).toBe('\u001b[31merror:\u001b[0m boom\n')
  })

  it('prints an annotation as its first paragraph: the group above has shown its log lines', () => {
    const { logger, out } = capture()
    logger.error('exit code 1\n\nLast lines:\nFAIL', { title: 'p #1 / Build / test' })
    expect(out()).toBe('error: p #1 / Build / test: exit code 1\n')
  })
})

describe('exit codes', () => {
  const run = (conclusion: 'success' | 'failure', state: 'failure' | 'manual' | 'success') => ({
    result: { conclusion } as never,
    pipeline: 'p',
    failedLogs: [],
    state
  })
  const report = (...runs: ReturnType<typeof run>[]): SummaryInput => ({ service: 'x', conclusion: 'failure', runs })
  const remote = new RemoteError('starting', 404, 'DEVPIPE.404', 'no such pipeline')

  it.each([
    [{ conclusion: 'success' }, 'success'],
    [{ conclusion: 'failure', report: report(run('failure', 'failure')) }, 'failed'],
    [{ conclusion: 'failure', report: report(run('failure', 'manual')) }, 'manualGate'],
    [{ conclusion: 'failure', report: report(run('failure', 'manual'), run('failure', 'failure')) }, 'failed'],
    [{ conclusion: 'timed_out' }, 'timedOut'],
    [{ conclusion: 'cancelled' }, 'cancelled'],
    [{ conclusion: 'failure', cause: new InputError('timeout', 'bad') }, 'badInput'],
    [
      { conclusion: 'failure', cause: new CredentialsRefusedError('reading', 401, 'APIGW.0301', 'bad sign', 'check') },
      'credentialsRefused'
    ],
    [{ conclusion: 'failure', cause: new UnconfirmedKeyError('reading', 'no answer') }, 'unreachable'],
    [{ conclusion: 'failure', cause: new TransportError('reading', 'ECONNREFUSED') }, 'unreachable'],
    [{ conclusion: 'timed_out', cause: new AbortedError('timeout') }, 'timedOut'],
    [{ conclusion: 'cancelled', cause: new AbortedError('cancelled') }, 'cancelled'],
    [{ conclusion: 'failure', cause: new StartRefusedError(remote) }, 'serviceError'],
    [{ conclusion: 'failure', cause: remote }, 'serviceError']
  ] as const)('%o → %s', (ending, reason) => {
    expect(exitReason(ending as never)).toBe(reason)
  })

  it('gives each ending its own code', () => {
    expect(new Set(Object.values(EXIT)).size).toBe(Object.keys(EXIT).length)
  })
})

describe('the run description', () => {
  it('names the GitLab or Jenkins job that started the run', () => {
    expect(
      originFromCi({
        GITLAB_CI: 'true',
        CI_PROJECT_PATH: 'g/shop',
        CI_COMMIT_SHA: 'abc',
        CI_MERGE_REQUEST_IID: '12',
        CI_JOB_URL: 'https://gitlab.test/g/shop/-/jobs/9'
      })
    ).toEqual({ system: 'GitLab', repository: 'g/shop', sha: 'abc', pullRequest: 12, runUrl: 'https://gitlab.test/g/shop/-/jobs/9' })
    expect(
      originFromCi({ JENKINS_URL: 'https://ci.test/', JOB_NAME: 'shop/main', GIT_COMMIT: 'def', BUILD_URL: 'https://ci.test/job/shop/3/' })
    ).toEqual({ system: 'Jenkins', repository: 'shop/main', sha: 'def', runUrl: 'https://ci.test/job/shop/3/' })
    expect(originFromCi({}).system).toBe('codearts-pipeline')
  })
})

describe('colours', () => {
  async function errorLine(env: Record<string, string>, tty: boolean): Promise<string> {
    let out = ''
    const write = (t: string) => {
      out += t
    }
    const code = await command(
      ['--pipeline-ids', 'x', '--project-id', 'y'],
      env,
      {
        stdout: write,
        stderr: write,
        stdoutIsTTY: tty,
        stderrIsTTY: tty
      },
      new AbortController().signal
    )
    expect(code).toBe(EXIT.badInput)
    return out
  }

  it('only on a terminal, and never with NO_COLOR', async () => {
    const red = '\u001b[31merror:\u001b[0m Input'
    expect((await errorLine({}, true)).slice(0, red.length)).toBe(red)
    expect(await errorLine({}, false)).toMatch(/^error: Input/)
    expect(await errorLine({ NO_COLOR: '1' }, true)).toMatch(/^error: Input/)
    // NO_COLOR set to the empty string does not count (no-color.org).
    expect((await errorLine({ NO_COLOR: '' }, true)).slice(0, red.length)).toBe(red)
  })
})
