// `npm run simulator` (or `npm run simulator -- yunxiao`): a simulator on a fixed loopback port,
// with two pipelines (one passes, one fails) and the fixture credentials, left running until
// Ctrl+C. It is what `.env.example` points at, for the local debugger or for `node dist/index.js`
// with INPUT_* variables. Port: SIMULATOR_PORT, 4010 when unset.

import { CodeArtsSimulator } from './codearts.ts'
import { ACCESS_KEY, failingPipeline, passingPipeline, SERVED, YUNXIAO_TOKEN } from './fixtures.ts'
import { YunxiaoSimulator } from './yunxiao.ts'

const provider = process.argv[2] === 'yunxiao' ? 'yunxiao' : 'codearts'
const port = Number(process.env['SIMULATOR_PORT'] || 4010)
const unit = 1_000 // each step of the fixture pipelines takes a few seconds

const sim =
  provider === 'yunxiao'
    ? await YunxiaoSimulator.start({
        port,
        organizationId: SERVED.yunxiao.organizationId,
        pipelines: {
          [SERVED.yunxiao.passes]: { script: passingPipeline(unit) },
          [SERVED.yunxiao.fails]: { script: failingPipeline(unit) }
        },
        tokens: [YUNXIAO_TOKEN]
      })
    : await CodeArtsSimulator.start({
        port,
        projectId: SERVED.codearts.projectId,
        pipelines: {
          [SERVED.codearts.passes]: { script: passingPipeline(unit) },
          [SERVED.codearts.fails]: { script: failingPipeline(unit) }
        },
        accessKeys: [ACCESS_KEY]
      })

const served = SERVED[provider]
console.log(
  `${provider} simulator at ${sim.url}: pipeline ${served.passes} (shop-build) passes, ${served.fails} (shop-test) fails. ` +
    'Ctrl+C stops it.'
)
if (provider === 'yunxiao') {
  console.log(
    `Inputs: provider=yunxiao endpoint=${sim.url} organization-id=${SERVED.yunxiao.organizationId} token=${YUNXIAO_TOKEN}, ` +
      `and pipeline-ids=${served.passes} or pipelines=shop-build`
  )
} else {
  console.log(
    `Inputs: endpoint=${sim.url} iam-endpoint=${sim.url} project-id=${SERVED.codearts.projectId} ` +
      `access-key=${ACCESS_KEY.accessKey} secret-key=${ACCESS_KEY.secretKey}, and pipeline-ids=${served.passes} or pipelines=shop-build`
  )
}
process.on('SIGINT', () => void sim.close().then(() => process.exit(0)))
