// Region → host table, from the official SDKs' region lists (docs/codearts.md, "Hosts and IDs").
// Huawei adds regions over time, so an unknown region is accepted when `endpoint` is given.

const HOST_PATTERN: Record<string, string> = {
  'tr-west-1': 'pipeline-external',
  'la-south-2': 'pipeline-external',
  'af-north-1': 'pipeline',
  'me-east-1': 'pipeline',
  'af-south-1': 'pipeline'
}

const CLOUDPIPELINE_EXT_REGIONS = [
  'cn-north-1',
  'cn-north-4',
  'cn-south-1',
  'cn-south-2',
  'cn-east-2',
  'cn-east-3',
  'cn-southwest-2',
  'ap-southeast-3',
  'sa-brazil-1',
  'la-north-2'
]

export const KNOWN_REGIONS: readonly string[] = [...CLOUDPIPELINE_EXT_REGIONS, ...Object.keys(HOST_PATTERN)]

/** The CodeArts Pipeline API base URL of a known region, or undefined. */
export function pipelineEndpoint(region: string): string | undefined {
  if (!KNOWN_REGIONS.includes(region)) return undefined
  const host = HOST_PATTERN[region] ?? 'cloudpipeline-ext'
  return `https://${host}.${region}.myhuaweicloud.com`
}

export function iamEndpoint(region: string): string {
  return `https://iam.${region}.myhuaweicloud.com`
}
