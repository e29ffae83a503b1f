#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 2019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ command_command)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./lib/action/action-yml.generated.js
// Generated from action.yml by scripts/generate.mjs (npm run build): do not edit.
/** Every input's default, as action.yml gives it ('' where it gives none). */
const INPUT_DEFAULTS = {
    "provider": "codearts",
    "mode": "trigger-and-wait",
    "pipeline-ids": "",
    "pipelines": "",
    "run-ids": "",
    "region": "cn-north-4",
    "endpoint": "",
    "iam-endpoint": "",
    "project-id": "",
    "iam-project-id": "",
    "access-key": "",
    "secret-key": "",
    "security-token": "",
    "token": "",
    "username": "",
    "password": "",
    "domain": "",
    "organization-id": "",
    "ref": "",
    "variables": "",
    "secret-variables": "",
    "description": "",
    "stages": "",
    "jobs": "",
    "timeout": "60m",
    "poll-interval": "5s",
    "max-poll-interval": "30s",
    "on-manual-gate": "wait",
    "fail-fast": "false",
    "cancel-on-abort": "true",
    "logs": "failed",
    "log-lines": "300",
    "summary": "true",
    "check-runs": "true",
    "github-token": "${{ github.token }}"
};
/** The inputs action.yml declares, in its order. */
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    "provider",
    "mode",
    "pipeline-ids",
    "pipelines",
    "run-ids",
    "region",
    "endpoint",
    "iam-endpoint",
    "project-id",
    "iam-project-id",
    "access-key",
    "secret-key",
    "security-token",
    "token",
    "username",
    "password",
    "domain",
    "organization-id",
    "ref",
    "variables",
    "secret-variables",
    "description",
    "stages",
    "jobs",
    "timeout",
    "poll-interval",
    "max-poll-interval",
    "on-manual-gate",
    "fail-fast",
    "cancel-on-abort",
    "logs",
    "log-lines",
    "summary",
    "check-runs",
    "github-token"
]));
/** Each input as action.yml describes it, in its order: what the command's --help says of its flag. */
const INPUT_HELP = [
    {
        name: "provider",
        description: "`codearts` (Huawei Cloud CodeArts Pipeline) or `yunxiao` (Alibaba Cloud Yunxiao Flow).",
        default: "codearts",
        required: false
    },
    {
        name: "mode",
        description: "`trigger-and-wait`; `trigger`: start the runs, set the outputs, do not wait; `wait`: wait " +
            "on each pipeline's latest run, or on `run-ids`.",
        default: "trigger-and-wait",
        required: false
    },
    {
        name: "pipeline-ids",
        description: "One or more pipeline IDs (CodeArts: 32 hexadecimal characters, the last part of the " +
            "pipeline page's URL; Yunxiao: a whole number), separated by commas, spaces or newlines. " +
            "Order is kept; duplicates are an error. Give this or `pipelines`.",
        default: "",
        required: false
    },
    {
        name: "pipelines",
        description: "Pipeline names instead of IDs, in the same list form. Each is looked up once, before " +
            "anything starts, and must name exactly one pipeline (CodeArts: of `project-id`; Yunxiao: " +
            "of the organization); names match exactly, case included.",
        default: "",
        required: false
    },
    {
        name: "run-ids",
        description: "`mode: wait` only: one run ID per pipeline, in the same order. Empty: each pipeline's " +
            "latest run.",
        default: "",
        required: false
    },
    {
        name: "region",
        description: "CodeArts region: selects the API and IAM hosts.",
        default: "cn-north-4",
        required: false
    },
    {
        name: "endpoint",
        description: "API base URL, for private clouds, proxies, a Yunxiao region edition and the local " +
            "simulator. Empty: the region's CodeArts endpoint, or Yunxiao's central edition (token) or " +
            "devops.cn-hangzhou.aliyuncs.com (AK/SK).",
        default: "",
        required: false
    },
    {
        name: "iam-endpoint",
        description: "IAM base URL. Empty: `https://iam.{region}.myhuaweicloud.com`.",
        default: "",
        required: false
    },
    {
        name: "project-id",
        description: "CodeArts project ID (32 hexadecimal characters, in the project's URL; not the IAM project " +
            "ID). Required with `provider: codearts`.",
        default: "",
        required: false
    },
    {
        name: "iam-project-id",
        description: "IAM project ID of the region, sent as `X-Project-Id` with AK/SK. Empty: looked up once " +
            "through IAM (`GET /v3/projects?name={region}`).",
        default: "",
        required: false
    },
    {
        name: "access-key",
        description: "Access key ID. With `secret-key`, requests are signed and the secret never leaves the " +
            "runner: the recommended way on CodeArts; on Yunxiao, the 2021 `devops` API.",
        default: "",
        required: false
    },
    {
        name: "secret-key",
        description: "Secret access key (SK).",
        default: "",
        required: false
    },
    {
        name: "security-token",
        description: "Security token of a temporary access key.",
        default: "",
        required: false
    },
    {
        name: "token",
        description: "CodeArts: a ready IAM token. Yunxiao: a personal access token.",
        default: "",
        required: false
    },
    {
        name: "username",
        description: "IAM user name; with `password` and `domain`, the action gets a region-scoped token from " +
            "IAM.",
        default: "",
        required: false
    },
    {
        name: "password",
        description: "IAM user password.",
        default: "",
        required: false
    },
    {
        name: "domain",
        description: "Account (domain) name of the IAM user.",
        default: "",
        required: false
    },
    {
        name: "organization-id",
        description: "Yunxiao organization ID (central edition, and the AK/SK API).",
        default: "",
        required: false
    },
    {
        name: "ref",
        description: "Branch or tag to run: `main`, `refs/heads/main`, `refs/tags/v1.2.0`.",
        default: "",
        required: false
    },
    {
        name: "variables",
        description: "Run parameters, one `NAME=value` a line (spaces around the name and value are trimmed; the " +
            "value may contain `=`).",
        default: "",
        required: false
    },
    {
        name: "secret-variables",
        description: "Names of variables whose values are secret whatever their names say: masked in the log, " +
            "hidden in the summary. Names with PASSWORD, TOKEN, SECRET, KEY and the like are already.",
        default: "",
        required: false
    },
    {
        name: "description",
        description: "Run description. Empty: the repository, the pull request if any, the commit and the " +
            "workflow run URL. A short random marker (`[gha-…]`) is always appended.",
        default: "",
        required: false
    },
    {
        name: "stages",
        description: "Identifiers of the stages to run (CodeArts `choose_stages`).",
        default: "",
        required: false
    },
    {
        name: "jobs",
        description: "Identifiers of the jobs to run (CodeArts `choose_jobs`).",
        default: "",
        required: false
    },
    {
        name: "timeout",
        description: "One deadline for the whole step: `90s`, `10m`, `1h30m`; at most `120h` (a self-hosted " +
            "runner's job limit; a GitHub-hosted job stops at 6 hours).",
        default: "60m",
        required: false
    },
    {
        name: "poll-interval",
        description: "The interval between status reads while a run is expected to end (from how long its " +
            "pipeline's recent runs took), and the first interval of the backoff used otherwise (at " +
            "least `0.1s`).",
        default: "5s",
        required: false
    },
    {
        name: "max-poll-interval",
        description: "The interval between status reads never grows past this (at most `1h`).",
        default: "30s",
        required: false
    },
    {
        name: "on-manual-gate",
        description: "A run paused for a person (`PAUSED`, `SUSPEND`, `WAITING`): `wait` until the timeout, or " +
            "`fail`.",
        default: "wait",
        required: false
    },
    {
        name: "fail-fast",
        description: "When one pipeline fails, stop the runs of the others this step started and end at once.",
        default: "false",
        required: false
    },
    {
        name: "cancel-on-abort",
        description: "Stop the runs this step started when the job is cancelled, the timeout passes or a later " +
            "start is refused.",
        default: "true",
        required: false
    },
    {
        name: "logs",
        description: "Which step logs to print: `failed`, `all`, `none`.",
        default: "failed",
        required: false
    },
    {
        name: "log-lines",
        description: "At most this many lines per step, the last ones (1 to 10000; of a line longer than 2000 " +
            "characters, its end is kept).",
        default: "300",
        required: false
    },
    {
        name: "summary",
        description: "Write the job summary.",
        default: "true",
        required: false
    },
    {
        name: "check-runs",
        description: "Show each pipeline as a check run on the commit under test (a pull request's head): its " +
            "stages while it runs, then its conclusion, the failing step and its log tail. Needs " +
            "`checks: write` for `github-token`; without it, one notice and no check runs.",
        default: "true",
        required: false
    },
    {
        name: "github-token",
        description: "Token for the check runs (GitHub's REST API). The job's own token is enough when the job " +
            "has `permissions: checks: write`.",
        default: "${{ github.token }}",
        required: false
    }
];
/** The package's version (package.json). */
const VERSION = "0.1.0";
/** The outputs action.yml declares, in its order. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    "conclusion",
    "results",
    "run-ids",
    "run-id",
    "run-url",
    "status"
]));

// EXTERNAL MODULE: ./lib/errors.js
var errors = __nccwpck_require__(452);
;// CONCATENATED MODULE: ./lib/config/parse.js
// Pure parsers for input values. Each throws InputError naming the input and the fix, so that
// getInputs() reads as a list of what each input is, not how it is checked.

/**
 * An input value as an error message shows it: quoted, control characters escaped (so the message
 * stays one line and cannot carry terminal or workflow-command tricks), long values cut.
 */
function shown(value) {
    const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
/** `90s`, `10m`, `1h30m`, `2.5m`. A bare number is refused: `timeout: 30` means minutes to some and seconds to others. */
function parseDuration(input, value) {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) {
        throw new errors/* InputError */.dz(input, `${shown(value)} has no unit; write ${text}m for minutes or ${text}s for seconds`);
    }
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    const covered = parts.map((p) => p[0]).join('');
    if (parts.length === 0 || covered !== text) {
        throw new errors/* InputError */.dz(input, `${shown(value)} is not a duration; write a number with a unit s, m or h, e.g. 90s, 10m, 1h30m`);
    }
    return Math.round(parts.reduce((total, [, n, unit]) => total + Number(n) * UNIT_MS[unit], 0));
}
/**
 * Splits on commas, spaces and newlines; keeps order; refuses duplicates unless `unique` is false.
 * An empty entry (two commas in a row, a comma at either end) is refused, by its position: in
 * `run-ids` a missing entry would pair every later run with the wrong pipeline.
 */
function parseList(input, value, unique = true) {
    const items = [];
    const chunks = value.trim() === '' ? [] : value.split(',');
    for (const [i, chunk] of chunks.entries()) {
        const words = chunk.split(/\s+/).filter((s) => s.length > 0);
        if (words.length === 0) {
            const where = i === 0 ? 'the list starts with a comma' : i === chunks.length - 1 ? 'the list ends with a comma' : 'two commas in a row';
            throw new errors/* InputError */.dz(input, `entry ${items.length + 1} is empty (${where}); remove the extra comma`);
        }
        items.push(...words);
    }
    const seen = new Set();
    for (const item of items) {
        if (unique && seen.has(item))
            throw new errors/* InputError */.dz(input, `${shown(item)} is listed twice; list each one once`);
        seen.add(item);
    }
    return items;
}
function parseBoolean(input, value) {
    const text = value.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new errors/* InputError */.dz(input, `${shown(value)} is not a boolean; use true or false`);
}
function parseChoice(input, value, choices) {
    const text = value.trim();
    const found = choices.find((c) => c === text.toLowerCase());
    if (found === undefined) {
        throw new errors/* InputError */.dz(input, `${shown(value)} is not one of ${choices.join(', ')}`);
    }
    return found;
}
function parseInteger(input, value, min, max) {
    const text = value.trim();
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new errors/* InputError */.dz(input, `${shown(value)} is not a whole number from ${min} to ${max}`);
    }
    return Number(text);
}
/**
 * One `NAME=value` a line. Surrounding spaces are trimmed (YAML block scalars make them easy to add
 * by accident); the value is everything after the first `=`, so values may contain `=`.
 */
function parseVariables(input, value, maxValueLength) {
    const variables = [];
    const lines = value.split(/\r?\n/);
    lines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === '')
            return;
        const eq = line.indexOf('=');
        const name = eq < 0 ? '' : line.slice(0, eq).trim();
        if (eq < 0 || name === '' || /\s/.test(name)) {
            throw new errors/* InputError */.dz(input, `line ${index + 1} is not NAME=value; write one variable a line, e.g. IMAGE_TAG=1.2.3`);
        }
        const val = line.slice(eq + 1).trim();
        if (variables.some((v) => v.name === name)) {
            throw new errors/* InputError */.dz(input, `${shown(name)} is set twice; set each variable once`);
        }
        if (val.length > maxValueLength) {
            throw new errors/* InputError */.dz(input, `the value of ${shown(name)} is ${val.length} characters; the limit is ${maxValueLength}`);
        }
        variables.push({ name, value: val });
    });
    return variables;
}
/** `main`, `refs/heads/main` or `refs/tags/v1.2.0`. */
function parseRef(input, value) {
    const text = value.trim();
    if (text === '')
        return undefined;
    let ref;
    if (text.startsWith('refs/tags/'))
        ref = { kind: 'tag', name: text.slice('refs/tags/'.length) };
    else if (text.startsWith('refs/heads/'))
        ref = { kind: 'branch', name: text.slice('refs/heads/'.length) };
    else if (text.startsWith('refs/')) {
        // refs/pull/N/merge exists only on GitHub; the pipeline's repository has no such ref.
        throw new errors/* InputError */.dz(input, `${shown(value)} is neither a branch nor a tag; give a branch (main, refs/heads/main) or a tag (refs/tags/v1.2.0)`);
    }
    else
        ref = { kind: 'branch', name: text };
    if (ref.name === '' || /[\s~^:?*[\\]|\.\.|\/\/|^\/|\/$/.test(ref.name)) {
        throw new errors/* InputError */.dz(input, `${shown(value)} is not a valid git ${ref.kind} name`);
    }
    return ref;
}
/**
 * An http(s) base URL without query or fragment, returned without a trailing slash. Plain http is
 * accepted only for loopback hosts (the local simulator): elsewhere it would send tokens in clear text.
 */
function parseBaseUrl(input, value) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new errors/* InputError */.dz(input, `${shown(value)} is not a URL; write it like https://host or https://host/prefix`);
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new errors/* InputError */.dz(input, `${shown(value)} must use https (plain http is allowed only for 127.0.0.1 or localhost)`);
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
        throw new errors/* InputError */.dz(input, `${shown(value)} must not carry a query, fragment or user info`);
    }
    return url.href.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./lib/config/input-rules.js
// Rules shared by the providers' input readers: inputs that go together, exactly one way to sign in,
// inputs that belong to the other provider.

/** The one group of credential inputs that is set; a clear error for none, or for several. */
function chooseCredentials(read, groups, advice) {
    const given = groups.filter((g) => g.inputs.some((name) => read(name) !== ''));
    if (given.length === 0)
        throw new errors/* InputError */.dz(groups[0].inputs[0], `no credentials given; ${advice}`);
    if (given.length > 1) {
        throw new errors/* InputError */.dz(given[1].inputs[0], `credentials given twice (${given.map((g) => g.name).join(' and ')}); keep exactly one way to sign in`);
    }
    return given[0];
}
/** All of these, or none. */
function requireTogether(read, names) {
    const missing = names.filter((n) => read(n) === '');
    const present = names.filter((n) => read(n) !== '');
    if (missing.length > 0 && present.length > 0) {
        throw new errors/* InputError */.dz(missing[0], `is missing; ${names.join(', ')} go together (${present.join(', ')} given)`);
    }
}
/** Inputs another provider uses: set with this one, they are a mistake worth saying so. */
function forbid(read, names, why) {
    const set = names.find((n) => read(n) !== '');
    if (set !== undefined)
        throw new errors/* InputError */.dz(set, `${why}; remove it`);
}
/** Signing with an access key: the same three inputs on both services. */
const ACCESS_KEY = { name: 'access-key/secret-key', inputs: ['access-key', 'secret-key', 'security-token'] };
/** The access key inputs, once chosen: both halves of the key, and the token of a temporary key. */
function readAccessKey(read) {
    if (read('access-key') === '' && read('secret-key') === '') {
        throw new errors/* InputError */.dz('access-key', 'is missing; security-token goes with access-key and secret-key');
    }
    requireTogether(read, ['access-key', 'secret-key']);
    const securityToken = read('security-token');
    return { accessKey: read('access-key'), secretKey: read('secret-key'), ...(securityToken !== '' && { securityToken }) };
}

// EXTERNAL MODULE: ./lib/net/http.js + 2 modules
var net_http = __nccwpck_require__(1303);
// EXTERNAL MODULE: ./lib/net/json.js
var json = __nccwpck_require__(9185);
;// CONCATENATED MODULE: ./lib/net/answer.js
// What an answer from either cloud means: data, or an error in one of the many shapes both clouds
// use, whatever the HTTP status says (docs/remote-values.md, "Errors"). One reading for both
// providers, so that a shape learnt from one is recognised in the other.



// A code that says "no error": the 2021 Yunxiao API documents `"errorCode": "\"\""` beside success.
const NO_CODE = /^(|""|null|0|OK|SUCCESS)$/i;
/**
 * The error a body carries, if any:
 * - `{success: false, …}` always (with whatever code and message it gives);
 * - `{error_code, error_msg}` (Huawei gateway and services), `{errorCode, errorMsg | errorMessage}`
 *   (Yunxiao, and some Huawei services), `{Code, Message}` (Alibaba's gateway);
 * - `{error: {code, message}}` (Huawei; IAM puts the HTTP status in `code` and the name in `title`).
 * A body that says `success: true` carries none, whatever else it holds.
 */
function errorInBody(body) {
    if (!(0,json/* isObject */.Gv)(body) || body['success'] === true)
        return undefined;
    const nested = (0,json/* obj */.WL)(body['error']);
    const nestedCode = typeof nested['code'] === 'number' ? (0,json/* str */.gx)(nested['title']) || (0,json/* str */.gx)(nested['code']) : (0,json/* str */.gx)(nested['code']);
    const codes = [body['error_code'], body['errorCode'], body['Code'], nestedCode].map(json/* str */.gx).filter((c) => !NO_CODE.test(c.trim()));
    const unsuccessful = body['success'] === false;
    if (codes.length === 0 && !unsuccessful)
        return undefined;
    const code = codes[0] ?? ((0,json/* str */.gx)(body['code']) || 'Unsuccessful');
    const message = [
        body['error_msg'],
        body['errorMsg'],
        body['errorMessage'],
        body['errorDescription'],
        body['Message'],
        nested['message'],
        body['message']
    ]
        .map(json/* str */.gx)
        .find((m) => m.trim() !== '' && !NO_CODE.test(m.trim())) ?? '(no message)';
    return { code, message };
}
const REDIRECT_HINT = "A redirect here usually means a wrong 'endpoint' (another host or path), or a proxy or sign-in page answering in place of the " +
    "service; set 'endpoint' to the API's own URL";
/** The data of an answer, or the RemoteError it means. Redirects are never followed: they are errors. */
function readAnswer(action, response, rules) {
    const requestId = response.headers['x-request-id'] ?? response.headers['x-acs-request-id'];
    const id = requestId ? { requestId } : {};
    if (response.status >= 300 && response.status < 400) {
        const location = response.headers['location'];
        throw new errors/* RemoteError */.Hi(action, response.status, `HTTP.${response.status}`, location ? `redirected to ${location}` : 'a redirect without a Location', {
            ...id,
            hint: REDIRECT_HINT
        });
    }
    const error = errorInBody(response.json);
    if (response.status < 400 && error === undefined)
        return { json: response.json ?? {} };
    // A code the caller handles itself counts whatever the status (a queued CodeArts start has come with 2xx and 4xx).
    if (error && rules.tolerate?.includes(error.code))
        return { json: response.json ?? {}, tolerated: error };
    const code = error?.code ?? `HTTP.${response.status}`;
    // An error page from a proxy or gateway is HTML; its text is all there is to show.
    const message = error?.message ?? ((0,net_http/* snippet */.UA)(response.body) || 'no error message in the response');
    if (rules.refusesCredentials(response.status, error)) {
        throw new errors/* CredentialsRefusedError */.TW(action, response.status, code, message, rules.refusalHint, requestId);
    }
    const hint = error && rules.hint?.(error);
    throw new errors/* RemoteError */.Hi(action, response.status, code, message, { ...id, ...(hint && { hint }) });
}
/** For a CredentialGuard: the refusal an answer means, judged by the provider's rules. */
function refusalJudge(rules) {
    return (action, response) => {
        if (!rules.refusesCredentials(response.status, errorInBody(response.json)))
            return undefined;
        try {
            readAnswer(action, response, rules);
        }
        catch (error) {
            if (error instanceof errors/* CredentialsRefusedError */.TW)
                return error;
        }
        return undefined;
    };
}

;// CONCATENATED MODULE: ./lib/net/guard.js
// Huawei Cloud locks an access key for five minutes after five refused signatures in a row, and a
// locked key breaks every other job that uses it. So once the service has refused our credentials,
// nothing more is sent with them in this job (the post step is told too), and requests signed with a
// key go out at most two at a time, the refusal noted before the next may leave.
//
// A refusal can also come back unreadable: a proxy may turn the gateway's 401 into a 502 page, or the
// connection may drop after the gateway counted it. So until one request has shown that the key is
// accepted, an answer that could have hidden a refusal counts towards the same limit of two.

class CredentialGuard {
    refusal;
    active = 0;
    waiting = [];
    options;
    /** An answer has shown the credentials accepted. */
    proven = false;
    doubts = [];
    constructor(options) {
        this.options = options;
    }
    /** The refusal that stopped all further requests, if any. */
    get refused() {
        return this.refusal;
    }
    /** Remembers a refusal: from now on nothing is sent. */
    refuse(error) {
        this.refusal ??= error;
    }
    /** One network exchange made with our credentials: never after a refusal, at most `limit` at a time. */
    async exchange(action, send) {
        if (this.refusal)
            throw this.refusal;
        if (this.active >= this.options.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            // A refusal may have come in while this one waited for its turn.
            if (this.refusal)
                throw this.refusal;
            let response;
            try {
                response = await send();
            }
            catch (error) {
                // A request that never left (a refused connection, a name that did not resolve) was refused by no one.
                const code = errorCode(error);
                if (code === undefined || !net_http/* NOT_SENT_CODES */.my.has(code))
                    this.doubt(action, whatHappened(error, code));
                throw error;
            }
            const refusal = this.options.judge?.(action, response);
            if (refusal)
                this.refuse(refusal);
            else if (response.status >= 500)
                this.doubt(action, `HTTP ${response.status}`);
            else
                this.proven = true;
            return response;
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
    doubt(action, what) {
        const doubts = this.options.doubts;
        if (doubts === undefined || this.proven)
            return;
        this.doubts.push(what);
        if (this.doubts.length >= doubts.limit)
            this.refuse(doubts.error(action, this.doubts));
    }
}
/** The system's or undici's code for a failed exchange (`ECONNRESET`); numeric DOM codes are not names. */
function errorCode(error) {
    const e = error;
    if (typeof e.code === 'string')
        return e.code;
    return typeof e.cause?.code === 'string' ? e.cause.code : undefined;
}
/** A few words for the log on why an exchange got no answer. */
function whatHappened(error, code) {
    if (error.name === 'TimeoutError')
        return 'no answer in time';
    return code ?? error.name ?? 'no answer';
}

;// CONCATENATED MODULE: ./lib/net/channel.js
// How a provider's requests reach its service: the one HTTP client, the credential guard, and the
// provider's rules for reading answers. Both providers send every request through `call`, so they
// differ only in what their services differ in: how a request is signed, and what a refusal looks like.



/**
 * A channel for one way of signing in. `limit`: requests in flight at once (two for a signing key,
 * whose refusals count towards a lockout). `judged`: the guard judges each answer before the next
 * request leaves; not where a refused token may be renewed, which the caller judges after trying.
 */
function openChannel(http, rules, limit, judged) {
    const guard = new CredentialGuard({ limit, ...(judged && { judge: refusalJudge(rules) }) });
    return { http, rules, guard };
}
/**
 * A channel for a signing key: two requests at a time, each answer judged before the next leaves,
 * and, until one answer shows the key accepted, no more than two answers that could have hidden a
 * refusal (see CredentialGuard).
 */
function openSigningChannel(http, rules) {
    const guard = new CredentialGuard({
        limit: 2,
        judge: refusalJudge(rules),
        doubts: {
            limit: 2,
            error: (action, seen) => new errors/* UnconfirmedKeyError */.GM(action, `${seen.length} requests signed with this key got no answer that shows it was accepted (${seen.join(', ')}). A proxy or a ` +
                `dropped connection ` +
                `can hide a refused signature, and five refusals in a row lock a key, so nothing more is sent with it. ${rules.refusalHint}; ` +
                `then check ` +
                "the network path to the 'endpoint' and run the job again")
        }
    });
    return { http, rules, guard };
}
/** Sends a request and reads its answer: the data, or the RemoteError it means. */
async function call(channel, req, authorize, options = {}) {
    const jsonReq = { ...req, expectJson: true };
    const send = () => channel.http.send(jsonReq, authorize, channel.guard);
    const sentAt = Date.now();
    let response = await send();
    // An IAM token can expire during a long wait; with a password a new one can be had. Only once.
    if (options.renew && channel.rules.refusesCredentials(response.status, errorInBody(response.json)) && (await options.renew(sentAt)))
        response = await send();
    try {
        const answer = readAnswer(req.action, response, { ...channel.rules, ...(options.tolerate && { tolerate: options.tolerate }) });
        return { status: response.status, headers: response.headers, body: answer.json, ...(answer.tolerated && { error: answer.tolerated }) };
    }
    catch (error) {
        if (error instanceof errors/* CredentialsRefusedError */.TW)
            channel.guard.refuse(error);
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/providers/codearts/call.js
// How Huawei Cloud (CodeArts and IAM) says it refuses the credentials, and what to check then.
// Requests go through the shared channel (net/channel.ts); this is what is particular to Huawei.

/** Is this the gateway refusing our credentials (a bad signature, an expired or foreign token)? */
function refusesCredentials(status, error) {
    return status === 401 || /^APIGW?\.0301$/.test(error?.code ?? '');
}
/**
 * How to tell the two 32-character project IDs apart, said wherever one may have been given for the
 * other (docs/codearts.md, "Hosts and IDs").
 */
const PROJECT_IDS = "'project-id' is the CodeArts project ID, the 32 characters after /project/ in the address of a pipeline's page in the CodeArts " +
    "console (…/cicd/project/<project-id>/pipeline/detail/<pipeline-id>); 'iam-project-id' is the IAM project ID of the region, " +
    'under My Credentials → API Credentials (leave it empty and the action looks it up)';
/** What to check when Huawei Cloud refuses the credentials, by way of signing in. */
function refusalHint(conn) {
    switch (conn.auth.kind) {
        case 'aksk': {
            const project = conn.auth.iamProjectId !== undefined
                ? `, an 'iam-project-id' that is not the IAM project ID of region ${conn.region} (a CodeArts project ID there is refused ` +
                    'the same way)'
                : '';
            return ("Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret key, a key of another account, a deleted " +
                "or disabled key, a temporary key without its 'security-token' or past its expiry, a runner clock more than 15 minutes off" +
                `${project}. Nothing more was sent with this key: Huawei Cloud locks an access key for 5 minutes after 5 refused signatures ` +
                'in a row');
        }
        case 'token':
            return (`Check 'token': an IAM token lasts 24 hours, is scoped to one region (it must be a token of ${conn.region}), and works only ` +
                'for a user with CodeArts Pipeline permissions');
        case 'password':
            return ("Check 'username', 'password' and 'domain' (the account name, not the user name): the likely causes are a wrong or changed " +
                'password, a user of another account, or login protection on the user. Nothing more was sent: IAM locks a user after repeated ' +
                'wrong passwords');
    }
}
/** What to do about the service's own errors that mean an input points at the wrong thing (docs/codearts.md, "Errors"). */
function errorHint(conn) {
    const project = `Check 'project-id' (${conn.projectId}): CodeArts has no such project in ${conn.region}, or the user of the credentials is not a ` +
        `member of it. ${PROJECT_IDS}`;
    return (error) => {
        if (error.code === 'DEVPIPE.00011412' || error.code === 'DEVPIPE.00011136')
            return project;
        if (error.code === 'DEVPIPE.00011401') {
            return (`Check 'pipeline-ids': the pipeline must belong to CodeArts project ${conn.projectId} in region ${conn.region} (the host of ` +
                "the pipeline's page, devcloud.<region>.huaweicloud.com, names its region)");
        }
        if (/^APIGW?\.0101$/.test(error.code))
            return `No such API at ${conn.endpoint}: check 'endpoint' and 'region'`;
        return undefined;
    };
}
/** The channel for one way of signing in to Huawei Cloud: an access key two requests at a time; a token may be renewed. */
function huaweiChannel(http, conn) {
    const rules = { refusesCredentials, refusalHint: refusalHint(conn), hint: errorHint(conn) };
    return conn.auth.kind === 'aksk' ? openSigningChannel(http, rules) : openChannel(http, rules, 8, false);
}

;// CONCATENATED MODULE: ./lib/providers/codearts/endpoints.js
// Region → host table, from the official SDKs' region lists (docs/codearts.md, "Hosts and IDs").
// Huawei adds regions over time, so an unknown region is accepted when `endpoint` is given.
const HOST_PATTERN = {
    'tr-west-1': 'pipeline-external',
    'la-south-2': 'pipeline-external',
    'af-north-1': 'pipeline',
    'me-east-1': 'pipeline',
    'af-south-1': 'pipeline'
};
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
];
const KNOWN_REGIONS = [...CLOUDPIPELINE_EXT_REGIONS, ...Object.keys(HOST_PATTERN)];
/** The CodeArts Pipeline API base URL of a known region, or undefined. */
function pipelineEndpoint(region) {
    if (!KNOWN_REGIONS.includes(region))
        return undefined;
    const host = HOST_PATTERN[region] ?? 'cloudpipeline-ext';
    return `https://${host}.${region}.myhuaweicloud.com`;
}
function iamEndpoint(region) {
    return `https://iam.${region}.myhuaweicloud.com`;
}

;// CONCATENATED MODULE: ./lib/providers/codearts/inputs.js
// The CodeArts inputs: region and endpoints, the CodeArts project, and one way of signing in.





const HEX32 = /^[0-9a-fA-F]{32}$/;
function checkCodeArtsId(input, id) {
    requireHex32(input, id, input === 'pipeline-ids' ? 'pipeline ID (the last part of the pipeline page URL)' : 'run ID');
}
function readCodeArtsConnection(read) {
    const region = read('region');
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
        throw new errors/* InputError */.dz('region', `${shown(region)} is not a region ID; write it like cn-north-4 or ap-southeast-3`);
    }
    const endpointInput = read('endpoint');
    let endpoint;
    if (endpointInput !== '') {
        endpoint = parseBaseUrl('endpoint', endpointInput);
    }
    else {
        const known = pipelineEndpoint(region);
        if (known === undefined) {
            throw new errors/* InputError */.dz('region', `${region} has no known CodeArts Pipeline endpoint (known: ${KNOWN_REGIONS.join(', ')}); set endpoint to its API URL`);
        }
        endpoint = known;
    }
    const iamInput = read('iam-endpoint');
    const iam = iamInput === '' ? iamEndpoint(region) : parseBaseUrl('iam-endpoint', iamInput);
    sameRegion('endpoint', endpoint, region);
    sameRegion('iam-endpoint', iam, region);
    const projectId = read('project-id');
    if (projectId === '') {
        throw new errors/* InputError */.dz('project-id', 'is required; give the CodeArts project ID (32 hexadecimal characters, in the project URL)');
    }
    requireHex32('project-id', projectId, 'CodeArts project ID (it is in the project URL; it is not the IAM project ID)');
    const auth = readAuth(read);
    if (auth.kind === 'aksk' && auth.iamProjectId?.toLowerCase() === projectId.toLowerCase()) {
        throw new errors/* InputError */.dz('project-id', `is the same ID as iam-project-id, and the two are never equal. ${PROJECT_IDS}`);
    }
    return { provider: 'codearts', region, endpoint, iamEndpoint: iam, projectId, auth };
}
/**
 * A Huawei Cloud host names its region (`cloudpipeline-ext.cn-north-4.myhuaweicloud.com`). One of
 * another region than `region` is a mistake that the service would only report as a refused token
 * or signature (both are scoped to a region), so it is said here, before anything is sent.
 */
function sameRegion(input, url, region) {
    const named = /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.myhuaweicloud\.com$/.exec(new URL(url).hostname)?.[1];
    if (named !== undefined && named !== region) {
        throw new errors/* InputError */.dz(input, `${shown(url)} is in region ${named}, but region is ${region}; set region: ${named}, or use the ${input} of ${region} ` +
            '(tokens, signatures and pipelines belong to one region)');
    }
}
const TOKEN = { name: 'token', inputs: ['token'] };
const PASSWORD = { name: 'username/password/domain', inputs: ['username', 'password', 'domain'] };
function readAuth(read) {
    const group = chooseCredentials(read, [ACCESS_KEY, TOKEN, PASSWORD], 'set access-key and secret-key (recommended), or token, or username, password and domain');
    const iamProjectId = read('iam-project-id');
    if (iamProjectId !== '') {
        requireHex32('iam-project-id', iamProjectId, 'IAM project ID (My Credentials → API Credentials, the project of your region)');
        if (group !== ACCESS_KEY)
            throw new errors/* InputError */.dz('iam-project-id', 'is only used with access-key and secret-key; remove it');
    }
    if (group === TOKEN)
        return { kind: 'token', token: read('token') };
    if (group === PASSWORD) {
        requireTogether(read, PASSWORD.inputs);
        return { kind: 'password', username: read('username'), password: read('password'), domain: read('domain') };
    }
    return { kind: 'aksk', ...readAccessKey(read), ...(iamProjectId !== '' && { iamProjectId }) };
}
function requireHex32(input, value, what) {
    if (!HEX32.test(value))
        throw new errors/* InputError */.dz(input, `${shown(value)} is not a ${what}: expected 32 hexadecimal characters`);
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/inputs.js
// The Yunxiao inputs. A personal access token uses the current API (/oapi/v1), on the central
// edition (organization-id) or on a region edition's own domain (endpoint); an AccessKey pair uses
// the older `devops` 2021-06-25 API, for organizations that still sign requests that way.



const CENTRAL_ENDPOINT = 'https://openapi-rdc.aliyuncs.com';
const DEVOPS_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com';
// Yunxiao pipeline and run IDs are integers; a pasted name or URL is the usual mistake.
function checkYunxiaoId(input, id) {
    if (!/^[1-9]\d{0,18}$/.test(id)) {
        const what = input === 'pipeline-ids' ? 'Yunxiao pipeline ID (the number in the pipeline URL, flow.aliyun.com/pipelines/<ID>)' : 'Yunxiao run ID';
        throw new errors/* InputError */.dz(input, `${shown(id)} is not a ${what}: expected a whole number`);
    }
}
const inputs_TOKEN = { name: 'token', inputs: ['token'] };
function readYunxiaoConnection(read) {
    forbid(read, ['project-id', 'iam-project-id', 'iam-endpoint', 'username', 'password', 'domain'], 'is a CodeArts input and provider is yunxiao');
    forbid(read, ['stages', 'jobs'], 'Yunxiao runs every stage of a pipeline; choosing stages or jobs is a CodeArts feature');
    if (/^\s*version\s*=/m.test(read('variables'))) {
        throw new errors/* InputError */.dz('variables', 'Yunxiao reserves the variable name version; choose another name');
    }
    const organizationId = read('organization-id');
    if (organizationId !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(organizationId)) {
        throw new errors/* InputError */.dz('organization-id', `${shown(organizationId)} is not an organization ID (it is in devops.aliyun.com/organization/<ID>)`);
    }
    const endpointInput = read('endpoint');
    const group = chooseCredentials(read, [inputs_TOKEN, ACCESS_KEY], 'set token to a personal access token (recommended), or access-key and secret-key');
    if (group === inputs_TOKEN) {
        // Without an endpoint this is the central edition, whose paths name the organization.
        if (endpointInput === '' && organizationId === '') {
            throw new errors/* InputError */.dz('organization-id', 'is required on the central edition; give your organization ID, or set endpoint to your region edition domain');
        }
        return {
            provider: 'yunxiao',
            api: 'openapi',
            endpoint: endpointInput === '' ? CENTRAL_ENDPOINT : parseBaseUrl('endpoint', endpointInput),
            ...(organizationId !== '' && { organizationId }),
            auth: { kind: 'token', token: read('token') }
        };
    }
    const key = readAccessKey(read);
    if (organizationId === '') {
        throw new errors/* InputError */.dz('organization-id', 'is required with access-key and secret-key (the devops 2021-06-25 API names the organization in every path)');
    }
    return {
        provider: 'yunxiao',
        api: 'devops',
        endpoint: endpointInput === '' ? DEVOPS_ENDPOINT : parseBaseUrl('endpoint', endpointInput),
        organizationId,
        auth: {
            kind: 'aksk',
            accessKeyId: key.accessKey,
            accessKeySecret: key.secretKey,
            ...(key.securityToken && { securityToken: key.securityToken })
        }
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./lib/log/drain.js
var log_drain = __nccwpck_require__(5324);
// EXTERNAL MODULE: ./lib/log/redact.js
var redact = __nccwpck_require__(1789);
;// CONCATENATED MODULE: ./lib/log/logger.js
// Everything the action prints goes through a Logger: the one place that decides how text reaches
// the job log. The runner reads a step's stdout line by line and obeys any line that looks like a
// workflow command (docs/runner-commands.md), and much of what we print comes from the pipeline
// service: names, messages, log lines. So the logger formats the commands itself, makes every plain
// line inert, and prints remote log lines only inside a stop-commands block.




/**
 * The runner's own escaping for a command's data (actions/toolkit `command.ts`): it undoes these
 * three, so a message can carry line breaks without ending the command line. Nothing else may be
 * changed: the runner reads a line that starts with `::` as that command before anything else, and
 * a masked value must reach it exactly as it is.
 */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Properties additionally escape the characters that separate them. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
// Control characters (the runner splits lines on a lone \r as well as \n), Unicode line and
// paragraph separators, and the bidirectional overrides that make a line read other than it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * A line the runner prints and never obeys, whatever text it holds: control characters are shown
 * as `\u000a`, a leading `::` (the runner trims white space first) and every `##[` (the legacy
 * form counts anywhere in a line) are broken by a zero-width space, which the reader does not see.
 */
function inertLine(text) {
    const flat = breakLegacyCommands(text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return flat.replace(/^(\s*):(?=:)/, '$1:\u200b');
}
function breakLegacyCommands(text) {
    return text.replace(/##\[/g, '##\u200b[');
}
// A debug line is cut here (answers are shown whole up to redact.ts PREVIEW_LIMIT, then cut).
const DEBUG_LINE = 4_000;
function cut(text, limit) {
    return text.length > limit ? `${text.slice(0, limit)}… [${text.length} characters]` : text;
}
/** One workflow command line, `::name key=value,…::data`, escaped as the runner unescapes it. */
function command(name, props, data) {
    const properties = Object.entries(props ?? {})
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${name}${properties ? ` ${properties}` : ''}::${escapeData(data)}`;
}
/**
 * The logger the runner sees: writes lines to `write` (process.stdout in the action; a buffer in
 * tests, which then see exactly the bytes the runner would). `command` says whether a line is a
 * command of ours, as opposed to text, so that a test can tell the two apart. `drain` says when
 * `write`'s output is full (for process.stdout, streamDrain).
 */
function commandLogger(write, debug, drain = log_drain/* NEVER_FULL */.b) {
    const secrets = new redact/* SecretSet */.rE();
    const ours = (text) => write(`${text}${external_node_os_namespaceObject.EOL}`, true);
    const plain = (text) => write(`${text}${external_node_os_namespaceObject.EOL}`, false);
    return {
        debug: (m) => {
            // Cut after the secrets are cut out: a secret cut in two would match neither our redaction nor the runner's masker.
            if (debug)
                ours(command('debug', undefined, cut((0,redact/* redactText */.Rd)(m, secrets), DEBUG_LINE)));
        },
        info: (m) => plain(inertLine(m)),
        notice: (m) => ours(command('notice', undefined, m)),
        warning: (m, p) => ours(command('warning', p, m)),
        error: (m, p) => ours(command('error', p, m)),
        startGroup: (t) => ours(command('group', undefined, t)),
        endGroup: () => ours('::endgroup::'),
        verbatim: async (lines) => {
            // A fresh random token per block: remote text cannot contain it, so cannot end the block.
            const open = () => {
                const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
                ours(`::stop-commands::${token}`);
                return token;
            };
            let token = open();
            // Inside the block nothing is obeyed; a \r in a line only starts another plain line. The log
            // viewer still draws `##[error]`, `##[group]` lines as the runner's own, so those are broken.
            for (const text of lines) {
                plain(breakLegacyCommands(text));
                const full = drain();
                if (full === undefined)
                    continue;
                // The block is closed while waiting: a command another task prints meanwhile is obeyed.
                ours(`::${token}::`);
                await full;
                token = open();
            }
            ours(`::${token}::`);
        },
        secret: (v) => {
            for (const value of secrets.add(v))
                ours(command('add-mask', undefined, value));
        },
        redact: (text) => (0,redact/* redactText */.Rd)(text, secrets),
        isDebug: () => debug
    };
}
/** The runner-facing logger of this process. */
const actionsLogger = commandLogger((text) => void process.stdout.write(text), process.env['RUNNER_DEBUG'] === '1', (0,log_drain/* streamDrain */.Z)(process.stdout));

;// CONCATENATED MODULE: ./lib/action/runner-commands.js
// What the step tells the runner through its environment and files rather than through the log:
// inputs (INPUT_*), outputs and state (the files GITHUB_OUTPUT and GITHUB_STATE name), state given
// back to the post step (STATE_*), and the job summary (GITHUB_STEP_SUMMARY). The formats are the
// runner's (docs/runner-commands.md, "Files"); @actions/core writes the same, but importing it
// brings its OIDC client and a second copy of undici into the bundle (docs/proxy.md), for five
// small functions.





/**
 * An input as the runner passes it: `INPUT_` and the name in capitals, spaces as underscores, dashes
 * kept; surrounding white space trimmed; '' when not set.
 */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value, env = process.env) {
    keyValue('OUTPUT', 'set-output', name, value, env);
}
function saveState(name, value, env = process.env) {
    keyValue('STATE', 'save-state', name, value, env);
}
/** What the main step saved, as the runner hands it to the post step. */
function getState(name, env = process.env) {
    return env[`STATE_${name}`] ?? '';
}
/**
 * A `name<<DELIMITER` record appended to the runner's file: the value runs, line breaks and all, up
 * to a line that is the delimiter alone, so the delimiter is fresh and random each time and a value
 * that held it would be refused (it cannot, short of guessing a UUID). Without the file (the bundle
 * run by hand, outside a runner) the value is printed as the runner's older stdout command instead.
 */
function keyValue(file, legacy, name, value, env) {
    const path = env[`GITHUB_${file}`] ?? '';
    if (path === '') {
        process.stdout.write(`${external_node_os_namespaceObject.EOL}${command(legacy, { name }, value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`the ${file.toLowerCase()} ${name} holds its own delimiter`);
    // The runner creates the file; one that is missing means GITHUB_* names a wrong path, which is an error, not a file to create.
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`GITHUB_${file} names a file that does not exist: ${path}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
/** Appends Markdown to the job summary; refused when the runner gave no summary file or it cannot be written. */
async function appendSummary(markdown, env = process.env) {
    const path = env['GITHUB_STEP_SUMMARY'] ?? '';
    if (path === '')
        throw new Error('GITHUB_STEP_SUMMARY is not set: this runner offers no job summary');
    try {
        await (0,promises_.access)(path, promises_.constants.R_OK | promises_.constants.W_OK);
    }
    catch {
        throw new Error(`the summary file ${path} (GITHUB_STEP_SUMMARY) cannot be read and written`);
    }
    await (0,promises_.appendFile)(path, markdown, 'utf8');
}

;// CONCATENATED MODULE: ./lib/action/inputs.js
// Reads and validates every input once. The reader is injected so that tests can feed plain
// objects; in the action it is the runner's INPUT_* variables (runner-commands.ts). Nothing here touches the network.






// The longest a job can run: 5 days on a self-hosted runner (6 hours on a GitHub-hosted one). A
// timer cannot be set past about 24.8 days, so a larger value would also fire at once.
const MAX_TIMEOUT_MS = 120 * 3_600_000;
const MAX_POLL_MS = 3_600_000;
/** Room kept in `description` for the marker the action appends (see trigger.ts). */
const DESCRIPTION_LIMIT = 1024;
const MARKER_RESERVE = 64;
const VARIABLE_VALUE_LIMIT = 8192;
/** What each provider reads for itself: the form of its IDs, and how to reach and sign in to it. */
const PROVIDERS = {
    codearts: { checkId: checkCodeArtsId, readConnection: readCodeArtsConnection },
    yunxiao: { checkId: checkYunxiaoId, readConnection: readYunxiaoConnection }
};
function getInputs(readRaw = (name) => getInput(name)) {
    // An input left empty has its action.yml default (the runner fills them in; tests and the
    // local debugger may not, and a workflow may set one to '').
    const read = (name) => readRaw(name) || INPUT_DEFAULTS[name] || '';
    const provider = PROVIDERS[parseChoice('provider', read('provider'), ['codearts', 'yunxiao'])];
    const mode = parseChoice('mode', read('mode'), ['trigger-and-wait', 'trigger', 'wait']);
    const pipelineIds = parseList('pipeline-ids', read('pipeline-ids'));
    const pipelineNames = parseList('pipelines', read('pipelines'));
    if (pipelineIds.length > 0 && pipelineNames.length > 0) {
        throw new errors/* InputError */.dz('pipelines', 'is given together with pipeline-ids; name the pipelines by ID or by name, not both');
    }
    if (pipelineIds.length === 0 && pipelineNames.length === 0) {
        throw new errors/* InputError */.dz('pipeline-ids', 'is required; give one or more pipeline IDs separated by commas, spaces or newlines (or their names in pipelines)');
    }
    for (const id of pipelineIds)
        provider.checkId('pipeline-ids', id);
    const pipelineCount = pipelineIds.length + pipelineNames.length;
    // Run numbers count from 1 in each Yunxiao pipeline: `1,1` names two runs. The same run twice
    // would be the same (pipeline, run) pair, which the unique pipeline-ids already rule out.
    const runIds = parseList('run-ids', read('run-ids'), false);
    if (runIds.length > 0) {
        if (mode !== 'wait') {
            throw new errors/* InputError */.dz('run-ids', `is only used with mode: wait (mode is ${mode}); remove it or set mode: wait`);
        }
        if (runIds.length !== pipelineCount) {
            throw new errors/* InputError */.dz('run-ids', `has ${runIds.length} run IDs for ${pipelineCount} pipelines; give one run ID per pipeline, in the same order`);
        }
        for (const id of runIds)
            provider.checkId('run-ids', id);
    }
    const connection = provider.readConnection(read);
    const description = read('description');
    if (description.length > DESCRIPTION_LIMIT - MARKER_RESERVE) {
        throw new errors/* InputError */.dz('description', `is ${description.length} characters; the limit is ${DESCRIPTION_LIMIT - MARKER_RESERVE} (the pipeline allows ${DESCRIPTION_LIMIT} ` +
            `and the action appends a marker)`);
    }
    const timeoutMs = parseDuration('timeout', read('timeout'));
    const pollIntervalMs = parseDuration('poll-interval', read('poll-interval'));
    const maxPollIntervalMs = parseDuration('max-poll-interval', read('max-poll-interval'));
    if (timeoutMs < 1_000)
        throw new errors/* InputError */.dz('timeout', 'must be at least 1s');
    if (timeoutMs > MAX_TIMEOUT_MS) {
        throw new errors/* InputError */.dz('timeout', `${shown(read('timeout'))} is longer than 120h, the longest a job can run (5 days on a self-hosted runner, 6 hours on a ` +
            `GitHub-hosted one)`);
    }
    if (maxPollIntervalMs > MAX_POLL_MS)
        throw new errors/* InputError */.dz('max-poll-interval', `${shown(read('max-poll-interval'))} is longer than 1h; a run would end unseen for too long`);
    // Below 100 ms the batch status endpoint would be hammered; the simulator is the only use for sub-second values.
    if (pollIntervalMs < 100)
        throw new errors/* InputError */.dz('poll-interval', 'must be at least 0.1s');
    if (maxPollIntervalMs < pollIntervalMs) {
        throw new errors/* InputError */.dz('max-poll-interval', `must not be shorter than poll-interval (${read('poll-interval')})`);
    }
    const variables = parseVariables('variables', read('variables'), VARIABLE_VALUE_LIMIT);
    const secretVariables = parseList('secret-variables', read('secret-variables'));
    const unknownSecret = secretVariables.find((name) => !variables.some((v) => v.name === name));
    if (unknownSecret !== undefined) {
        throw new errors/* InputError */.dz('secret-variables', `names ${shown(unknownSecret)}, which is not set in 'variables'; list only names of variables`);
    }
    return {
        mode,
        pipelineIds,
        pipelineNames,
        runIds,
        connection,
        trigger: {
            ref: parseRef('ref', read('ref')),
            variables,
            secretVariables,
            description: description === '' ? undefined : description,
            stages: parseList('stages', read('stages')),
            jobs: parseList('jobs', read('jobs'))
        },
        wait: {
            timeoutMs,
            pollIntervalMs,
            maxPollIntervalMs,
            onManualGate: parseChoice('on-manual-gate', read('on-manual-gate'), ['wait', 'fail']),
            failFast: parseBoolean('fail-fast', read('fail-fast'))
        },
        cancelOnAbort: parseBoolean('cancel-on-abort', read('cancel-on-abort')),
        report: {
            logs: parseChoice('logs', read('logs'), ['failed', 'all', 'none']),
            // Kept lines are held in memory (up to 2,000 characters each): 10,000 bounds that at about 20 MB.
            logLines: parseInteger('log-lines', read('log-lines'), 1, 10_000),
            summary: parseBoolean('summary', read('summary'))
        },
        checks: {
            enabled: parseBoolean('check-runs', read('check-runs')),
            // Outside a runner (the local debugger, tests) the default `${{ github.token }}` arrives as that text.
            token: read('github-token').includes('${{') ? '' : read('github-token').trim()
        }
    };
}

;// CONCATENATED MODULE: ./lib/net/proxy.js
// Self-hosted runners often reach the internet only through a proxy named by HTTPS_PROXY or
// HTTP_PROXY (NO_PROXY lists the hosts to reach directly). Node's fetch ignores those variables
// unless told otherwise: from Node 24.14 (and 25.4) `http.setGlobalProxyFromEnv()` turns its
// built-in proxy support on at run time, for every request the process makes after it; before
// that only NODE_USE_ENV_PROXY=1 (or --use-env-proxy) at start-up did, and Node 20 has neither
// (docs/proxy.md, with Node's documentation as sources).
/** The variables that name a proxy, lower case first as curl and Node read them. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** The first proxy variable that is set, by name (its value may hold the proxy's password). */
function proxyVariable(env) {
    return PROXY_VARIABLES.find((name) => (env[name] ?? '') !== '');
}
/**
 * Turns Node's own proxy support on when a proxy variable is set. Called once, before the first
 * request; the returned restore() undoes it (for tests, which share one process).
 */
function useProxyFromEnv(env = process.env) {
    const variable = proxyVariable(env);
    if (variable === undefined)
        return { kind: 'none', restore: () => undefined };
    // The module object itself, whose globalAgent the call replaces (net/node-transport.ts reads it
    // there at each request). The function is absent before Node 24.14.
    const http = process.getBuiltinModule('node:http');
    const setGlobalProxyFromEnv = http.setGlobalProxyFromEnv;
    if (typeof setGlobalProxyFromEnv !== 'function')
        return { kind: 'unavailable', variable, restore: () => undefined };
    return { kind: 'node', variable, restore: setGlobalProxyFromEnv(env) };
}

;// CONCATENATED MODULE: ./lib/action/origin.js
// The GitHub run this step belongs to, as the runner describes it in the environment and the event
// payload: what the default run description says about where a run came from.


// Events of a pull request that run with the pull request's (not the base repository's) trust.
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
/**
 * Reads the workflow run from the runner's environment and the event payload. (This is all the
 * action needs from @actions/github's context, which would bring 1.3 MB of Octokit into the bundle.)
 */
function originFromEnv(env) {
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    const pr = readEvent(env['GITHUB_EVENT_PATH'])?.pull_request;
    const head = pr?.head?.repo?.full_name;
    const fork = typeof head === 'string' && head !== '' && head !== pr?.base?.repo?.full_name;
    const secretless = PULL_REQUEST_EVENTS.includes(env['GITHUB_EVENT_NAME'] ?? '') && (fork || env['GITHUB_ACTOR'] === 'dependabot[bot]');
    const runUrl = `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID'] ?? ''}`;
    return {
        repository,
        // On pull_request events GITHUB_SHA is a merge commit that exists only on GitHub; the head is what people recognise.
        sha: pr?.head?.sha ?? env['GITHUB_SHA'] ?? '',
        ...(typeof pr?.number === 'number' && { pullRequest: pr.number }),
        runUrl,
        ...(secretless && { withoutSecrets: fork ? { fork: head } : { dependabot: true } }),
        apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        ...workflowPathOf(env['GITHUB_WORKFLOW_REF'])
    };
}
// Inputs that a workflow fills from secrets: empty in a pull request from a fork.
const CREDENTIAL_INPUTS = ['access-key', 'secret-key', 'security-token', 'token', 'username', 'password', 'domain'];
/**
 * Why credentials may be missing, when GitHub gives this run no secrets (README, "Pull requests from
 * forks"). Empty for any other error or run.
 */
function forkNote(error, origin) {
    const why = origin.withoutSecrets;
    if (!(error instanceof errors/* InputError */.dz) || !CREDENTIAL_INPUTS.includes(error.input) || why === undefined)
        return '';
    if ('dependabot' in why) {
        return ("; this run is for a pull request Dependabot opened, and GitHub gives such runs only the repository's Dependabot secrets: " +
            'add the credentials there, or skip the gate for Dependabot (README, "Pull requests from forks")');
    }
    return (`; this run is for a pull request from the fork ${why.fork}, and GitHub gives such runs no secrets: gate forks in the ` +
        'merge queue instead (README, "Pull requests from forks")');
}
/** `octo-org/shop/.github/workflows/ci.yml@refs/heads/main` → `.github/workflows/ci.yml`. */
function workflowPathOf(ref) {
    const path = /^[^/]+\/[^/]+\/(\.github\/workflows\/[^@]+)@/.exec(ref ?? '')?.[1];
    return path !== undefined ? { workflowPath: path } : {};
}
function readEvent(path) {
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/action/state.js
// What the main step leaves for the post step (GITHUB_STATE → STATE_*). One bundle serves both;
// the flag tells them apart, as in actions/checkout.
//
// The post step is a backstop for a main step that was killed before it could clean up after
// itself. So main writes down, before each thing it would have to undo, what the post step would
// need to undo it, and clears it once main has dealt with it itself: after a main step that ended
// its work, the post step finds nothing to do and sends no request.


const actionsState = { save: (n, v) => saveState(n, v), get: (n) => getState(n) };
const IS_POST = 'isPost';
const ABANDONED = 'abandonedRuns';
const PENDING = 'pendingStarts';
const REFUSED = 'credentialsRefused';
function isPost(state) {
    return state.get(IS_POST) === 'true';
}
function markMainStarted(state) {
    state.save(IS_POST, 'true');
}
function saveAbandoned(state, runs) {
    state.save(ABANDONED, JSON.stringify(runs.map(({ pipelineId, runId, queueId, url }) => ({ pipelineId, runId, ...(queueId && { queueId }), ...(url && { url }) }))));
}
function abandonedRuns(state) {
    return readList(state, ABANDONED)
        .map((r) => ({
        pipelineId: str(r['pipelineId']),
        runId: str(r['runId']),
        ...(str(r['queueId']) && { queueId: str(r['queueId']) }),
        ...(str(r['url']) && { url: str(r['url']) })
    }))
        .filter((r) => r.pipelineId !== '' && r.runId !== '');
}
function savePending(state, starts) {
    state.save(PENDING, JSON.stringify(starts));
}
function pendingStarts(state) {
    return readList(state, PENDING)
        .map((p) => {
        const ref = obj(p['ref']);
        const kind = str(ref['kind']);
        return {
            pipelineId: str(p['pipelineId']),
            marker: str(p['marker']),
            sentAt: num(p['sentAt']) ?? 0,
            ...(str(p['before']) && { before: str(p['before']) }),
            ...((kind === 'branch' || kind === 'tag') && str(ref['name']) && { ref: { kind, name: str(ref['name']) } })
        };
    })
        .filter((p) => p.pipelineId !== '' && p.marker !== '');
}
/** The main step's credentials were refused: the post step must not send another refused request. */
function saveRefusal(state, message) {
    state.save(REFUSED, message);
}
function refusal(state) {
    return state.get(REFUSED);
}
function readList(state, name) {
    try {
        return arr(JSON.parse(state.get(name) || '[]')).map(obj);
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./lib/action/io.js
// The seam between the action and the world it runs in. Everything the step does to the runner
// (inputs, outputs, state, the log, the summary, cancellation) goes through an ActionIO, so that the
// same code runs under the runner, in tests against the simulator, and under GitHub's local debugger.





let cancellation;
/**
 * The runner's IO: inputs from INPUT_*, outputs and state through the runner's files, the log on
 * stdout. The first call also installs the signal handlers that turn the runner's cancel into an
 * aborted signal, and turns Node's proxy support on when the runner names a proxy.
 */
function actionIO() {
    if (cancellation === undefined) {
        cancellation = new AbortController();
        // The runner cancels a step with SIGINT, then SIGTERM 7.5 s later (Ctrl+C then Ctrl+Break, which
        // Node calls SIGBREAK, on Windows). Without handlers Node exits at once and no run would be stopped.
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK']) {
            process.on(signal, () => {
                if (!cancellation.signal.aborted)
                    actionsLogger.info(`Received ${signal}: cancelling.`);
                cancellation.abort();
            });
        }
        turnOnProxy(process.env, actionsLogger);
    }
    return {
        logger: actionsLogger,
        readInput: (name) => getInput(name),
        setOutput: (name, value) => setOutput(name, value),
        // A failed step is exit code 1 and an error line; the line goes through our logger: the message names remote things.
        setFailed: (message) => {
            process.exitCode = 1;
            actionsLogger.error(message);
        },
        state: actionsState,
        origin: () => originFromEnv(process.env),
        cancellation: cancellation.signal,
        writeSummary: (markdown) => appendSummary(markdown)
    };
}
/**
 * Node's proxy support, on when the runner names a proxy. The runner's Node 24 may predate turning
 * it on at run time; from 24.5 it applies it given NODE_USE_ENV_PROXY=1 at start-up (docs/proxy.md).
 * The warning names the variable, never its value, which may hold the proxy's password.
 */
function turnOnProxy(env, logger, setUp = useProxyFromEnv) {
    const proxy = setUp(env);
    if (proxy.kind === 'unavailable' && env['NODE_USE_ENV_PROXY'] !== '1') {
        logger.warning(`${proxy.variable} is set, but Node ${process.version} cannot apply a proxy at run time (Node 24.14 or later can), so ` +
            `requests go directly; set NODE_USE_ENV_PROXY: 1 in the step's env for Node to apply it at start-up (docs/proxy.md)`);
    }
}

;// CONCATENATED MODULE: ./lib/action/secrets.js
// Which values are secret, handed to the runner's log masker before anything can print them.

// Inputs whose values must never appear in the log (nor, in the command, on its command line).
const SECRET_INPUTS = ['secret-key', 'security-token', 'token', 'password', 'github-token'];
/**
 * Registers every secret input with the log masker. Called before the inputs are validated, so that
 * no path, an error path included, can print one unmasked. (Values from `secrets.*` are masked by
 * the runner already; values built in the workflow from other sources are not.)
 */
function maskSecretInputs(read, mask) {
    for (const name of SECRET_INPUTS) {
        const value = read(name);
        if (value !== '')
            mask(value);
    }
}
/**
 * Registers the value of every run variable that is secret with the log masker: those named in
 * `secret-variables`, and those whose name says so (DB_PASSWORD, API_TOKEN…). A value derived from a
 * secret in the workflow is not known to the runner, and the start request carries it. For names
 * that merely look secret, values of fewer than 6 characters and `true`/`false` are left alone: the
 * masker would hide every `true` and every `1` in the log.
 */
function maskSecretVariables(trigger, mask) {
    for (const { name, value } of trigger.variables) {
        const marked = trigger.secretVariables.includes(name);
        const looksSecret = (0,redact/* isSecretName */.eh)(name) && value.length >= 6 && !/^(true|false)$/i.test(value);
        if (value !== '' && (marked || looksSecret))
            mask(value);
    }
}

;// CONCATENATED MODULE: ./lib/checks/check-runs.js
// What the gate tells the check runs, and the choice between publishing them and doing nothing.
// The code that talks to GitHub (Octokit, from @actions/github) is imported only when check runs
// are on: the bundle keeps it in a chunk of its own, so a run without check runs reads no more code
// and starts no later than before (docs/check-runs.md).
/** When check runs are off: nothing is loaded and nothing is sent. */
const NO_CHECK_RUNS = {
    begin() { },
    update() { },
    complete: async () => { },
    settle: async () => { }
};
const HEAD_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/**
 * The check runs for this step: NO_CHECK_RUNS when `check-runs` is false, or when this is not a
 * GitHub run with a token (the local debugger, a token left empty); otherwise the publisher, whose
 * code loads in the background once the first run exists.
 */
function openCheckRuns(settings, context) {
    if (!settings.enabled)
        return NO_CHECK_RUNS;
    const { origin, logger } = context;
    if (settings.token === '' || !REPOSITORY.test(origin.repository) || !HEAD_SHA.test(origin.sha)) {
        logger.debug(`Check runs are off: ${settings.token === '' ? 'no github-token' : 'not a GitHub workflow run (repository or commit unknown)'}.`);
        return NO_CHECK_RUNS;
    }
    // Loaded when the first run exists, that is once the first start request has had its answer: the
    // chunk's compilation never delays the step's first request, and a step that starts nothing loads nothing.
    let loading;
    const publisher = () => (loading ??= Promise.all(/* import() */[__nccwpck_require__.e(542), __nccwpck_require__.e(23)]).then(__nccwpck_require__.bind(__nccwpck_require__, 23))
        .then(({ CheckRunPublisher }) => new CheckRunPublisher(settings.token, context))
        // Whatever happens to the loading, the gate goes on: a failure to load is a failure to publish.
        .catch((error) => {
        logger.warning(`Check runs are off: the GitHub client did not load (${error.message}).`);
        return NO_CHECK_RUNS;
    }));
    return {
        begin: (run) => void publisher().then((p) => p.begin(run)),
        update: (run, snapshot, label) => void publisher().then((p) => p.update(run, snapshot, label)),
        complete: async (endings) => (loading && endings.length > 0 ? (await publisher()).complete(endings) : undefined),
        settle: async () => (loading ? (await publisher()).settle() : undefined)
    };
}
/** How a run ended, from what the step reports of it. */
function endingOf(run, label, result, seen) {
    return {
        run,
        label,
        conclusion: checkConclusion(result, seen.snapshot?.state),
        status: result.status,
        durationS: result.duration_s,
        ...(seen.snapshot && { snapshot: seen.snapshot }),
        ...(seen.detail && { detail: seen.detail }),
        failures: result.failures,
        failedLogs: seen.failedLogs
    };
}
/** A run whose step ended without its verdict (an error, a cancel): the step's conclusion, and why. */
function abandonedEnding(run, label, conclusion, note) {
    return { run, label, conclusion, status: '', failures: [], failedLogs: [], note };
}
/**
 * A run's conclusion on GitHub. A run left waiting at a manual gate (the timeout passed, or
 * `on-manual-gate: fail`) needs someone to act: `action_required`, with the link to the run.
 */
function checkConclusion(result, state) {
    if (state === 'manual' && result.stopped !== true && result.conclusion !== 'cancelled')
        return 'action_required';
    return result.conclusion;
}

// EXTERNAL MODULE: ./lib/model.js
var model = __nccwpck_require__(9814);
// EXTERNAL MODULE: ./lib/sleep.js
var sleep = __nccwpck_require__(3424);
;// CONCATENATED MODULE: ./lib/net/rounds.js


/**
 * Calls `fn` again after a transient failure, up to `rounds` calls in all. The HTTP client already
 * retried each request; this is for steps that must not fail on a bad minute, such as finding
 * the runs to wait on, bounded by the step's deadline through `signal`.
 */
async function inRounds(fn, rounds, pauseMs, signal) {
    for (let round = 1;; round++) {
        try {
            return await fn();
        }
        catch (error) {
            if (round >= rounds || !(0,errors/* isTransient */.dg)(error))
                throw error;
        }
        await (0,sleep/* sleep */.y)(pauseMs, signal());
    }
}

;// CONCATENATED MODULE: ./lib/net/ids.js
// IDs from the service go into the paths of later requests (a run's ID into its stop request, a
// job's into its log's). One that holds a slash, `..`, spaces or worse would send that request
// somewhere else, so only plain IDs are taken: letters, digits, `-`, `_`, `.`.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Whether an ID from an answer can be put in a URL path as it is. */
function isPlainId(id) {
    return PLAIN.test(id) && !id.includes('..');
}

;// CONCATENATED MODULE: ./lib/providers/codearts/api.js
// The CodeArts Pipeline v5 endpoints the action uses (docs/codearts.md), as thin typed calls.
// Translation into the action's model lives in provider.ts.






// "The pipeline run does not exist" (docs/codearts.md, "Errors").
const RUN_NOT_FOUND = ['DEVPIPE.00011404'];
/** A start that hit a concurrency limit: the run exists and waits in the pipeline's queue. */
const QUEUED_CODES = ['DEVPIPE.00011169', 'DEVPIPE.00011170'];
class CodeArtsApi {
    channel;
    conn;
    auth;
    constructor(channel, conn, auth) {
        this.channel = channel;
        this.conn = conn;
        this.auth = auth;
    }
    async run(pipelineId, body) {
        const action = `starting pipeline ${pipelineId}`;
        const queued = (json) => QUEUED_CODES.some((code) => code === errorInBody(json)?.code);
        const result = await this.send({
            method: 'POST',
            path: `/pipelines/${pipelineId}/run`,
            action,
            body,
            idempotent: false,
            settles: (response) => queued(response.json)
        }, { tolerate: QUEUED_CODES });
        const data = (0,json/* obj */.WL)(result.body);
        if (result.error) {
            // The run exists and waits in the queue; its ID is under `error` (or, from some gateways, at the top).
            const details = (0,json/* obj */.WL)(data['error']);
            const runId = (0,json/* str */.gx)(details['pipeline_run_id']) || (0,json/* str */.gx)(data['pipeline_run_id']);
            if (!isPlainId(runId))
                throw new errors/* UnnamedRunError */.U6(action, `${result.error.code} (queued) without a usable pipeline_run_id`);
            const queueId = (0,json/* str */.gx)(details['queue_id']) || (0,json/* str */.gx)(data['queue_id']);
            return { runId, ...(isPlainId(queueId) && { queueId }) };
        }
        const runId = (0,json/* str */.gx)(data['pipeline_run_id']);
        if (!isPlainId(runId))
            throw new errors/* MalformedResponseError */.f7(action, 'no usable pipeline_run_id');
        return { runId };
    }
    /**
     * ListPipelines (`POST …/pipelines/list`): a page of the project's pipelines whose names the
     * service finds like `name` (docs/codearts.md, "Pipelines by name"); the next page's offset while
     * the answer's `total` says there are more.
     */
    async listPipelines(name, offset, limit) {
        const result = await this.send({
            method: 'POST',
            path: '/pipelines/list',
            body: { ...(name !== undefined && { name }), offset, limit, sort_key: 'name', sort_dir: 'asc' },
            action: name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the project'
        });
        const body = (0,json/* obj */.WL)(result.body);
        const items = (0,json/* arr */.QL)(body['pipelines'])
            .map(json/* obj */.WL)
            .map((p) => ({ id: (0,json/* str */.gx)(p['pipeline_id']), name: (0,json/* str */.gx)(p['name']) }));
        const total = (0,json/* count */.U9)(body['total']);
        const end = offset + items.length;
        const more = total !== undefined ? end < total : items.length >= limit;
        return { items, ...(more && items.length > 0 && { next: String(end) }) };
    }
    /** Each pipeline's latest run (only pipelines that have run at least once are listed). */
    async latestRuns(pipelineIds) {
        const action = `reading the status of ${pipelineIds.length === 1 ? `pipeline ${pipelineIds[0]}` : `${pipelineIds.length} pipelines`}`;
        const result = await this.send({ method: 'POST', path: '/pipelines/status', action, body: pipelineIds });
        // A bare JSON array (BatchShowPipelinesLatestStatusResponse).
        if (!Array.isArray(result.body))
            throw new errors/* MalformedResponseError */.f7(action, 'expected a JSON array');
        return (0,json/* arr */.QL)(result.body).map(json/* obj */.WL);
    }
    /** The most recent runs, newest first. The items carry no description; see runDetail. */
    async recentRuns(pipelineId, offset, limit) {
        const result = await this.send({
            method: 'POST',
            path: `/pipelines/${pipelineId}/pipeline-runs/list`,
            body: { offset, limit, sort_key: 'start_time', sort_dir: 'desc' },
            action: `listing the recent runs of pipeline ${pipelineId}`
        });
        return (0,json/* arr */.QL)((0,json/* obj */.WL)(result.body)['pipeline_runs']).map(json/* obj */.WL);
    }
    /**
     * The IDs of the runs waiting in the pipeline's queue (Huawei's Terraform provider reads them from
     * here; docs/codearts.md): a queued run has no start time, so a list by start time shows it last.
     * Where a gateway does not serve this path (APIGW.0101), there are none to add.
     */
    async queuedRunIds(pipelineId) {
        try {
            const result = await this.send({
                method: 'GET',
                path: `/pipelines/${pipelineId}/queued-pipeline`,
                query: { limit: '20', offset: '0' },
                action: `listing the queued runs of pipeline ${pipelineId}`
            });
            return (0,json/* arr */.QL)((0,json/* obj */.WL)(result.body)['queuedPipelines']).map((q) => (0,json/* str */.gx)((0,json/* obj */.WL)(q)['pipeline_run_id']));
        }
        catch (error) {
            if (error instanceof errors/* RemoteError */.Hi && /^APIGW?\.0101$/.test(error.code))
                return [];
            throw error;
        }
    }
    async runDetail(pipelineId, runId) {
        try {
            const result = await this.send({
                method: 'GET',
                path: `/pipelines/${pipelineId}/pipeline-runs/detail`,
                query: { pipeline_run_id: runId },
                action: `reading run ${runId} of pipeline ${pipelineId}`
            });
            return (0,json/* obj */.WL)(result.body);
        }
        catch (error) {
            throw error instanceof errors/* RemoteError */.Hi && RUN_NOT_FOUND.includes(error.code) ? new errors/* RunNotFoundError */.lQ(error) : error;
        }
    }
    /** One page of a step's log from `offset` (docs/codearts.md, "Step logs"). */
    async stepLogPage(run, jobId, stepId, offset, limit) {
        const result = await this.send({
            method: 'POST',
            path: `/pipelines/${run.pipelineId}/pipeline-runs/${run.runId}/jobs/${jobId}/steps/${stepId}/logs`,
            body: { start_offset: offset, end_offset: offset, limit, sort: 'asc' },
            action: `reading the log of step ${stepId} of run ${run.runId}`
        });
        return (0,json/* obj */.WL)(result.body);
    }
    /**
     * ShowStepOutputs: each asked step's outputs as `{key, value}` pairs (docs/codearts.md,
     * "Sub-pipelines"). Step IDs go into one comma-separated query value, so only plain ones are sent.
     */
    async stepOutputs(pipelineId, runId, stepIds) {
        const result = await this.send({
            method: 'GET',
            path: `/pipelines/${pipelineId}/pipeline-runs/${runId}/steps/outputs`,
            query: { step_run_ids: stepIds.filter(isPlainId).join(',') },
            action: `reading the sub-pipeline steps of run ${runId} of pipeline ${pipelineId}`
        });
        return (0,json/* arr */.QL)((0,json/* obj */.WL)(result.body)['step_outputs']).map(json/* obj */.WL);
    }
    /** StopPipelineRun answers `{success: true | false}`; true is the only confirmation. */
    async stop(pipelineId, runId) {
        const result = await this.send({
            method: 'POST',
            path: `/pipelines/${pipelineId}/pipeline-runs/${runId}/stop`,
            action: `stopping run ${runId} of pipeline ${pipelineId}`
        });
        return (0,json/* obj */.WL)(result.body)['success'] === true;
    }
    async cancelQueuing(pipelineId, runId, queueId) {
        // No `pipeline-runs/` segment in this path (Huawei's Terraform provider; docs/codearts.md).
        const result = await this.send({
            method: 'POST',
            path: `/pipelines/${pipelineId}/${runId}/cancel-queuing/${queueId}`,
            body: {},
            action: `taking run ${runId} of pipeline ${pipelineId} out of the queue`
        });
        return (0,json/* obj */.WL)(result.body)['success'] === true;
    }
    async send(endpoint, options) {
        const url = new URL(`${this.conn.endpoint}/v5/${this.conn.projectId}/api${endpoint.path}`);
        for (const [k, v] of Object.entries(endpoint.query ?? {}))
            url.searchParams.set(k, v);
        return call(this.channel, {
            method: endpoint.method,
            url,
            headers: { 'Content-Type': 'application/json' },
            ...(endpoint.body !== undefined && { body: JSON.stringify(endpoint.body) }),
            // Reads, stops and queue cancellations are safe to repeat; only a start is not.
            idempotent: endpoint.idempotent ?? true,
            action: endpoint.action,
            ...(endpoint.settles && { settles: endpoint.settles })
        }, this.auth.authorize, { ...options, renew: (sentAt) => this.auth.renew(sentAt) });
    }
}

;// CONCATENATED MODULE: ./lib/providers/codearts/iam.js
// The two IAM calls the action needs (docs/codearts.md, "Signing in"): a region-scoped token from a
// password, and the IAM project ID of a region for AK/SK requests.




/**
 * IAM has just named the region's IAM project: if that is the ID given as the CodeArts project, the
 * two IDs were mixed up, which the pipeline service would only report as an unknown project.
 */
function refuseMixedProjects(codeartsProjectId, iamProjectId, region) {
    if (codeartsProjectId.toLowerCase() !== iamProjectId.toLowerCase())
        return;
    throw new errors/* PreconditionError */.Rb("checking 'project-id'", `${codeartsProjectId} is the IAM project ID of region ${region}, not a CodeArts project ID. ${PROJECT_IDS}`);
}
async function passwordToken(channel, iamEndpoint, region, user) {
    const action = `signing in to IAM as ${user.domain}/${user.username}`;
    const body = {
        auth: {
            identity: {
                methods: ['password'],
                password: { user: { name: user.username, password: user.password, domain: { name: user.domain } } }
            },
            // CodeArts wants a project-scoped (region) token; an account-wide token is refused.
            scope: { project: { name: region } }
        }
    };
    const result = await call(channel, {
        method: 'POST',
        url: new URL(`${iamEndpoint}/v3/auth/tokens?nocatalog=true`),
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        idempotent: true,
        action
    }, undefined);
    const token = result.headers['x-subject-token'] ?? '';
    if (token === '')
        throw new errors/* MalformedResponseError */.f7(action, 'no X-Subject-Token header');
    const scoped = (0,json/* obj */.WL)((0,json/* obj */.WL)(result.body)['token']);
    const expires = Date.parse((0,json/* str */.gx)(scoped['expires_at']));
    const projectId = (0,json/* str */.gx)((0,json/* obj */.WL)(scoped['project'])['id']);
    return { token, ...(!Number.isNaN(expires) && { expiresAt: new Date(expires) }), ...(projectId !== '' && { projectId }) };
}
/** `GET /v3/projects?name=<region>`, signed with the caller's AK/SK. */
async function regionProjectId(channel, iamEndpoint, region, signer) {
    const action = `looking up the IAM project of region ${region}`;
    const url = new URL(`${iamEndpoint}/v3/projects`);
    url.searchParams.set('name', region);
    const result = await call(channel, { method: 'GET', url, headers: { 'Content-Type': 'application/json' }, idempotent: true, action }, signer.authorize);
    const match = (0,json/* arr */.QL)((0,json/* obj */.WL)(result.body)['projects'])
        .map(json/* obj */.WL)
        .find((p) => (0,json/* str */.gx)(p['name']) === region);
    const id = (0,json/* str */.gx)(match?.['id']);
    // IAM project IDs are 32 hexadecimal characters; this one goes into every signed request's headers.
    if (id !== '' && !/^[0-9a-fA-F]{32}$/.test(id))
        throw new errors/* MalformedResponseError */.f7(action, 'the project ID is not 32 hexadecimal characters');
    if (id === '') {
        throw new errors/* PreconditionError */.Rb(action, `the account has no IAM project named ${region}; set iam-project-id`);
    }
    return id;
}

;// CONCATENATED MODULE: ./lib/net/hash.js
// What both request signers (CodeArts SDK-HMAC-SHA256, Alibaba ACS3-HMAC-SHA256) are built from.

/** Lower-case hex SHA-256 of the UTF-8 text. */
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/** Lower-case hex HMAC-SHA256 of the UTF-8 text, keyed with the UTF-8 key. */
function hmacSha256Hex(key, text) {
    return (0,external_node_crypto_.createHmac)('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex');
}
/** Orders by UTF-16 code units, as both signature specs sort names and keys. */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./lib/providers/codearts/signer.js
// Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), written from the published algorithm
// (docs/codearts.md, "Signing in"). The gateway rebuilds the canonical request from what arrives, so every
// choice below is about producing the same bytes the gateway will produce, not about taste.

const ALGORITHM = 'SDK-HMAC-SHA256';
const DATE_HEADER = 'x-sdk-date';
// When this header is sent the gateway takes its value (e.g. UNSIGNED-PAYLOAD) as the payload
// hash instead of hashing the body, so we must do the same.
const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';
/** `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...` for the input, which must contain an x-sdk-date header. */
function authorization(input, keys) {
    const headers = canonicalHeaders(input.headers);
    const date = headers.get(DATE_HEADER);
    if (date === undefined)
        throw new Error('Cannot sign a request without an X-Sdk-Date header.');
    const names = [...headers.keys()].sort(byCodeUnits);
    const signedHeaders = names.join(';');
    const canonicalRequest = [
        input.method.toUpperCase(),
        canonicalUri(input.path),
        canonicalQuery(input.query),
        names.map((name) => `${name}:${headers.get(name)}\n`).join(''),
        signedHeaders,
        headers.get(CONTENT_SHA256_HEADER) ?? sha256Hex(input.body)
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
    const signature = hmacSha256Hex(keys.secretKey, stringToSign);
    return `${ALGORITHM} Access=${keys.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
/** Formats a Date as X-Sdk-Date: YYYYMMDDTHHMMSSZ (UTC). */
function sdkDate(now) {
    // "2026-11-22T12:00:00.000Z" → "20261122T120000Z"
    return now
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/[-:]/g, '');
}
/**
 * Signs a request about to be sent to `url`. Signs `host` (url.host), `x-sdk-date` and every header in `headers`.
 * Returns the headers to send: the given ones plus `X-Sdk-Date` and `Authorization`
 * (do not return `host`: the HTTP client sets it from the URL with the same value).
 */
function signRequest(method, url, headers, body, keys, now) {
    for (const name of Object.keys(headers)) {
        // A caller's copy would either be signed with a different value than the one sent or be sent twice.
        if (RESERVED.has(name.toLowerCase()))
            throw new Error(`signRequest sets the ${name} header itself; do not pass it.`);
    }
    const sent = { ...headers, 'X-Sdk-Date': sdkDate(now) };
    const auth = authorization({ method, path: decodePath(url.pathname), query: [...url.searchParams], headers: { ...sent, host: url.host }, body }, keys);
    return { ...sent, Authorization: auth };
}
const RESERVED = new Set(['host', DATE_HEADER, 'authorization']);
function canonicalHeaders(headers) {
    const byName = new Map();
    for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        // Two spellings of one name would reach the server as one header with an unknown value.
        if (byName.has(lower))
            throw new Error(`Header ${name} is given twice (names are case-insensitive).`);
        // HTTP drops surrounding blanks and cannot carry line breaks, so the gateway would see another value.
        if (/^[ \t]|[ \t]$|[\r\n]/.test(value))
            throw new Error(`Header ${name} has surrounding blanks or a line break; it cannot be sent as signed.`);
        byName.set(lower, value);
    }
    return byName;
}
function canonicalUri(path) {
    const encoded = path.split('/').map(uriEncode).join('/');
    // The gateway's canonical form always ends in '/', whether or not the request path does.
    return encoded.endsWith('/') ? encoded : `${encoded}/`;
}
function canonicalQuery(query) {
    // Sorting whole pairs orders by key and, within a repeated key, by value; both compare the
    // decoded strings, as the SDKs do, so the wire encoding of the query cannot change the order.
    return [...query]
        .sort(([ak, av], [bk, bv]) => byCodeUnits(ak, bk) || byCodeUnits(av, bv))
        .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
        .join('&');
}
// RFC 3986 unreserved characters: A-Z a-z 0-9 - . _ ~
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const ENCODED_BYTE = Array.from({ length: 256 }, (_, byte) => {
    const char = String.fromCharCode(byte);
    return UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
});
// Stricter than encodeURIComponent, which leaves !'()* alone; the gateway escapes them.
function uriEncode(text) {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8'))
        out += ENCODED_BYTE[byte];
    return out;
}
// The gateway canonicalises the decoded path, so the wire's choice of escapes must not matter.
// Runs of escapes are decoded together because one character can span several bytes; a '%' not
// followed by two hex digits is not an escape and stays literal (decodeURIComponent would throw).
function decodePath(pathname) {
    return pathname
        .split('/')
        .map((segment) => segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
            return decodeURIComponent(run);
        }
        catch {
            throw new Error(`Cannot sign the path ${pathname}: ${run} is not UTF-8.`);
        }
    }))
        .join('/');
}

;// CONCATENATED MODULE: ./lib/providers/codearts/auth.js
// One Authenticator per way of signing in. Everything it needs from IAM is fetched on first use,
// so bad inputs fail before any request and a `mode: wait` step with a ready token makes no IAM call.


// A refused token is renewed only when IAM's own expiry time says it has run out (or is about to).
// A token refused while still valid means missing permissions: a new one would be refused too, and
// renewing it again and again would only hide that.
const EXPIRY_MARGIN_MS = 5 * 60_000;
function createAuthenticator(conn, channel, logger, now = Date.now) {
    const auth = conn.auth;
    switch (auth.kind) {
        case 'token':
            return { authorize: () => ({ 'X-Auth-Token': auth.token }), renew: async () => false };
        case 'password': {
            let token;
            const mint = () => {
                token = passwordToken(channel, conn.iamEndpoint, conn.region, auth).then((t) => {
                    // Masked before anything, debug output included, could print it.
                    logger.secret(t.token);
                    if (t.projectId !== undefined)
                        refuseMixedProjects(conn.projectId, t.projectId, conn.region);
                    logger.debug(`IAM token obtained${t.expiresAt ? `, valid until ${t.expiresAt.toISOString()}` : ''}`);
                    return t;
                }, (error) => {
                    token = undefined;
                    throw error;
                });
                return token;
            };
            // Requests in flight together all meet the expired token at once: they share one sign-in (a
            // wrong password signed in eight times over could lock the user), and a request refused with
            // a token that has been renewed since it left is simply sent again with the new one.
            let renewing;
            let renewedAt = Number.NEGATIVE_INFINITY;
            return {
                authorize: async () => ({ 'X-Auth-Token': (await (token ?? mint())).token }),
                renew: (sentAt) => {
                    if (renewedAt > sentAt)
                        return Promise.resolve(true);
                    renewing ??= (async () => {
                        const current = await token;
                        if (current?.expiresAt === undefined || now() < current.expiresAt.getTime() - EXPIRY_MARGIN_MS)
                            return false;
                        logger.info('The IAM token has expired; signing in again.');
                        await mint();
                        renewedAt = now();
                        return true;
                    })().finally(() => {
                        renewing = undefined;
                    });
                    return renewing;
                }
            };
        }
        case 'aksk': {
            const keys = { accessKey: auth.accessKey, secretKey: auth.secretKey };
            const sts = auth.securityToken ? { 'X-Security-Token': auth.securityToken } : {};
            const signWith = (extra) => (req) => signRequest(req.method, req.url, { ...req.headers, ...extra }, req.body ?? '', keys, new Date(now()));
            // The project lookup itself is signed without X-Project-Id: IAM is a global service.
            const bare = { authorize: signWith(sts), renew: async () => false };
            let projectId = auth.iamProjectId ? Promise.resolve(auth.iamProjectId) : undefined;
            const resolveProject = () => (projectId ??= regionProjectId(channel, conn.iamEndpoint, conn.region, bare).then((id) => {
                logger.debug(`IAM project of ${conn.region}: ${id}`);
                refuseMixedProjects(conn.projectId, id, conn.region);
                return id;
            }, (error) => {
                projectId = undefined;
                throw error;
            }));
            return {
                authorize: async (req) => signWith({ ...sts, 'X-Project-Id': await resolveProject() })(req),
                // Never re-sign a refused request: five failures in a row lock the key for five minutes.
                renew: async () => false
            };
        }
    }
}

;// CONCATENATED MODULE: ./lib/net/links.js
// Links from the service are printed, written to outputs and put in the job summary, so a link is
// kept only when it points at the service itself; anything else gives way to the link the action
// builds from the IDs it knows.
/** `candidate` when it is an https link on one of the service's console hosts or on the API's own origin. */
function ownLink(candidate, own) {
    let url;
    try {
        url = new URL(candidate.trim());
    }
    catch {
        return undefined;
    }
    if (url.username !== '' || url.password !== '')
        return undefined;
    const endpoint = new URL(own.endpoint);
    if (url.origin === endpoint.origin)
        return url.href;
    if (url.protocol !== 'https:')
        return undefined;
    return own.hosts.some((host) => host.test(url.hostname)) ? url.href : undefined;
}

;// CONCATENATED MODULE: ./lib/providers/durations.js
// How long a pipeline's recent runs took, from its run list: the one rule both providers use to turn
// list items into durations for Provider.history (docs/polling.md).

/** How many of the newest listed runs are looked at: enough for a median, one small page. */
const HISTORY_RUNS = 10;
// No run this action waits on lasts longer than its longest `timeout` (120 h); a longer "duration"
// is a wrong time, not a slow run.
const LONGEST_RUN_MS = 120 * 3_600_000;
/**
 * The durations (ms) of the runs that succeeded, in the list's order. Only a success tells how long
 * the whole pipeline takes: a failure or a cancel stops part-way. An item whose times are missing,
 * unreadable, implausible (remoteTime), in the wrong order or longer than any run can be is left
 * out, never guessed at: a duration only shapes when the status is read, so one fewer is harmless.
 */
function successDurations(items) {
    const durations = [];
    for (const item of items) {
        if (item.state !== 'success')
            continue;
        const start = (0,json/* remoteTime */.Gf)(item.start)?.getTime();
        const end = (0,json/* remoteTime */.Gf)(item.end)?.getTime();
        if (start === undefined || end === undefined)
            continue;
        const ms = end - start;
        if (ms > 0 && ms <= LONGEST_RUN_MS)
            durations.push(ms);
    }
    return durations;
}

;// CONCATENATED MODULE: ./lib/providers/names.js
// Pipelines named by `pipelines` instead of by ID: each name is looked up in the service's pipeline
// list, once, before anything starts. Both services filter that list by name, but loosely (CodeArts
// documents a fuzzy match; a service may also ignore the filter), so only an exact match counts, and
// a name is taken only when exactly one pipeline has it: a gate that starts the wrong pipeline is
// worse than one that stops. Both providers resolve names here, each through its own list operation.


/** Pages read for one name: a filtered list is short; an unfiltered one this long cannot be searched whole. */
const NAME_PAGES = 20;
const CANDIDATES = 5;
/** Names longer than this are not compared (a hostile list could make the comparison costly). */
const COMPARED_LENGTH = 256;
/**
 * The ID of each named pipeline, in the order of `names`. `scope` says where the names were looked
 * for ("CodeArts project …"); `usable` whether an ID from the list can be used as the service's
 * pipeline ID. Throws, naming the input, when a name matches no pipeline (with the close names) or
 * more than one (with their IDs).
 */
async function resolveNames(names, list, scope, usable) {
    const ids = [];
    let everything;
    for (const name of names) {
        const action = `finding the pipeline named ${shown(name)}`;
        const listed = await readAll(list, name);
        const exact = distinct(listed.items.filter((p) => p.name === name));
        if (exact.length > 1) {
            throw new errors/* PreconditionError */.Rb(action, `${exact.length} pipelines of ${scope} have this name (IDs ${exact.map((p) => shown(p.id)).join(', ')}); rename all but one, ` +
                "or give the pipeline's ID in 'pipeline-ids' instead of 'pipelines'");
        }
        if (!listed.complete) {
            throw new errors/* PreconditionError */.Rb(action, `the service listed more than ${NAME_PAGES} pages of pipelines for this name, so the action cannot be sure which pipeline, ` +
                "if any, has it; give the pipeline's ID in 'pipeline-ids' instead of 'pipelines'");
        }
        const found = exact[0];
        if (found !== undefined) {
            if (!usable(found.id))
                throw new errors/* MalformedResponseError */.f7(action, `the pipeline's ID ${shown(found.id)} is not one the service uses`);
            ids.push(found.id);
            continue;
        }
        // The service's own loose matches first; when none is close, every pipeline (read once for all names).
        let close = closest(name, listed.items);
        if (close.length === 0) {
            everything ??= readAll(list, undefined).then((all) => all.items);
            close = closest(name, await everything);
        }
        const nearby = close.length > 0
            ? `the closest names are ${close.map((p) => `${shown(p.name)} (ID ${shown(p.id)})`).join(', ')}`
            : 'no name is close to it';
        throw new errors/* PreconditionError */.Rb(action, `no pipeline of ${scope} has exactly this name (names match whole, case included); ${nearby}. Check 'pipelines', or give ` +
            "the pipeline's ID in 'pipeline-ids'");
    }
    return ids;
}
/** Every page for `name`, up to NAME_PAGES; `complete` when the last one said it was the last. */
async function readAll(list, name) {
    const items = [];
    let cursor;
    for (let page = 0; page < NAME_PAGES; page++) {
        const got = await list(name, cursor);
        items.push(...got.items);
        if (got.next === undefined || got.items.length === 0)
            return { items, complete: true };
        cursor = got.next;
    }
    return { items, complete: false };
}
/** One entry per pipeline ID (a list read page by page may show one twice). */
function distinct(pipelines) {
    return [...new Map(pipelines.map((p) => [p.id, p])).values()];
}
/** The pipelines whose names are closest to `wanted`: the same but for case, one inside the other, or a few letters apart. */
function closest(wanted, pipelines) {
    const scored = distinct(pipelines)
        .filter((p) => p.name !== '' && p.name.length <= COMPARED_LENGTH)
        .map((p) => ({ p, score: distance(wanted.toLowerCase(), p.name.toLowerCase()) }))
        .filter(({ score }) => score !== undefined);
    return scored
        .sort((a, b) => a.score - b.score || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0))
        .slice(0, CANDIDATES)
        .map(({ p }) => p);
}
/** How far apart two lower-cased names are, or undefined when they are not close at all. */
function distance(a, b) {
    if (a === b)
        return 0;
    if (a.includes(b) || b.includes(a))
        return 1;
    const edits = levenshtein(a, b);
    return edits <= Math.max(2, Math.floor(a.length / 4)) ? 1 + edits : undefined;
}
function levenshtein(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./lib/providers/text-pages.js
// Step logs come in pages of text. These turn pages into whole lines, once each, in bounded memory.
/**
 * The longest line kept, in characters. Longer lines keep their end, where the error usually is
 * (the live log view cuts lines at 1,024 characters anyway). It also bounds the partial line carried
 * from page to page: a log that is one 100 MB line costs no more memory than a short one.
 */
const MAX_LINE = 2_000;
// A safety net against a service whose offsets never stop moving.
const MAX_PAGES = 100_000;
/** Lines asked for in one page, at most (both services count a page's size in lines). */
const PAGE_LINES = 1_000;
/**
 * The size, in characters, a page request aims at. A page is held whole on its way through the
 * HTTP client and the JSON parser, several copies over (net/http.ts refuses an answer over 32 MB),
 * so the step's memory grows with the size of a page, not of the log. When pages come back larger
 * than this (long lines), the next asks for proportionally fewer lines; when smaller, for more, up
 * to PAGE_LINES.
 */
const PAGE_CHARS = 512 * 1024;
/**
 * Reads pages from offset 0 until the service says there is no more, or would send us back to where
 * we were. A page may end inside a line; that part is carried over and joined to the next page.
 * A page that says it starts before the end of the previous one (a service that reads the offsets
 * of a page request differently, docs/codearts.md) has the part already read cut off, so no line is
 * printed twice. Memory: the page being read, and the carry (at most MAX_LINE characters); the next
 * page is asked for only once this one's lines have been consumed, for as many lines as make about
 * PAGE_CHARS at the length the lines have had so far.
 */
async function* pagedLines(fetch) {
    let offset = 0;
    let lines = PAGE_LINES;
    const carry = new Carry();
    for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await fetch(offset, lines);
        lines = Math.min(PAGE_LINES, Math.max(1, Math.floor((lines * PAGE_CHARS) / Math.max(1, answer.text.length))));
        const text = answer.start !== undefined && answer.start < offset ? dropBytes(answer.text, offset - answer.start) : answer.text;
        const last = !answer.more || answer.next === undefined || answer.next <= offset;
        yield* completeLines(text, carry);
        carry.detach();
        if (last) {
            if (!carry.empty())
                yield carry.take();
            return;
        }
        offset = answer.next;
    }
}
/** The lines of a whole text, one at a time (no array of them all beside the text). */
function* splitLines(text) {
    const carry = new Carry();
    yield* completeLines(text, carry);
    if (!carry.empty())
        yield carry.take();
}
/**
 * Each line of `text` that ends in it, joined to what `carry` held before; what follows the last
 * line break stays in the carry. Line by line with indexOf rather than split(): no array of the
 * lines beside the text.
 */
function* completeLines(text, carry) {
    let from = 0;
    for (let end = text.indexOf('\n', from); end >= 0; end = text.indexOf('\n', from)) {
        carry.append(text, from, end);
        yield carry.take();
        from = end + 1;
    }
    carry.append(text, from, text.length);
}
/**
 * A line being assembled from pieces of pages: its length, and at most MAX_LINE of its last
 * characters. Only what is kept is copied out of a page, never a whole piece: a 1 MB piece of a
 * 100 MB line costs MAX_LINE characters here, not a megabyte.
 */
class Carry {
    tail = '';
    length = 0;
    /** Characters `from` to `to` of `text`. */
    append(text, from, to) {
        this.length += to - from;
        const start = Math.max(from, to - MAX_LINE);
        const joined = start === from ? this.tail + text.slice(from, to) : text.slice(start, to);
        this.tail = joined.length > MAX_LINE ? joined.slice(-MAX_LINE) : joined;
    }
    empty() {
        return this.length === 0;
    }
    /** Lets go of the page the kept characters came from, before the next page is read. */
    detach() {
        this.tail = detached(this.tail);
    }
    /** The line, cut if it was too long, and a fresh carry. */
    take() {
        const text = this.tail.endsWith('\r') ? this.tail.slice(0, -1) : this.tail;
        const line = this.length > MAX_LINE ? `[line cut: the first ${this.length - MAX_LINE} of ${this.length} characters are not shown]…${text}` : text;
        this.tail = '';
        this.length = 0;
        return detached(line);
    }
}
/**
 * A copy of `text` that holds no reference to the page it was cut from. V8 makes a substring of a
 * long string as a view into it, so a kept line would keep its whole page alive: the tail of 300
 * lines, each from a different 1 MB page, would hold 300 MB. Joining the line to one character and
 * cutting that off again makes V8 write the characters out afresh (the whole copy is the line's
 * own length).
 */
function detached(text) {
    // Below 13 characters V8 copies a substring anyway.
    return text.length < 13 ? text : ` ${text}`.slice(1);
}
/** `text` without its first `bytes` bytes of UTF-8. */
function dropBytes(text, bytes) {
    const buffer = Buffer.from(text, 'utf8');
    return bytes >= buffer.length ? '' : buffer.subarray(bytes).toString('utf8');
}

;// CONCATENATED MODULE: ./lib/providers/codearts/logs.js
// A CodeArts step's log, line by line, read page by page as it is consumed.


/**
 * Pages through the log from the start. Each page answers with `start_offset` and `end_offset`;
 * the SDK says to fill both into the next request, our first reading was that `end_offset` is
 * where the next page starts (docs/codearts.md, "Step logs"). Both offsets of the next request are
 * set to the end of the page, so either reading gives the next page, and a page that starts before
 * that point has its repeated part cut off. `logKey` is `<job run id>/<step run id>`.
 */
function stepLogLines(api, run, logKey) {
    const [jobId = '', stepId = ''] = logKey.split('/');
    return pagedLines(async (offset, lines) => {
        const page = await api.stepLogPage(run, jobId, stepId, offset, lines);
        const start = (0,json/* num */.bu)(page['start_offset']);
        const next = (0,json/* num */.bu)(page['end_offset']);
        return {
            text: (0,json/* str */.gx)(page['log']),
            more: page['has_more'] === true,
            ...(start !== undefined && { start }),
            ...(next !== undefined && { next })
        };
    });
}

;// CONCATENATED MODULE: ./lib/providers/status-classes.js
/**
 * A provider's status words → states, for runs and for stages, jobs and steps. Every word the
 * official SDKs document is in a table (docs/statuses.md). Any other word means "still running":
 * waiting on until the timeout is recoverable, declaring an unknown status finished is not.
 */
function statusClasses(runTable, nodeTable) {
    return {
        reader: () => {
            const unknown = [];
            const look = (table, status) => {
                const word = status.trim().toUpperCase();
                const state = table[word];
                if (state !== undefined)
                    return state;
                const shown = word === '' ? '(no status)' : status.trim();
                if (!unknown.includes(shown))
                    unknown.push(shown);
                return 'running';
            };
            return { run: (s) => look(runTable, s), node: (s) => look(nodeTable, s), unknown };
        }
    };
}

;// CONCATENATED MODULE: ./lib/providers/codearts/status.js

// Every status the official SDK documents (docs/statuses.md). A run IGNORED was not run by the
// service: it has ended, and not with success. QUEUED and INIT, seen though not in the run enum,
// are a run that has not started yet.
const codeartsStatuses = statusClasses({
    COMPLETED: 'success',
    FAILED: 'failure',
    IGNORED: 'failure',
    CANCELED: 'cancelled',
    PAUSED: 'manual',
    SUSPEND: 'manual',
    RUNNING: 'running',
    INIT: 'running',
    QUEUED: 'running'
}, {
    COMPLETED: 'success',
    FAILED: 'failure',
    ASYNC_FAILED: 'failure',
    CANCELED: 'cancelled',
    PAUSED: 'manual',
    SUSPEND: 'manual',
    SKIPPED: 'skipped',
    IGNORED: 'skipped',
    UNSELECTED: 'skipped',
    INIT: 'running',
    QUEUED: 'running',
    RUNNING: 'running',
    ASYNC_RUNNING: 'running',
    REDISPATCH: 'running'
});

;// CONCATENATED MODULE: ./lib/providers/codearts/translate.js
// CodeArts response shapes → the action's model. Stage times are strings in the batch status
// response and epoch milliseconds in the run detail (docs/codearts.md); only the detail's are used,
// and any time that cannot be read is left out (it never decides anything).




/**
 * Whether an answer is the record of the run asked for. A record of another run must never be
 * taken for ours: a mismatch is an error, as is a record that does not say which run it is.
 */
function checkIdentity(action, run, runId, pipelineId) {
    const id = (0,json/* str */.gx)(runId);
    if (id !== run.runId)
        throw new errors/* MalformedResponseError */.f7(action, id === '' ? 'the record does not say which run it is' : `it is the record of run ${id}, not of run ${run.runId}`);
    const pipeline = (0,json/* str */.gx)(pipelineId);
    if (pipeline !== '' && pipeline !== run.pipelineId)
        throw new errors/* MalformedResponseError */.f7(action, `it is the record of a run of pipeline ${pipeline}, not of ${run.pipelineId}`);
}
/** An item of `POST .../pipelines/status`: the pipeline's latest run, already matched to ours. */
function snapshotFromLatest(item) {
    const statuses = codeartsStatuses.reader();
    const status = (0,json/* str */.gx)(item['status']);
    return finish({
        ...runTimes(item),
        status,
        state: statuses.run(status),
        stages: bySequence((0,json/* arr */.QL)(item['stage_status_list']).map(json/* obj */.WL)).map((s) => {
            const stageStatus = (0,json/* str */.gx)(s['status']);
            return { name: (0,json/* str */.gx)(s['name']), status: stageStatus, state: statuses.node(stageStatus) };
        })
    }, statuses);
}
/** `GET .../pipeline-runs/detail`, checked to be the record of `run`. */
function detailFromRun(body, run) {
    checkIdentity(`reading run ${run.runId} of pipeline ${run.pipelineId}`, run, body['id'], body['pipeline_id']);
    const statuses = codeartsStatuses.reader();
    const status = (0,json/* str */.gx)(body['status']);
    const pipelineName = (0,json/* str */.gx)(body['name']);
    return finish({
        ...runTimes(body),
        ...(pipelineName !== '' && { pipelineName }),
        status,
        state: statuses.run(status),
        stages: bySequence((0,json/* arr */.QL)(body['stages']).map(json/* obj */.WL)).map((s) => stage(s, statuses))
    }, statuses);
}
function finish(snapshot, statuses) {
    return statuses.unknown.length > 0 ? { ...snapshot, unknown: statuses.unknown } : snapshot;
}
function runTimes(item) {
    const runNumber = (0,json/* count */.U9)(item['run_number']);
    const url = (0,json/* str */.gx)(item['detail_url']);
    return { ...(runNumber !== undefined && runNumber > 0 && { runNumber }), ...times(item), ...(url !== '' && { url }) };
}
function stage(s, statuses) {
    const status = (0,json/* str */.gx)(s['status']);
    const id = (0,json/* str */.gx)(s['id']);
    return {
        id,
        name: (0,json/* str */.gx)(s['name']) || (0,json/* str */.gx)(s['identifier']),
        status,
        state: statuses.node(status),
        ...times(s),
        // Gate steps belong to no job; the log URL is assumed to take the stage's ID in the job's place.
        pre: bySequence((0,json/* arr */.QL)(s['pre']).map(json/* obj */.WL)).map((p) => step(p, id, statuses)),
        post: bySequence((0,json/* arr */.QL)(s['post']).map(json/* obj */.WL)).map((p) => step(p, id, statuses)),
        jobs: bySequence((0,json/* arr */.QL)(s['jobs']).map(json/* obj */.WL)).map((j) => job(j, statuses))
    };
}
function job(j, statuses) {
    const status = (0,json/* str */.gx)(j['status']);
    const message = (0,json/* str */.gx)(j['message']);
    const id = (0,json/* str */.gx)(j['id']);
    return {
        id,
        name: (0,json/* str */.gx)(j['name']) || (0,json/* str */.gx)(j['identifier']),
        status,
        state: statuses.node(status),
        ...(message !== '' && { message }),
        ...times(j),
        steps: bySequence((0,json/* arr */.QL)(j['steps']).map(json/* obj */.WL)).map((s) => step(s, id, statuses))
    };
}
/** The task of a step that runs another pipeline (docs/codearts.md, "Sub-pipelines"). */
const SUB_PIPELINE_TASK = 'official_devcloud_subPipeline';
/** The log key is `<job run id>/<step run id>`: the two IDs in the log URL (docs/codearts.md). */
function step(s, jobId, statuses) {
    const status = (0,json/* str */.gx)(s['status']);
    const message = (0,json/* str */.gx)(s['message']);
    const id = (0,json/* str */.gx)(s['id']);
    return {
        id,
        ...((0,json/* str */.gx)(s['task']) === SUB_PIPELINE_TASK && { subPipeline: true }),
        ...(isPlainId(jobId) && isPlainId(id) && { logKey: `${jobId}/${id}` }),
        name: (0,json/* str */.gx)(s['name']) || (0,json/* str */.gx)(s['task']),
        status,
        state: statuses.node(status),
        ...(message !== '' && { message }),
        ...times(s)
    };
}
function times(item) {
    const startedAt = (0,json/* remoteTime */.Gf)(item['start_time']);
    const finishedAt = (0,json/* remoteTime */.Gf)(item['end_time']);
    return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) };
}
function bySequence(items) {
    return items
        .map((item, index) => ({ item, index, sequence: (0,json/* count */.U9)(item['sequence']) }))
        .sort((a, b) => (a.sequence ?? a.index) - (b.sequence ?? b.index) || a.index - b.index)
        .map((x) => x.item);
}
/**
 * ShowStepOutputs items → the run each asked step started: its `pipeline_id` and `pipeline_run_id`
 * outputs. A value is a string in older SDKs and an object in newer ones (docs/codearts.md,
 * "Sub-pipelines"); either way only plain IDs are taken, and only for steps that were asked about.
 */
function subRunsFromOutputs(items, asked) {
    const found = new Map();
    for (const item of items) {
        const stepId = (0,json/* str */.gx)(item['step_run_id']);
        if (!asked.includes(stepId) || found.has(stepId))
            continue;
        const outputs = new Map();
        for (const entry of (0,json/* arr */.QL)(item['output_result']).map(json/* obj */.WL)) {
            const key = (0,json/* str */.gx)(entry['key']);
            if (key !== '' && !outputs.has(key))
                outputs.set(key, outputValue(entry['value'], key));
        }
        const pipelineId = outputs.get('pipeline_id') ?? '';
        const runId = outputs.get('pipeline_run_id') ?? '';
        if (isPlainId(pipelineId) && isPlainId(runId))
            found.set(stepId, { pipelineId, runId });
    }
    return found;
}
/** An output's value as text: a string or number as it is; of an object, its `value` (or the key's own field). */
function outputValue(value, key) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const fields = value;
        return (0,json/* str */.gx)(fields['value']) || (0,json/* str */.gx)(fields[key]);
    }
    return (0,json/* str */.gx)(value).trim();
}

;// CONCATENATED MODULE: ./lib/providers/codearts/provider.js










// The batch status endpoint documents no limit on its list; keep requests modest.
const STATUS_BATCH = 20;
// A lost start is looked for among the runs listed since shortly before it was sent (the runner's
// clock and the service's may disagree by minutes), a page of the list at a time.
const CLOCK_MARGIN_MS = 10 * 60_000;
const LIST_PAGE = 20;
const LIST_PAGES = 5;
// ListPipelines documents no largest page; a modest one keeps each answer small.
const NAME_PAGE = 50;
// Pipeline IDs are 32 letters and digits (docs/codearts.md, "Hosts and IDs").
const PIPELINE_ID = /^[0-9A-Za-z]{32}$/;
// The CodeArts console: devcloud.{region}.huaweicloud.com (and console.huaweicloud.com, console-intl.…).
const CONSOLE_HOSTS = [/^devcloud\.[a-z0-9-]+\.huaweicloud\.com$/, /^console(-intl)?\.huaweicloud\.com$/];
class CodeArtsProvider {
    /** One batch status request reads this many pipelines. */
    statusBatch = STATUS_BATCH;
    api;
    conn;
    /** Run and stage statuses from each run's last batch read: a change is what makes a detail worth reading. */
    seen = new Map();
    /** Details of runs that have ended: they no longer change. */
    ended = new Map();
    /** Descriptions of runs read while searching for a start's marker: they never change. */
    descriptions = new Map();
    own;
    constructor(api, conn) {
        this.api = api;
        this.conn = conn;
        this.own = { endpoint: conn.endpoint, hosts: CONSOLE_HOSTS };
    }
    /** The run's link as the service gives it, when it points at the service itself (links.ts). */
    link(snapshot) {
        if (snapshot.url === undefined)
            return snapshot;
        const url = ownLink(snapshot.url, this.own);
        const { url: _untrusted, ...rest } = snapshot;
        return (url !== undefined ? { ...rest, url } : rest);
    }
    async pipelineIdsOf(names) {
        return resolveNames(names, (name, cursor) => this.api.listPipelines(name, Number(cursor ?? 0), NAME_PAGE), `CodeArts project ${this.conn.projectId}`, (id) => PIPELINE_ID.test(id));
    }
    /** CodeArts keeps a run's description, so every run listed says for itself whether it is ours: no `before`. */
    async prepareStart(pipelineId, request) {
        const body = { description: request.description };
        if (request.variables.length > 0)
            body.variables = request.variables;
        if (request.stages.length > 0)
            body.choose_stages = request.stages;
        if (request.jobs.length > 0)
            body.choose_jobs = request.jobs;
        if (request.ref)
            body.sources = await this.sourcesAt(pipelineId, request.ref);
        return { pipelineId, body };
    }
    async start(prepared) {
        const { pipelineId } = prepared;
        const { runId, queueId } = await this.api.run(pipelineId, prepared.body);
        return { pipelineId, runId, ...(queueId && { queueId }), url: this.consoleUrl(pipelineId, runId), startedHere: true };
    }
    async find(pipelineId, start) {
        const found = [];
        for (const runId of await this.runsSince(pipelineId, start.sentAt - CLOCK_MARGIN_MS)) {
            // The list has no descriptions, so each run's detail is read (once: descriptions never change).
            let description = this.descriptions.get(runId);
            if (description === undefined) {
                const detail = await this.api.runDetail(pipelineId, runId);
                checkIdentity(`reading run ${runId} of pipeline ${pipelineId}`, { pipelineId, runId }, detail['id'], detail['pipeline_id']);
                description = (0,json/* str */.gx)(detail['description']);
                this.descriptions.set(runId, description);
            }
            if (description.includes(start.marker))
                found.push({ pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true });
        }
        return { found, candidates: [] };
    }
    /**
     * The runs that started since `since` (pages of the list by start time, newest first, until one
     * started earlier), and every run waiting in the queue, which has not started at all.
     */
    async runsSince(pipelineId, since) {
        const ids = new Set();
        for (let page = 0; page < LIST_PAGES; page++) {
            const items = await this.api.recentRuns(pipelineId, page * LIST_PAGE, LIST_PAGE);
            for (const item of items)
                ids.add((0,json/* str */.gx)(item['pipeline_run_id']));
            const oldest = (0,json/* remoteTime */.Gf)(items.at(-1)?.['start_time']);
            if (items.length < LIST_PAGE || (oldest !== undefined && oldest.getTime() < since))
                break;
        }
        for (const id of await this.api.queuedRunIds(pipelineId))
            ids.add(id);
        return [...ids].filter(isPlainId);
    }
    async latest(pipelineId) {
        const item = (await this.api.latestRuns([pipelineId])).find((i) => (0,json/* str */.gx)(i['pipeline_id']) === pipelineId);
        const runId = (0,json/* str */.gx)(item?.['pipeline_run_id']);
        if (item === undefined || !isPlainId(runId)) {
            throw new errors/* PreconditionError */.Rb(`finding the latest run of pipeline ${pipelineId}`, 'the pipeline has never run; there is nothing to wait for');
        }
        return { pipelineId, runId, url: ownLink((0,json/* str */.gx)(item['detail_url']), this.own) ?? this.consoleUrl(pipelineId, runId), startedHere: false };
    }
    adopt(pipelineId, runId) {
        return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: false };
    }
    /** One page of ListPipelineRuns, newest first, with each run's `status`, `start_time` and `end_time`. */
    async history(pipelineId) {
        const statuses = codeartsStatuses.reader();
        const items = await this.api.recentRuns(pipelineId, 0, HISTORY_RUNS);
        return successDurations(items
            .slice(0, HISTORY_RUNS)
            .map((item) => ({ state: statuses.run((0,json/* str */.gx)(item['status'])), start: item['start_time'], end: item['end_time'] })));
    }
    /**
     * One batch request gives the latest run of every pipeline asked about, and its stages. A run's
     * detail (its jobs and steps) is read here only where the batch cannot tell or the report needs
     * it: the latest run is not ours (someone started a newer one, or ours is queued), or the batch
     * shows a change that ends, fails or pauses something (so the job behind it is named at once, and
     * an ended run is read once). A stage that merely started or passed needs no detail. Jobs that run
     * side by side are read by the wait loop at its own slower cadence (wait/plan.ts, DetailWatch).
     * Another run's status is never taken for ours.
     */
    async poll(runs) {
        const pipelineIds = [...new Set(runs.map((r) => r.pipelineId))];
        const latest = new Map();
        for (let i = 0; i < pipelineIds.length; i += STATUS_BATCH) {
            const asked = pipelineIds.slice(i, i + STATUS_BATCH);
            for (const item of await this.api.latestRuns(asked)) {
                // An item for a pipeline not asked about, or a second item for one, is not trusted as ours.
                const id = (0,json/* str */.gx)(item['pipeline_id']);
                if (!asked.includes(id))
                    continue;
                if (latest.has(id))
                    latest.set(id, {});
                else
                    latest.set(id, item);
            }
        }
        const snapshots = new Map();
        const needDetail = [];
        const changed = [];
        for (const run of runs) {
            const item = latest.get(run.pipelineId);
            if (item === undefined || (0,json/* str */.gx)(item['pipeline_run_id']) !== run.runId) {
                needDetail.push(run);
                continue;
            }
            const snapshot = this.link(snapshotFromLatest(item));
            const fingerprint = [snapshot.status, ...snapshot.stages.map((s) => `${s.name}=${s.status}`)].join('|');
            if (this.seen.get((0,model/* runKey */.r7)(run)) !== fingerprint && tellsOfAnEnd(snapshot)) {
                needDetail.push(run);
                changed.push([(0,model/* runKey */.r7)(run), fingerprint]);
            }
            else {
                this.seen.set((0,model/* runKey */.r7)(run), fingerprint);
                snapshots.set((0,model/* runKey */.r7)(run), snapshot);
            }
        }
        const details = await Promise.all(needDetail.map((run) => this.detail(run)));
        for (const [i, run] of needDetail.entries())
            snapshots.set((0,model/* runKey */.r7)(run), details[i]);
        // Only once the detail is in: a detail that failed is read again at the next poll.
        for (const [key, fingerprint] of changed)
            this.seen.set(key, fingerprint);
        return snapshots;
    }
    async detail(run, fresh = false) {
        const cached = this.ended.get((0,model/* runKey */.r7)(run));
        if (cached && !fresh)
            return cached;
        const detail = this.link(detailFromRun(await this.api.runDetail(run.pipelineId, run.runId), run));
        if ((0,model/* hasEnded */.hY)(detail.state))
            this.ended.set((0,model/* runKey */.r7)(run), detail);
        return detail;
    }
    stepLog(run, logKey) {
        return stepLogLines(this.api, run, logKey);
    }
    async subRuns(run, stepIds) {
        const asked = stepIds.filter(isPlainId);
        const runs = new Map();
        if (asked.length === 0)
            return runs;
        const found = subRunsFromOutputs(await this.api.stepOutputs(run.pipelineId, run.runId, asked), asked);
        for (const [stepId, sub] of found) {
            runs.set(stepId, { ...sub, url: this.consoleUrl(sub.pipelineId, sub.runId), startedHere: false });
        }
        return runs;
    }
    async stop(run) {
        if (run.queueId !== undefined) {
            try {
                if (await this.api.cancelQueuing(run.pipelineId, run.runId, run.queueId))
                    return true;
            }
            catch (error) {
                // It may have left the queue since it was started; then it is a running run to stop.
                if (!(error instanceof errors/* RemoteError */.Hi))
                    throw error;
            }
        }
        return this.api.stop(run.pipelineId, run.runId);
    }
    /**
     * The pipeline's code sources, pointed at `ref`. A start that names a branch must repeat each
     * source's repository (git_type, git_url, …), which the API gives only in a run's detail, so the
     * latest run's sources are reused. Every code source gets the ref: a pipeline that builds several
     * repositories needs the branch or tag to exist in each.
     */
    async sourcesAt(pipelineId, ref) {
        const action = `finding the repositories of pipeline ${pipelineId} to run ${ref.kind} ${ref.name}`;
        const latest = (await this.api.latestRuns([pipelineId])).find((i) => (0,json/* str */.gx)(i['pipeline_id']) === pipelineId);
        const runId = (0,json/* str */.gx)(latest?.['pipeline_run_id']);
        if (!isPlainId(runId)) {
            throw new errors/* PreconditionError */.Rb(action, 'the pipeline has never run, so its repositories are unknown; run it once in the console, or leave ref empty');
        }
        const detail = await this.api.runDetail(pipelineId, runId);
        checkIdentity(action, { pipelineId, runId }, detail['id'], detail['pipeline_id']);
        const sources = (0,json/* arr */.QL)(detail['sources']).map(json/* obj */.WL);
        const code = sources.filter((s) => (0,json/* str */.gx)(s['type']) === 'code');
        if (code.length === 0)
            throw new errors/* PreconditionError */.Rb(action, 'the pipeline has no code repository to run a branch or tag of; leave ref empty');
        return sources.map((source) => {
            if ((0,json/* str */.gx)(source['type']) !== 'code')
                return source;
            const params = (0,json/* obj */.WL)(source['params']);
            const keep = ['git_type', 'git_url', 'codehub_id', 'default_branch', 'endpoint_id', 'alias'].filter((k) => (0,json/* str */.gx)(params[k]) !== '');
            return {
                type: 'code',
                params: {
                    ...Object.fromEntries(keep.map((k) => [k, params[k]])),
                    build_params: ref.kind === 'branch'
                        ? { build_type: 'branch', target_branch: ref.name, event_type: 'Manual' }
                        : { build_type: 'tag', tag: ref.name, event_type: 'Manual' }
                }
            };
        });
    }
    /**
     * The console page of a run, for links printed before the service has told us its own
     * `detail_url`. Form from the CodeArts console (docs/codearts.md, "Not verified against the live service").
     */
    consoleUrl(pipelineId, runId) {
        const console = `https://devcloud.${this.conn.region}.huaweicloud.com/cicd/project/${this.conn.projectId}`;
        return `${console}/pipeline/detail/${pipelineId}/${runId}?v=1`;
    }
}
/** Whether the run, or one of its stages, has ended other than by passing, or waits for a person; or the run has ended. */
function tellsOfAnEnd(snapshot) {
    if (snapshot.state !== 'running')
        return true;
    return snapshot.stages.some((s) => s.state === 'failure' || s.state === 'cancelled' || s.state === 'manual');
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/call.js
// How Yunxiao (and Alibaba Cloud's gateway) says it refuses the credentials, and what to check then.
// Requests go through the shared channel (net/channel.ts); this is what is particular to Alibaba.

// Alibaba Cloud's gateway codes for a signature or key it does not accept.
const REFUSED_CODES = /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|SignatureNonceUsed|InvalidTimeStamp|Unauthorized)/;
function call_refusesCredentials(status, error) {
    return status === 401 || REFUSED_CODES.test(error?.code ?? '');
}
const REFUSAL_HINTS = {
    token: "Check 'token': a personal access token expires, is shown only once when created, and needs the Flow permissions (pipelines and " +
        'pipeline runs, read and run) ' +
        "in the organization of 'organization-id'",
    aksk: "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret, a key of another account, a disabled key, " +
        "a temporary key without its 'security-token' or past its expiry, or a runner clock more than 15 minutes off. Nothing more was sent " +
        'with this key'
};
/** What to do about the service's own errors that mean an input points at the wrong thing (docs/yunxiao.md, "Errors"). */
function call_errorHint(conn) {
    const org = conn.organizationId !== undefined ? ` (${conn.organizationId})` : '';
    return (error) => {
        if (/^InvalidOrganization\.NotFound$/.test(error.code)) {
            return (`Check 'organization-id'${org}: it is the ID in the address of the organization's pages, ` +
                'devops.aliyun.com/organization/<ID>, and the token or key must belong to a member of it');
        }
        if (/^InvalidPipeline\.NotFound$/.test(error.code)) {
            return ("Check 'pipeline-ids': the pipeline must be in the organization of 'organization-id' (its ID is in " +
                'flow.aliyun.com/pipelines/<ID>)');
        }
        if (/^Forbidden\.UserNotInCurrentOrganization$/.test(error.code)) {
            return ("The user of the credentials is not a member of the organization of 'organization-id'; add the user, or use the ID of " +
                'its own organization');
        }
        return undefined;
    };
}
/** The channel for one way of signing in to Yunxiao: an access key two requests at a time; a token is never renewed. */
function alibabaChannel(http, conn) {
    const rules = { refusesCredentials: call_refusesCredentials, refusalHint: REFUSAL_HINTS[conn.auth.kind], hint: call_errorHint(conn) };
    return conn.auth.kind === 'aksk' ? openSigningChannel(http, rules) : openChannel(http, rules, 8, true);
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/api.js
// The Yunxiao operations the action needs. Two APIs provide them: the current OpenAPI (token) and
// the 2021 `devops` API (AK/SK); the provider sees only this interface.


/**
 * A GetPipelineJobSteps answer: documented as one object, parsed by Alibaba's own MCP server as an
 * array of them. Each lists its steps as `buildProcessNodes` (the current field) or `steps` (the
 * legacy one); a step is named by `stepName` (`nodeName` is deprecated) and addressed by
 * `stepIndex` (`nodeIndex` is deprecated). Every form is read, the current one first.
 */
function readJobSteps(body) {
    const groups = (Array.isArray(body) ? body : [body]).filter(json/* isObject */.Gv);
    const listOf = (group) => {
        const current = group['buildProcessNodes'];
        if (Array.isArray(current) && current.length > 0)
            return current;
        if ((0,json/* isObject */.Gv)(current))
            return [current];
        const legacy = group['steps'];
        return Array.isArray(legacy) ? legacy : (0,json/* isObject */.Gv)(legacy) ? [legacy] : [];
    };
    const group = groups.find((g) => listOf(g).length > 0) ?? groups[0] ?? {};
    return {
        buildId: (0,json/* str */.gx)(group['buildId']),
        steps: listOf(group)
            .map(json/* obj */.WL)
            .map((s) => ({
            index: (0,json/* str */.gx)(s['stepIndex']) || (0,json/* str */.gx)(s['nodeIndex']),
            name: (0,json/* str */.gx)(s['stepName']) || (0,json/* str */.gx)(s['nodeName']),
            status: (0,json/* str */.gx)(s['status'])
        }))
            .filter((s) => s.index !== '')
    };
}
/** The items of a run list, wherever the answer keeps them. */
function listItems(body, field) {
    return (0,json/* arr */.QL)(field === undefined ? body : (0,json/* obj */.WL)(body)[field]).map(json/* obj */.WL);
}
/** A run read, with "no such run" (HTTP 404, InvalidPipelineRun.NotFound) told apart from other errors. */
async function runRead(read) {
    try {
        return await read;
    }
    catch (error) {
        const notFound = error instanceof errors/* RemoteError */.Hi && (error.httpStatus === 404 || /^InvalidPipelineRun\.NotFound$/.test(error.code));
        throw notFound ? new errors/* RunNotFoundError */.lQ(error) : error;
    }
}
/** A pipeline list's items (`pipelineId`, `pipelineName` in both APIs), wherever the answer keeps them. */
function namedPipelines(items) {
    return items.map((p) => ({ id: (0,json/* str */.gx)(p['pipelineId']), name: (0,json/* str */.gx)(p['pipelineName']) }));
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/signer.js
// Alibaba Cloud ACS3-HMAC-SHA256 request signing (the "V3" signature), the default of the official SDK
// for the `devops` 2021-06-25 ROA API, written from the published algorithm (docs/yunxiao.md, "Signing").
// The gateway rebuilds the canonical request from what arrives, so every choice below is about
// producing the bytes it will produce; where the SDK has a quirk, we follow the SDK (openapi-core),
// because what it sends is what the gateway is known to accept.

const signer_ALGORITHM = 'ACS3-HMAC-SHA256';
const SIGNED_PREFIX = 'x-acs-';
// Headers this module sets. A caller's copy would either be signed with a value other than the
// one sent or be sent twice.
const OWN_HEADERS = new Set([
    'host',
    'authorization',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-content-sha256',
    'x-acs-version',
    'x-acs-action',
    'x-acs-accesskey-id',
    'x-acs-security-token'
]);
/**
 * Signs a request to an Alibaba Cloud ROA API. Returns every header to send: the given ones plus
 * x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, x-acs-version, x-acs-action, with a
 * security token also x-acs-accesskey-id and x-acs-security-token (as the SDK sends them), and
 * Authorization. `host` is signed (url.host) but not returned: the HTTP client sets it from the URL.
 * `headers` are sent as given and, when named x-acs-* or content-type, signed.
 * The nonce must differ for every request, retries included: the gateway refuses one it has seen.
 */
function signAcs3(request, keys, now, nonce) {
    for (const name of Object.keys(request.headers)) {
        if (OWN_HEADERS.has(name.toLowerCase()))
            throw new Error(`signAcs3 sets the ${name} header itself; do not pass it.`);
    }
    const payloadHash = sha256Hex(request.body);
    const sent = {
        ...request.headers,
        'x-acs-action': request.action,
        'x-acs-version': request.version,
        'x-acs-date': acsDate(now),
        'x-acs-signature-nonce': nonce,
        'x-acs-content-sha256': payloadHash
    };
    // The SDK sends the key id alongside a temporary token, so we do too; it takes "" as no token.
    if (keys.securityToken !== undefined && keys.securityToken !== '') {
        sent['x-acs-accesskey-id'] = keys.accessKeyId;
        sent['x-acs-security-token'] = keys.securityToken;
    }
    const signed = signedHeaders({ ...sent, host: request.url.host });
    const names = [...signed.keys()].sort(byCodeUnits);
    const canonicalRequest = [
        request.method.toUpperCase(),
        signer_canonicalUri(request.url.pathname),
        signer_canonicalQuery(request.url.searchParams),
        names.map((name) => `${name}:${signed.get(name)}\n`).join(''),
        names.join(';'),
        payloadHash
    ].join('\n');
    const signature = hmacSha256Hex(keys.accessKeySecret, `${signer_ALGORITHM}\n${sha256Hex(canonicalRequest)}`);
    return { ...sent, Authorization: `${signer_ALGORITHM} Credential=${keys.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}` };
}
/** x-acs-date: ISO 8601 UTC to the second, e.g. 2026-11-22T12:00:00Z. */
function acsDate(now) {
    return now.toISOString().replace(/\.\d+Z$/, 'Z');
}
/** Lower-case name → trimmed value, for host, content-type and every x-acs-* header. */
function signedHeaders(headers) {
    const signed = new Map();
    for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        if (lower !== 'host' && lower !== 'content-type' && !lower.startsWith(SIGNED_PREFIX))
            continue;
        // The SDK would sign both spellings as "a,b" (values sorted), but an HTTP client merges them
        // into one header in its own order and separator, so the gateway would see another value.
        if (signed.has(lower))
            throw new Error(`Header ${name} is given twice (names are case-insensitive).`);
        // Outside printable ASCII, the SDK's trim, HTTP's whitespace stripping and the gateway's own
        // trim disagree about what the value is, and a line break cannot be sent at all.
        if (!/^[\t\x20-\x7E]*$/.test(value))
            throw new Error(`Header ${name} is signed, so its value must be printable ASCII.`);
        signed.set(lower, value.trim());
    }
    return signed;
}
// The path is signed as sent (already percent-encoded), with the three spellings the SDK
// normalises, every occurrence (openapi-util's older copy replaced only the first).
function signer_canonicalUri(pathname) {
    return pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
}
function signer_canonicalQuery(params) {
    const pairs = [...params];
    const keys = new Set();
    for (const [key] of pairs) {
        // The SDK takes the query as an object, one value per key, and never sends a key twice, so
        // there is no known canonical form to match; signing only the last value would be rejected.
        if (keys.has(key))
            throw new Error(`Query parameter ${key} is given twice; it cannot be signed as the SDK signs.`);
        keys.add(key);
    }
    // Sorted by the decoded key, as the SDK sorts its query object, so the wire encoding cannot change
    // the order. Keys are escaped as the published algorithm says; openapi-core leaves them as they
    // are, which is the same thing for the plain names the API uses. An empty value gives "key=".
    return pairs
        .sort(([a], [b]) => byCodeUnits(a, b))
        .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
        .join('&');
}
// encodeURIComponent leaves !'()* alone; RFC 3986 (and the gateway) escape them.
function rfc3986(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/auth.js
// How each Yunxiao request is authenticated: a personal access token in a header (the current
// API), or an ACS3-HMAC-SHA256 signature (the 2021 API), made afresh for every attempt.


const DEVOPS_VERSION = '2021-06-25';
function tokenAuth(token) {
    return () => ({ 'x-yunxiao-token': token });
}
/** Signs one operation of the 2021 API. Each attempt gets a fresh date and nonce: the gateway refuses a nonce it has seen. */
function signedAuth(keys, operation) {
    return (req) => signAcs3({ method: req.method, url: req.url, headers: req.headers, body: req.body ?? '', action: operation, version: DEVOPS_VERSION }, keys, new Date(), (0,external_node_crypto_.randomUUID)());
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/devops.js
// The older Yunxiao API, `devops` 2021-06-25 (ROA, AK/SK signed with ACS3-HMAC-SHA256), for
// organizations still on it (docs/yunxiao.md). It has no step-level operations: logs are whole
// job logs. Its paths mix `organization`/`organizations` and `pipeline`/`pipelines` as documented.






const PAGE_SIZE = 50;
const devops_MAX_PAGES = 20;
// No document promises an order for ListPipelineRuns, so "the newest run" is the largest run number
// among all runs of a recent window, widened until one has any.
const LATEST_WINDOWS_MS = [24 * 3_600_000, 31 * 24 * 3_600_000, Number.POSITIVE_INFINITY];
class YunxiaoDevopsApi {
    // The SDK's PipelineRun model has no variables and no comment (docs/yunxiao.md).
    listsVariables = false;
    channel;
    conn;
    keys;
    constructor(channel, conn, keys) {
        this.channel = channel;
        this.conn = conn;
        this.keys = keys;
    }
    /** ListPipelines (`GET /organization/{org}/pipelines`): `{pipelines, nextToken}`, paged by the token. */
    async listPipelines(name, cursor) {
        const query = {
            ...(name !== undefined && { pipelineName: name }),
            maxResults: String(PAGE_SIZE),
            ...(cursor !== undefined && { nextToken: cursor })
        };
        const action = name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the organization';
        const body = await this.send('GET', `/organization/${this.org}/pipelines`, 'ListPipelines', action, { query });
        const next = (0,json/* str */.gx)((0,json/* obj */.WL)(body)['nextToken']);
        return { items: namedPipelines(listItems(body, 'pipelines')), ...(next !== '' && next !== cursor && { next }) };
    }
    async pipelineName() {
        return undefined;
    }
    async startRun(pipelineId, params) {
        const action = `starting pipeline ${pipelineId}`;
        // StartPipelineRun takes a form body: params=<the JSON, URL-encoded>.
        const body = (0,json/* obj */.WL)(await this.send('POST', `/organizations/${this.org}/pipelines/${pipelineId}/run`, 'StartPipelineRun', action, {
            form: `params=${encodeURIComponent(JSON.stringify(params))}`,
            idempotent: false
        }));
        const runId = (0,json/* str */.gx)(body['pipelineRunId']);
        if (!/^[1-9]\d*$/.test(runId))
            throw new errors/* MalformedResponseError */.f7(action, 'no pipelineRunId in the answer');
        return runId;
    }
    async getRun(pipelineId, runId) {
        const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}`;
        return (0,json/* obj */.WL)((0,json/* obj */.WL)(await runRead(this.send('GET', path, 'GetPipelineRun', `reading run ${runId} of pipeline ${pipelineId}`)))['pipelineRun']);
    }
    async latestRunId(pipelineId) {
        for (const window of LATEST_WINDOWS_MS) {
            const runs = await this.runsSince(pipelineId, Number.isFinite(window) ? Date.now() - window : 0);
            const ids = runs.map((r) => (0,json/* str */.gx)(r['pipelineRunId'])).filter((id) => /^[1-9]\d*$/.test(id));
            if (ids.length > 0)
                return ids.reduce((a, b) => (BigInt(a) >= BigInt(b) ? a : b));
        }
        return undefined;
    }
    async runsSince(pipelineId, since, pages = devops_MAX_PAGES) {
        const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns`;
        const runs = [];
        let nextToken = '';
        for (let page = 0; page < pages; page++) {
            const query = {
                maxResults: String(PAGE_SIZE),
                ...(since > 0 && { startTime: String(Math.floor(since)) }),
                ...(nextToken && { nextToken })
            };
            const body = await this.send('GET', path, 'ListPipelineRuns', `listing the recent runs of pipeline ${pipelineId}`, { query });
            const items = listItems(body, 'pipelineRuns');
            runs.push(...items);
            nextToken = (0,json/* str */.gx)((0,json/* obj */.WL)(body)['nextToken']);
            if (nextToken === '' || items.length === 0)
                break;
        }
        return runs;
    }
    /** StopPipelineRun answers the usual envelope; `success: true` is the confirmation. */
    async stopRun(pipelineId, runId) {
        const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}/stop`;
        return (0,json/* obj */.WL)(await this.send('PUT', path, 'StopPipelineRun', `stopping run ${runId} of pipeline ${pipelineId}`))['success'] === true;
    }
    async jobSteps() {
        return undefined;
    }
    stepLogPage() {
        return Promise.reject(new Error('the devops 2021-06-25 API has no step logs'));
    }
    async jobLog(pipelineId, runId, jobId) {
        const path = `/organization/${this.org}/pipeline/${pipelineId}/pipelineRun/${runId}/job/${jobId}/logs`;
        return (0,json/* str */.gx)((0,json/* obj */.WL)((0,json/* obj */.WL)(await this.send('GET', path, 'LogPipelineJobRun', `reading the log of job ${jobId} of run ${runId}`))['log'])['content']);
    }
    get org() {
        return this.conn.organizationId;
    }
    async send(method, path, operation, action, options = {}) {
        const url = new URL(`${this.conn.endpoint}${path}`);
        for (const [k, v] of Object.entries(options.query ?? {}))
            url.searchParams.set(k, v);
        const headers = { accept: 'application/json' };
        if (options.form !== undefined)
            headers['content-type'] = 'application/x-www-form-urlencoded';
        return (await call(this.channel, { method, url, headers, ...(options.form !== undefined && { body: options.form }), idempotent: options.idempotent ?? true, action }, signedAuth(this.keys, operation))).body;
    }
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/openapi.js
// The current Yunxiao API, /oapi/v1, with a personal access token (docs/yunxiao.md). The central
// edition names the organization in the path; a region edition has its own domain and does not.






// ListPipelineRuns serves at most 30 a page; a bounded number of pages keeps a search cheap.
const PER_PAGE = 30;
const openapi_MAX_PAGES = 20;
class YunxiaoOpenApi {
    listsVariables = true;
    channel;
    conn;
    token;
    constructor(channel, conn, token) {
        this.channel = channel;
        this.conn = conn;
        this.token = token;
    }
    /**
     * ListPipelines (`GET …/pipelines?pipelineName=&page=&perPage=`): a bare array, paged by number;
     * the `x-total-pages` (or `x-next-page`) header says whether more follow, else a full page does.
     */
    async listPipelines(name, cursor) {
        const page = Number(cursor ?? 1);
        const query = { ...(name !== undefined && { pipelineName: name }), page: String(page), perPage: String(PER_PAGE) };
        const action = name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the organization';
        const result = await this.request('GET', '', '', action, { query });
        const items = namedPipelines(listItems(result.body));
        const pages = (0,json/* count */.U9)(result.headers['x-total-pages']);
        const next = result.headers['x-next-page'];
        const more = pages !== undefined ? page < pages : next !== undefined ? /^[1-9]\d*$/.test(next.trim()) : items.length >= PER_PAGE;
        return { items, ...(more && items.length > 0 && { next: String(page + 1) }) };
    }
    async pipelineName(pipelineId) {
        return (0,json/* str */.gx)((0,json/* obj */.WL)(await this.send('GET', pipelineId, '', `reading pipeline ${pipelineId}`))['name']) || undefined;
    }
    async startRun(pipelineId, params) {
        const action = `starting pipeline ${pipelineId}`;
        // `params` is a JSON string inside the JSON body; the answer is the bare run ID.
        const body = await this.send('POST', pipelineId, '/runs', action, { body: { params: JSON.stringify(params) }, idempotent: false });
        const runId = (0,json/* str */.gx)((0,json/* isObject */.Gv)(body) ? body['pipelineRunId'] : body);
        if (!/^[1-9]\d*$/.test(runId))
            throw new errors/* MalformedResponseError */.f7(action, 'no run ID in the answer');
        return runId;
    }
    async getRun(pipelineId, runId) {
        return (0,json/* obj */.WL)(await runRead(this.send('GET', pipelineId, `/runs/${runId}`, `reading run ${runId} of pipeline ${pipelineId}`)));
    }
    /**
     * GetLatestPipelineRun: the service's own answer to "which run is the newest". A pipeline that
     * never ran has none: an empty answer or a 404 (a missing pipeline shows up at the next request).
     */
    async latestRunId(pipelineId) {
        const action = `finding the latest run of pipeline ${pipelineId}`;
        try {
            const id = (0,json/* str */.gx)((0,json/* obj */.WL)(await this.send('GET', pipelineId, '/runs/latestPipelineRun', action))['pipelineRunId']);
            return /^[1-9]\d*$/.test(id) ? id : undefined;
        }
        catch (error) {
            if (error instanceof errors/* RemoteError */.Hi && error.httpStatus === 404)
                return undefined;
            throw error;
        }
    }
    async runsSince(pipelineId, since, pages = openapi_MAX_PAGES) {
        const runs = [];
        for (let page = 1; page <= pages; page++) {
            const query = { page: String(page), perPage: String(PER_PAGE), startTime: String(Math.max(0, Math.floor(since))) };
            const items = listItems(await this.send('GET', pipelineId, '/runs', `listing the recent runs of pipeline ${pipelineId}`, { query }));
            runs.push(...items);
            if (items.length < PER_PAGE)
                break;
        }
        return runs;
    }
    /** UpdatePipelineRun answers `true` when it stopped the run. */
    async stopRun(pipelineId, runId) {
        return (await this.send('PUT', pipelineId, `/runs/${runId}`, `stopping run ${runId} of pipeline ${pipelineId}`)) === true;
    }
    async jobSteps(pipelineId, runId, jobId) {
        return readJobSteps(await this.send('GET', pipelineId, `/pipelineRuns/${runId}/jobs/${jobId}/steps`, `reading the steps of job ${jobId} of run ${runId}`));
    }
    async stepLogPage(pipelineId, runId, jobId, buildId, stepIndex, offset, limit) {
        const body = (0,json/* obj */.WL)(await this.send('GET', pipelineId, `/pipelineRuns/${runId}/jobs/${jobId}/step/log`, `reading the log of step ${stepIndex} of job ${jobId}`, {
            query: { stepIndex, offset: String(offset), limit: String(limit), buildId }
        }));
        const next = (0,json/* num */.bu)(body['last']);
        return { text: (0,json/* str */.gx)(body['logs']), more: body['more'] === true, ...(next !== undefined && { next }) };
    }
    async jobLog(pipelineId, runId, jobId) {
        // Note the singular `job` in this path (docs/yunxiao.md).
        return (0,json/* str */.gx)((0,json/* obj */.WL)(await this.send('GET', pipelineId, `/runs/${runId}/job/${jobId}/log`, `reading the log of job ${jobId} of run ${runId}`))['content']);
    }
    async send(method, pipelineId, path, action, options = {}) {
        return (await this.request(method, pipelineId, path, action, options)).body;
    }
    /** A request about one pipeline, or (`pipelineId` empty) about the pipelines as a whole. */
    async request(method, pipelineId, path, action, options = {}) {
        const org = this.conn.organizationId !== undefined ? `/organizations/${this.conn.organizationId}` : '';
        const url = new URL(`${this.conn.endpoint}/oapi/v1/flow${org}/pipelines${pipelineId !== '' ? `/${pipelineId}` : ''}${path}`);
        for (const [k, v] of Object.entries(options.query ?? {}))
            url.searchParams.set(k, v);
        return call(this.channel, {
            method,
            url,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
            idempotent: options.idempotent ?? true,
            action
        }, tokenAuth(this.token));
    }
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/logs.js
// A Yunxiao step's log, line by line, read page by page as it is consumed; or a job's whole log,
// where the API has no step-level logs (the 2021 API).

/**
 * `logKey` is `step:<job>:<build>:<step index>` (offset paging, passing back where the service says
 * the next page starts: `last`, docs/yunxiao.md) or `job:<job>` (the job's whole log, in one piece).
 */
async function* logs_stepLogLines(api, run, logKey) {
    const [kind, jobId = '', buildId = '', stepIndex = ''] = logKey.split(':');
    if (kind === 'job') {
        yield* splitLines(await api.jobLog(run.pipelineId, run.runId, jobId));
        return;
    }
    yield* pagedLines((offset, lines) => api.stepLogPage(run.pipelineId, run.runId, jobId, buildId, stepIndex, offset, lines));
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/status.js

// The SDK documents SUCCESS, FAIL and RUNNING for runs; the list filter adds CANCELED and WAITING
// (docs/statuses.md). The other words are ones the service is reported to use: a run that ran out
// of time (TIMEOUT) failed, one that was terminated was cancelled. Step statuses come in lower case.
const ENDED = {
    SUCCESS: 'success',
    FAIL: 'failure',
    FAILED: 'failure',
    TIMEOUT: 'failure',
    CANCELED: 'cancelled',
    CANCELLED: 'cancelled',
    TERMINATED: 'cancelled',
    WAITING: 'manual',
    RUNNING: 'running',
    INIT: 'running',
    READY: 'running',
    QUEUED: 'running',
    QUEUING: 'running',
    PENDING: 'running'
};
const yunxiaoStatuses = statusClasses(ENDED, { ...ENDED, SKIPPED: 'skipped' });

;// CONCATENATED MODULE: ./lib/providers/yunxiao/translate.js
// A Yunxiao PipelineRun (docs/yunxiao.md) → the action's model. A run lists stages and jobs;
// steps come from another call, so they are passed in.





/**
 * Whether a PipelineRun is the record of the run asked for: its `pipelineRunId` must be that run
 * (a record that does not say is not taken), and its `pipelineId`, when given, that pipeline.
 */
function translate_checkIdentity(run, body) {
    const action = `reading run ${run.runId} of pipeline ${run.pipelineId}`;
    const id = (0,json/* str */.gx)(body['pipelineRunId']);
    if (id !== run.runId)
        throw new errors/* MalformedResponseError */.f7(action, id === '' ? 'the record does not say which run it is' : `it is the record of run ${id}, not of run ${run.runId}`);
    const pipeline = (0,json/* str */.gx)(body['pipelineId']);
    if (pipeline !== '' && pipeline !== run.pipelineId)
        throw new errors/* MalformedResponseError */.f7(action, `it is the record of a run of pipeline ${pipeline}, not of ${run.pipelineId}`);
}
function translate_detailFromRun(run, stepsOf) {
    const statuses = yunxiaoStatuses.reader();
    const status = (0,json/* str */.gx)(run['status']);
    const state = statuses.run(status);
    const runNumber = (0,json/* count */.U9)(run['pipelineRunId']);
    const startedAt = (0,json/* remoteTime */.Gf)(run['createTime']);
    const stages = (0,json/* arr */.QL)(run['stages'])
        .map(json/* obj */.WL)
        .map((stage, i) => {
        const info = (0,json/* obj */.WL)(stage['stageInfo']);
        const stageStatus = (0,json/* str */.gx)(info['status']);
        const jobs = (0,json/* arr */.QL)(info['jobs'])
            .map(json/* obj */.WL)
            .map((j) => {
            const jobStatus = (0,json/* str */.gx)(j['status']);
            // A job's ID goes into the paths of its steps and logs: only a plain one is kept.
            const id = (0,json/* str */.gx)(j['id']);
            const job = {
                id: isPlainId(id) ? id : '',
                name: (0,json/* str */.gx)(j['name']) || (0,json/* str */.gx)(j['jobSign']),
                status: jobStatus,
                state: statuses.node(jobStatus),
                ...translate_times(j),
                steps: []
            };
            job.steps = stepsOf(job).map((s) => ({ ...s, state: statuses.node(s.status) }));
            return job;
        });
        return {
            id: (0,json/* str */.gx)(info['id']) || (0,json/* str */.gx)(stage['index']) || String(i),
            name: (0,json/* str */.gx)(stage['name']) || (0,json/* str */.gx)(info['name']),
            status: stageStatus,
            state: statuses.node(stageStatus),
            ...translate_times(info),
            pre: [],
            post: [],
            jobs
        };
    });
    // A run has no end time of its own; its last stage's end, or its last update, stands for it.
    const ends = stages.map((s) => s.finishedAt?.getTime() ?? 0);
    const finishedAt = !(0,model/* hasEnded */.hY)(state) ? undefined : ((0,json/* remoteTime */.Gf)(Math.max(...ends, 0)) ?? (0,json/* remoteTime */.Gf)(run['updateTime']));
    return {
        status,
        state,
        ...(runNumber !== undefined && runNumber > 0 && { runNumber }),
        ...(startedAt && { startedAt }),
        ...(finishedAt && { finishedAt }),
        stages,
        ...(statuses.unknown.length > 0 && { unknown: statuses.unknown })
    };
}
function translate_times(item) {
    const startedAt = (0,json/* remoteTime */.Gf)(item['startTime']);
    const finishedAt = (0,json/* remoteTime */.Gf)(item['endTime']);
    return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) };
}

;// CONCATENATED MODULE: ./lib/providers/yunxiao/provider.js









// Pipeline IDs are whole numbers (docs/yunxiao.md).
const provider_PIPELINE_ID = /^[1-9]\d{0,18}$/;
// Yunxiao has no batch status read: each run is one request. A cycle reads at most this many runs,
// the first asked (the wait loop asks the most overdue first, and the rest again a second later),
// so that many pipelines cannot turn one cycle into a burst.
const READS_PER_CYCLE = 8;
const PARALLEL_READS = 4;
// Runs listed since this long before a start was sent are searched for it: the runner's clock and
// the service's may disagree by a few minutes.
const provider_CLOCK_MARGIN_MS = 10 * 60_000;
// The run list's order is documented nowhere, so history is one page of the runs started in the
// last week, sorted here by start time.
const HISTORY_WINDOW_MS = 7 * 24 * 3_600_000;
// Trigger modes of runs that no API start makes: scheduled, code commit, another pipeline, webhook.
const AUTOMATIC_TRIGGERS = new Set(['2', '3', '5', '6']);
/**
 * The run variable that carries the start's marker. The run's comment carries it too, but a
 * PipelineRun does not show its comment; it does list its variables (globalParams).
 */
const MARKER_VARIABLE = 'GITHUB_START_MARKER';
class YunxiaoProvider {
    /** Each run is read on its own, jobs included: its status read is its detail. */
    statusHasJobs = true;
    api;
    conn;
    /** Steps of jobs that have ended, by `runId/jobId`: they no longer change. */
    endedSteps = new Map();
    endedRuns = new Map();
    names = new Map();
    constructor(api, conn) {
        this.api = api;
        this.conn = conn;
    }
    async pipelineIdsOf(names) {
        const scope = this.conn.organizationId !== undefined ? `organization ${this.conn.organizationId}` : this.conn.endpoint;
        return resolveNames(names, (name, cursor) => this.api.listPipelines(name, cursor), scope, (id) => provider_PIPELINE_ID.test(id));
    }
    /**
     * The newest run number is read before a start: runs numbered above it appeared after, which is
     * how a start whose answer was lost is looked for where the marker does not show (docs/yunxiao.md).
     */
    async prepareStart(pipelineId, request) {
        const params = {
            envs: { ...Object.fromEntries(request.variables.map((v) => [v.name, v.value])), [MARKER_VARIABLE]: request.marker },
            comment: request.description
        };
        const latest = await this.api.latestRunId(pipelineId);
        if (request.ref)
            Object.assign(params, await this.refParams(pipelineId, request.ref, latest));
        return { pipelineId, before: latest ?? '0', body: params };
    }
    async start(prepared) {
        const { pipelineId } = prepared;
        const runId = await this.api.startRun(pipelineId, prepared.body);
        return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true };
    }
    /**
     * Runs that appeared since the start was sent are examined. Where the service lists a run's
     * variables, each says whether it carries the marker (a record that does not list them is
     * unverifiable); where it never does (the 2021 API), any run that could have come from a start is
     * a candidate: one that no schedule, commit, other pipeline or webhook started, on the branch or
     * tag asked for.
     */
    async find(pipelineId, start) {
        const found = [];
        const candidates = [];
        const unverifiable = [];
        const after = BigInt(start.before ?? '0');
        for (const item of await this.api.runsSince(pipelineId, start.sentAt - provider_CLOCK_MARGIN_MS)) {
            const runId = (0,json/* str */.gx)(item['pipelineRunId']);
            if (!/^[1-9]\d*$/.test(runId) || BigInt(runId) <= after || found.concat(candidates).some((r) => r.runId === runId))
                continue;
            if (AUTOMATIC_TRIGGERS.has((0,json/* str */.gx)(item['triggerMode'])))
                continue;
            const run = await this.api.getRun(pipelineId, runId);
            translate_checkIdentity({ pipelineId, runId }, run);
            const tracked = { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true };
            const variables = run['globalParams'];
            if (Array.isArray(variables)) {
                if (variables.map(json/* obj */.WL).some((p) => (0,json/* str */.gx)(p['key']) === MARKER_VARIABLE && (0,json/* str */.gx)(p['value']) === start.marker))
                    found.push(tracked);
            }
            else if (start.ref !== undefined && !runsRef(run, start.ref)) {
            }
            else if (this.api.listsVariables) {
                // This API lists a run's variables: a record without them cannot say whose run it is.
                unverifiable.push(tracked);
            }
            else {
                candidates.push(tracked);
            }
        }
        return { found, candidates, unverifiable };
    }
    async latest(pipelineId) {
        const runId = await this.api.latestRunId(pipelineId);
        if (runId === undefined) {
            throw new errors/* PreconditionError */.Rb(`finding the latest run of pipeline ${pipelineId}`, 'the pipeline has never run; there is nothing to wait for');
        }
        return this.adopt(pipelineId, runId);
    }
    adopt(pipelineId, runId) {
        return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: false };
    }
    /** One page of ListPipelineRuns (`status`, `startTime`, `endTime` in both APIs), newest first by start time. */
    async history(pipelineId, now) {
        const statuses = yunxiaoStatuses.reader();
        const items = await this.api.runsSince(pipelineId, now - HISTORY_WINDOW_MS, 1);
        const started = (item) => (0,json/* remoteTime */.Gf)(item['startTime'])?.getTime() ?? 0;
        const newest = [...items].sort((a, b) => started(b) - started(a)).slice(0, HISTORY_RUNS);
        return successDurations(newest.map((item) => ({ state: statuses.run((0,json/* str */.gx)(item['status'])), start: item['startTime'], end: item['endTime'] })));
    }
    async poll(runs) {
        const turn = runs.slice(0, READS_PER_CYCLE);
        const snapshots = new Map();
        for (let i = 0; i < turn.length; i += PARALLEL_READS) {
            const batch = turn.slice(i, i + PARALLEL_READS);
            const details = await Promise.all(batch.map((run) => this.detail(run)));
            for (const [j, run] of batch.entries())
                snapshots.set((0,model/* runKey */.r7)(run), details[j]);
        }
        return snapshots;
    }
    async detail(run, fresh = false) {
        const cached = this.endedRuns.get((0,model/* runKey */.r7)(run));
        if (cached && !fresh)
            return { ...cached, url: this.consoleUrl(run.pipelineId, run.runId) };
        const body = await this.api.getRun(run.pipelineId, run.runId);
        translate_checkIdentity(run, body);
        const jobs = new Map();
        // Steps are read once a job has ended: before that they are still changing.
        const probe = translate_detailFromRun(body, () => []);
        for (const job of probe.stages.flatMap((s) => s.jobs)) {
            if (job.id !== '' && ((0,model/* hasEnded */.hY)(job.state) || job.state === 'skipped'))
                jobs.set(job.id, await this.stepsOf(run, job));
        }
        const name = await this.nameOf(run.pipelineId);
        const detail = { ...translate_detailFromRun(body, (job) => jobs.get(job.id) ?? []), ...(name !== undefined && { pipelineName: name }) };
        if ((0,model/* hasEnded */.hY)(detail.state))
            this.endedRuns.set((0,model/* runKey */.r7)(run), detail);
        return { ...detail, url: this.consoleUrl(run.pipelineId, run.runId) };
    }
    /** Read once per pipeline; a failure only costs the name, so it is not an error. */
    nameOf(pipelineId) {
        let name = this.names.get(pipelineId);
        if (name === undefined) {
            name = this.api.pipelineName(pipelineId).catch(() => {
                this.names.delete(pipelineId);
                return undefined;
            });
            this.names.set(pipelineId, name);
        }
        return name;
    }
    async stop(run) {
        return this.api.stopRun(run.pipelineId, run.runId);
    }
    stepLog(run, logKey) {
        return logs_stepLogLines(this.api, run, logKey);
    }
    /**
     * A finished job's steps, each with its own paged log; where the API has no steps, or none of a
     * failed job's steps shows the failure, the job's whole log stands in as one step.
     */
    async stepsOf(run, job) {
        const key = `${(0,model/* runKey */.r7)(run)}/${job.id}`;
        const cached = this.endedSteps.get(key);
        if (cached)
            return cached;
        const jobLog = { id: `${job.id}.log`, name: 'job log', status: job.status, state: job.state, logKey: `job:${job.id}` };
        let found;
        try {
            found = await this.api.jobSteps(run.pipelineId, run.runId, job.id);
        }
        catch (error) {
            // Read again next time; meanwhile the job's log stands in.
            if ((0,errors/* isTransient */.dg)(error))
                return [jobLog];
            found = undefined;
        }
        // States are read where the whole run is read (translate.ts), so that unknown words are noted.
        const steps = (found?.steps ?? []).map((s) => ({
            id: `${job.id}.${s.index}`,
            name: s.name || `step ${s.index}`,
            status: s.status.toUpperCase(),
            state: 'running',
            ...(isPlainId(found.buildId) && isPlainId(s.index) && { logKey: `step:${job.id}:${found.buildId}:${s.index}` })
        }));
        const failedStep = (found?.steps ?? []).some((s) => /^(FAIL|FAILED|TIMEOUT)$/i.test(s.status));
        const shown = job.state === 'failure' && !failedStep ? [...steps, jobLog] : steps.length > 0 ? steps : [jobLog];
        this.endedSteps.set(key, shown);
        return shown;
    }
    /** `runningBranchs`/`runningTags` for every repository of the pipeline, as its latest run lists them. */
    async refParams(pipelineId, ref, latest) {
        const action = `finding the repositories of pipeline ${pipelineId} to run ${ref.kind} ${ref.name}`;
        if (latest === undefined)
            throw new errors/* PreconditionError */.Rb(action, 'the pipeline has never run, so its repositories are unknown; run it once in Yunxiao, or leave ref empty');
        const run = await this.api.getRun(pipelineId, latest);
        translate_checkIdentity({ pipelineId, runId: latest }, run);
        const repos = (0,json/* arr */.QL)(run['sources'])
            .map((s) => (0,json/* str */.gx)((0,json/* obj */.WL)((0,json/* obj */.WL)(s)['data'])['repo']))
            .filter((repo) => repo !== '');
        if (repos.length === 0)
            throw new errors/* PreconditionError */.Rb(action, 'the pipeline has no code repository to run a branch or tag of; leave ref empty');
        const map = Object.fromEntries(repos.map((repo) => [repo, ref.name]));
        return ref.kind === 'branch' ? { runningBranchs: map } : { runningTags: map };
    }
    /** The console page of a run (flow.aliyun.com on the central edition; the region edition's own domain). */
    consoleUrl(pipelineId, runId) {
        const host = this.conn.api === 'openapi' && this.conn.organizationId === undefined ? this.conn.endpoint : 'https://flow.aliyun.com';
        return `${host}/pipelines/${pipelineId}/builds/${runId}`;
    }
}
/** Whether a run's code sources run the branch or tag asked for (an unreadable source cannot rule it out). */
function runsRef(run, ref) {
    const sources = (0,json/* arr */.QL)(run['sources']).map((s) => (0,json/* obj */.WL)((0,json/* obj */.WL)(s)['data']));
    const named = sources.map((data) => (0,json/* str */.gx)(data[ref.kind === 'branch' ? 'branch' : 'tag'])).filter((name) => name !== '');
    return named.length === 0 || named.includes(ref.name);
}

;// CONCATENATED MODULE: ./lib/providers/index.js








/** The provider for a connection, and the guard that all its requests go through. */
function createProvider(connection, http, logger) {
    if (connection.provider === 'codearts') {
        const channel = huaweiChannel(http, connection);
        return {
            provider: new CodeArtsProvider(new CodeArtsApi(channel, connection, createAuthenticator(connection, channel, logger)), connection),
            guard: channel.guard
        };
    }
    const { auth } = connection;
    const channel = alibabaChannel(http, connection);
    const api = auth.kind === 'token'
        ? new YunxiaoOpenApi(channel, connection, auth.token)
        : new YunxiaoDevopsApi(channel, { ...connection, organizationId: connection.organizationId ?? '' }, auth);
    return { provider: new YunxiaoProvider(api, connection), guard: channel.guard };
}
/** The service's name, for the job summary. */
function serviceName(connection) {
    return connection.provider === 'codearts' ? 'CodeArts Pipeline' : 'Yunxiao Flow';
}

;// CONCATENATED MODULE: ./lib/report/labels.js

/** Names runs for people: "shop-build #12" once the service has said so, the pipeline ID until then. */
class RunLabels {
    names = new Map();
    numbers = new Map();
    /** Learns the pipeline's name and the run's number from whatever was read of the run. */
    remember(run, snapshot) {
        if (snapshot.runNumber !== undefined)
            this.numbers.set((0,model/* runKey */.r7)(run), snapshot.runNumber);
        if ((0,model/* isDetail */.mO)(snapshot) && snapshot.pipelineName)
            this.names.set(run.pipelineId, snapshot.pipelineName);
    }
    label(run) {
        const number = this.numbers.get((0,model/* runKey */.r7)(run));
        return `${this.names.get(run.pipelineId) ?? `pipeline ${run.pipelineId}`}${number !== undefined ? ` #${number}` : ''}`;
    }
    /** The pipeline's name when known. */
    name(pipelineId) {
        return this.names.get(pipelineId);
    }
}

;// CONCATENATED MODULE: ./lib/report/outputs.js
/** Every output of action.yml, from the results in `pipeline-ids` order. */
function writeOutputs(setOutput, results, conclusion) {
    setOutput('conclusion', conclusion);
    setOutput('results', JSON.stringify(results));
    setOutput('run-ids', results.map((r) => r.run_id).join(','));
    const first = results[0];
    setOutput('run-id', first?.run_id ?? '');
    setOutput('run-url', first?.url ?? '');
    setOutput('status', first?.status ?? '');
}

;// CONCATENATED MODULE: ./lib/report/printout.js
// What the reports ask to be printed, as data: the reports decide what to say, and the step prints
// it (through its Logger, the one place that decides how text reaches the job log).
/** Resolves once everything is printed: a group of log lines waits for the output to drain (Logger.verbatim). */
async function print(logger, printouts) {
    for (const p of printouts) {
        if ('info' in p)
            logger.info(p.info);
        else if ('warning' in p)
            logger.warning(p.warning);
        else if ('annotation' in p)
            logger.error(p.annotation, { title: p.title });
        else {
            logger.startGroup(p.group);
            await logger.verbatim(p.lines);
            logger.endGroup();
        }
    }
}

;// CONCATENATED MODULE: ./lib/report/progress.js
// Progress lines while waiting: one when a run, a stage or a job changes status, never one per
// poll, so a long wait leaves a short, readable log.

/** The lines that say what changed since the run was last read. Job lines appear when the read included jobs. */
function progressLines(label) {
    const jobsSeen = new Map();
    return (run, previous, current) => {
        const lines = changes(previous, current).map((line) => `${label(run)}: ${line}`);
        if (!(0,model/* isDetail */.mO)(current))
            return lines;
        for (const stage of current.stages) {
            for (const job of stage.jobs) {
                const key = `${(0,model/* runKey */.r7)(run)}/${stage.name}/${job.name}`;
                const before = jobsSeen.get(key);
                jobsSeen.set(key, job.status);
                // A job seen for the first time is worth a line once it has started.
                if (before === job.status || (before === undefined && job.state === 'running' && job.startedAt === undefined))
                    continue;
                lines.push(`${label(run)}:     job ${stage.name} / ${job.name}: ${job.status}`);
            }
        }
        return lines;
    };
}
/** What changed in the run and its stages between two reads, in words. */
function changes(previous, current) {
    const lines = [];
    if (previous?.status !== current.status)
        lines.push(current.status || 'status unknown');
    if (previous === undefined) {
        // The first read shows the plan: every stage on one line.
        if (current.stages.length > 0)
            lines.push(`  stages: ${current.stages.map((s) => `${s.name} ${s.status}`).join(' · ')}`);
        return lines;
    }
    const before = new Map(previous.stages.map((s) => [s.name, s.status]));
    for (const stage of current.stages) {
        if (before.get(stage.name) !== stage.status)
            lines.push(`  stage ${stage.name}: ${stage.status}`);
    }
    return lines;
}

// EXTERNAL MODULE: ./lib/report/reporter.js + 1 modules
var reporter = __nccwpck_require__(3988);
// EXTERNAL MODULE: ./lib/report/failures.js
var report_failures = __nccwpck_require__(2547);
;// CONCATENATED MODULE: ./lib/report/results.js
// The per-run results (the `results` output) and the step's overall conclusion.

function conclusionOf(snapshot, interrupted, onManualGate) {
    switch (snapshot?.state) {
        case 'success':
            return 'success';
        case 'failure':
            return 'failure';
        case 'cancelled':
            return 'cancelled';
    }
    if (snapshot?.state === 'manual' && onManualGate === 'fail')
        return 'failure';
    // Still running (or waiting at a gate) when the wait ended.
    if (interrupted === 'timeout')
        return 'timed_out';
    return 'cancelled'; // the job was cancelled, or fail-fast stopped it
}
function resultOf(run, snapshot, ending, failures) {
    const started = snapshot?.startedAt;
    const finished = snapshot?.finishedAt;
    return {
        pipeline_id: run.pipelineId,
        run_id: run.runId,
        run_number: snapshot?.runNumber ?? null,
        status: snapshot?.status ?? '',
        conclusion: conclusionOf(snapshot, ending.interrupted, ending.onManualGate),
        url: snapshot?.url ?? run.url,
        started_at: started?.toISOString() ?? null,
        finished_at: finished?.toISOString() ?? null,
        duration_s: started && finished ? Math.round((finished.getTime() - started.getTime()) / 1000) : null,
        failures: failures.map((failure) => ({ ...failure, path: (0,report_failures/* failurePath */.YA)(failure) }))
    };
}
/**
 * One word for all runs. A cancelled job says so whatever the runs did; otherwise a failure
 * outweighs a timeout, which outweighs a run someone cancelled in the console.
 */
function overallConclusion(results, interrupted) {
    if (interrupted === 'cancelled')
        return 'cancelled';
    for (const c of ['failure', 'timed_out', 'cancelled']) {
        if (results.some((r) => r.conclusion === c))
            return c;
    }
    return 'success';
}
/** A run started in `mode: trigger`: nothing is known of it but that it exists. */
function startedResult(run) {
    return {
        pipeline_id: run.pipelineId,
        run_id: run.runId,
        run_number: null,
        status: run.queueId !== undefined ? 'QUEUED' : 'STARTED',
        conclusion: 'success',
        url: run.url,
        started_at: null,
        finished_at: null,
        duration_s: null,
        failures: []
    };
}
/** The step's one-line failure: each unsuccessful pipeline (by name when known) and what failed in it. */
function failureLine(results, interrupted, timeoutMs, nameOf) {
    const parts = results
        .filter((r) => r.conclusion !== 'success')
        .map((r) => {
        const run = r.run_number !== null ? `run #${r.run_number}` : `run ${r.run_id}`;
        const where = r.failures.map(report_failures/* failurePath */.YA).filter((p) => p !== '');
        const detail = where.length > 0 ? ` at ${where.join(', ')}` : '';
        const late = r.status === 'CANCELED' ? 'and was stopped' : `(${r.status || 'not read'})`;
        const state = r.conclusion === 'timed_out' ? `did not end in time ${late}` : r.status || r.conclusion;
        const name = nameOf(r.pipeline_id);
        return `${name !== undefined ? `${name} (pipeline ${r.pipeline_id})` : `pipeline ${r.pipeline_id}`} ${run} ${state}${detail}`;
    });
    const why = { timeout: `Timed out after ${timeoutMs / 1000}s: `, cancelled: 'Cancelled: ', 'fail-fast': 'Stopped early (fail-fast): ' };
    return `${interrupted ? why[interrupted] : ''}${parts.join('; ')}`;
}

// EXTERNAL MODULE: ./lib/report/markup.js
var markup = __nccwpck_require__(8916);
;// CONCATENATED MODULE: ./lib/report/summary.js
// The job summary: one table of all runs, then per run its stages and jobs, the failing steps' last
// lines, and what the runs were started with. GitHub refuses a step summary over 1 MiB, so the
// summary is rendered with less detail until it fits, whatever the size of the pipelines.



const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;
/** How much to show: each level drops something, until the text fits. */
const LEVELS = [
    { jobs: 'all', tailLines: 30, failedSteps: 10 },
    { jobs: 'unsuccessful', tailLines: 30, failedSteps: 10 },
    { jobs: 'none', tailLines: 10, failedSteps: 5 },
    { jobs: 'none', tailLines: 0, failedSteps: 0 }
];
function renderSummary(input, limit = SUMMARY_LIMIT) {
    for (const level of LEVELS) {
        const text = render(input, level);
        if (Buffer.byteLength(text) <= limit)
            return text;
    }
    // Even the overview is too big (thousands of pipelines): keep the lines that fit (a line cut
    // in two would leave an unclosed element), and the table rows that fit of a table too long.
    const kept = [];
    let size = 0;
    for (const line of render(input, LEVELS[3]).split('\n')) {
        const rows = line.startsWith('<table>') ? line.split(/(?=<tr>)/) : [line];
        let part = '';
        for (const row of rows) {
            if (size + Buffer.byteLength(part + row) > limit / 2)
                break;
            part += row;
        }
        if (part === '')
            break;
        kept.push(part.startsWith('<table>') && !part.endsWith('</table>') ? `${part}</table>` : part);
        size += Buffer.byteLength(part) + 1;
    }
    return `${kept.join('\n')}\n\n…(cut to fit the summary limit)\n`;
}
function render(input, level) {
    const out = [`## ${markup/* ICON */.kb[input.conclusion]} ${(0,markup/* text */.Qq)(input.service)}: ${input.conclusion}`, ''];
    out.push((0,markup/* table */.tp)(['Pipeline', 'Run', 'Status', 'Duration'], input.runs.map(({ result, pipeline }) => [
        (0,markup/* text */.Qq)(pipeline),
        (0,markup/* link */.nf)(result.run_number !== null ? `#${result.run_number}` : result.run_id, result.url),
        `${markup/* ICON */.kb[result.conclusion]} ${(0,markup/* text */.Qq)(result.status || result.conclusion)}`,
        (0,markup/* duration */.p0)(result.duration_s === null ? undefined : result.duration_s * 1000)
    ])));
    if (level.tailLines > 0 || level.jobs !== 'none') {
        for (const run of input.runs)
            out.push(...runSection(run, level, input.service));
    }
    else {
        const items = input.runs.flatMap((run) => run.failedLogs.map((f) => `<li>${(0,markup/* text */.Qq)(label(run))}: ${(0,markup/* text */.Qq)((0,report_failures/* failurePath */.YA)(f.failure))}: ${(0,markup/* text */.Qq)(f.failure.message)}</li>`));
        if (items.length > 0)
            out.push('', `<ul>${items.join('')}</ul>`);
    }
    if (input.trigger)
        out.push(...triggerSection(input.trigger));
    return `${out.join('\n')}\n`;
}
function runSection(run, level, service) {
    const out = ['', `<h3>${(0,markup/* text */.Qq)(label(run))}: ${(0,markup/* text */.Qq)(run.result.status || run.result.conclusion)}</h3>`, ''];
    if (run.result.stopped === false) {
        out.push('⚠️ The action asked the service to stop this run, and the service did not confirm it: ' + '**the run may still be running.**', '');
    }
    if (run.result.url)
        out.push(`<p>${(0,markup/* link */.nf)(`Open in ${service}`, run.result.url)}${run.result.started_at ? ` · started ${(0,markup/* text */.Qq)(run.result.started_at)}` : ''}</p>`, '');
    if (run.detail) {
        const rows = [];
        for (const stage of run.detail.stages) {
            rows.push([`<b>${(0,markup/* text */.Qq)(stage.name)}</b>`, '', (0,markup/* status */.h5)(stage.state, stage.status), (0,markup/* span */.Ln)(stage.startedAt, stage.finishedAt)]);
            for (const job of stage.jobs) {
                const show = level.jobs === 'all' || (level.jobs === 'unsuccessful' && job.state !== 'success' && job.state !== 'skipped');
                if (show)
                    rows.push(['', (0,markup/* text */.Qq)(job.name), (0,markup/* status */.h5)(job.state, job.status), (0,markup/* span */.Ln)(job.startedAt, job.finishedAt)]);
            }
        }
        out.push((0,markup/* table */.tp)(['Stage', 'Job', 'Status', 'Duration'], rows));
    }
    for (const { failure, tail } of run.failedLogs.slice(0, level.failedSteps)) {
        const lines = tail?.lines.slice(-level.tailLines) ?? [];
        out.push('', `<details><summary>❌ ${(0,markup/* text */.Qq)((0,report_failures/* failurePath */.YA)(failure))}: ` +
            `${(0,markup/* text */.Qq)(failure.message || 'failed')}${lines.length > 0 ? ` (last ${lines.length} lines)` : ''}</summary>`, '');
        // Inside <pre> a blank line does not end the HTML block, so the lines keep their breaks.
        if (lines.length > 0)
            out.push(`<pre>${lines.map(markup/* esc */.UQ).join('\n')}</pre>`);
        out.push('</details>');
    }
    return out;
}
function label(run) {
    return run.result.run_number !== null ? `${run.pipeline} #${run.result.run_number}` : run.pipeline;
}
function triggerSection(trigger) {
    const rows = [];
    if (trigger.ref)
        rows.push([trigger.ref.kind, (0,markup/* code */.aY)(trigger.ref.name)]);
    // Values are shown except where the variable is secret (see maskSecretVariables): the runner
    // masks only the values it was told about, and a value derived from a secret was never told.
    for (const v of trigger.variables) {
        const hidden = (0,redact/* isSecretName */.eh)(v.name) || trigger.secretVariables.includes(v.name);
        rows.push([`variable ${(0,markup/* code */.aY)(v.name)}`, hidden ? '(hidden)' : (0,markup/* code */.aY)(v.value)]);
    }
    if (trigger.stages.length > 0)
        rows.push(['stages', trigger.stages.map(markup/* code */.aY).join(', ')]);
    if (trigger.jobs.length > 0)
        rows.push(['jobs', trigger.jobs.map(markup/* code */.aY).join(', ')]);
    rows.push([
        'description',
        trigger.description !== undefined ? (0,markup/* text */.Qq)(trigger.description) : 'default (repository, commit and workflow run)'
    ]);
    return ['', '<h3>Started with</h3>', '', (0,markup/* table */.tp)(['', ''], rows)];
}

;// CONCATENATED MODULE: ./lib/wait/schedule.js
/**
 * Delays between status reads: `first`, then growing by half each time up to `max`, each with ±20%
 * jitter. Runs usually take minutes, so reading often at the start catches a fast failure (a bad
 * parameter, a refused start) and reading rarely later keeps a long wait cheap. The jitter keeps
 * many jobs started by one push from polling in lockstep.
 */
class PollSchedule {
    base;
    max;
    random;
    constructor(first, max, random = Math.random) {
        this.base = first;
        this.max = max;
        this.random = random;
    }
    next() {
        const delay = Math.min(this.max, Math.round(this.base * (0.8 + 0.4 * this.random())));
        this.base = Math.min(this.max, this.base * 1.5);
        return delay;
    }
}

;// CONCATENATED MODULE: ./lib/wait/plan.js
// When to read each run next, from what is known: how long the pipeline's recent runs took, whether
// the run is running or waits for a person, and which of its stages run jobs side by side. The
// model, and why, is in docs/polling.md.


/** The few newest successful durations that make the expectation: recent enough to follow a pipeline that changed. */
const HISTORY_USED = 5;
/** What the durations say, or undefined when none is usable (the plan is then the plain backoff). */
function expectationOf(durations) {
    const recent = durations.filter((d) => Number.isFinite(d) && d > 0).slice(0, HISTORY_USED);
    if (recent.length === 0)
        return undefined;
    const expected = median(recent);
    // The second-largest distance from E: the runs' own range, without the one odd run that would
    // open the dense reads wide. Only five runs can spare one: of three, one is the median itself and
    // leaving out another would leave a single distance, so most runs would end outside the dense
    // reads (of four, the middle two sit on either side of E, as close as a single one).
    const distances = recent.map((d) => Math.abs(d - expected)).sort((a, b) => b - a);
    return { expected, spread: 2 * distances[recent.length >= HISTORY_USED ? 1 : 0] };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/**
 * The status reads of one run. Without an expectation: a backoff from `first` to `max`, as before
 * history was known. With one (E, spread S), measured from when the run was first seen:
 * - before E − S, as few reads as keep every interval within `max`, evenly spaced so that one falls
 *   on E − S (S rounded down to whole `first`s, so that a read falls on E itself);
 * - from there to E + S + `first`, a read every `first`: the run is expected to end now;
 * - after that the run is late, and the backoff takes over again.
 * A manual gate is read on a backoff too; E already counts the hold, as the durations it comes
 * from do. Jitter moves a read only within the room the plan leaves: it never adds a read nor
 * stretches an interval past `max`.
 */
class RunPlan {
    settings;
    expectation;
    anchor;
    /** The last read showed no start time. */
    unstarted = false;
    manualSince;
    backoff;
    constructor(settings, expectation) {
        this.settings = settings;
        this.expectation = expectation;
    }
    /** History arrives after the first read: from now on the plan uses it. True when that changed the plan. */
    expect(expectation) {
        if (expectation === undefined || this.expectation !== undefined)
            return false;
        this.expectation = expectation;
        this.backoff = undefined;
        return true;
    }
    /**
     * The delay until the next read, decided at `now` after a read that showed `snapshot` (undefined
     * when the read failed or left the run out). `startedHere`: the run was started by this step, so
     * its first sight is its start; another run's start is taken from the service, within bounds.
     */
    next(now, snapshot, startedHere) {
        const { first, max } = this.settings;
        if (snapshot !== undefined) {
            // A run seen without a start time (CodeArts: still queued) starts when one first shows.
            const begins = snapshot.startedAt !== undefined && this.unstarted;
            if (this.anchor === undefined || begins)
                this.anchor = begins ? now : this.anchorOf(now, snapshot, startedHere);
            this.unstarted = snapshot.startedAt === undefined;
        }
        if (snapshot?.state === 'manual') {
            if (this.manualSince === undefined) {
                this.manualSince = now;
                this.backoff = undefined;
            }
            return this.backoffStep();
        }
        if (this.manualSince !== undefined && snapshot !== undefined) {
            // The time held is not added to E: the durations E comes from are start to end as the service
            // reports them, each with its own run's hold, so E already counts a hold like this one. A hold
            // far longer than theirs leaves the run late, read on the backoff from `first` (docs/polling.md).
            this.manualSince = undefined;
            this.backoff = undefined;
        }
        const e = this.expectation;
        if (e === undefined || this.anchor === undefined)
            return this.backoffStep();
        const elapsed = now - this.anchor;
        // Dense reads are `first` apart and one falls on E: a spread smaller than that needs no earlier start.
        const denseFrom = e.expected - Math.floor(e.spread / first) * first;
        const denseUntil = e.expected + e.spread + first;
        if (elapsed < denseFrom) {
            this.backoff = undefined;
            return this.sparseStep(denseFrom - elapsed);
        }
        if (elapsed < denseUntil)
            return this.jittered(first, first * 0.8, Math.min(max, first * 1.2));
        // Late: it may have hung, or this run is slower than the others. Back off as without history.
        return this.backoffStep();
    }
    /** The first of the fewest intervals (each within `max`, none below `first`) that reach `remaining` from now. */
    sparseStep(remaining) {
        const { first, max } = this.settings;
        if (remaining <= first)
            return first;
        const count = Math.ceil(remaining / max);
        const even = remaining / count;
        // Any first interval in [low, high] still leaves `count − 1` intervals within max to the target.
        const low = Math.max(first, remaining - (count - 1) * max, even * 0.8);
        const high = Math.min(max, even * 1.2);
        return low >= high ? Math.min(max, Math.max(first, even)) : this.jittered(even, low, high);
    }
    jittered(base, low, high) {
        return Math.round(Math.min(high, Math.max(low, base * (0.8 + 0.4 * this.settings.random()))));
    }
    backoffStep() {
        this.backoff ??= new PollSchedule(this.settings.first, this.settings.max, this.settings.random);
        return this.backoff.next();
    }
    /**
     * Where the run's time starts. A run started here starts when first seen (the service's clock may
     * differ from ours by minutes). A run adopted part-way (`mode: wait`) started when the service
     * says, but never taken as earlier than E before now: a clock far off can only move the dense
     * reads, and never past `max`.
     */
    anchorOf(now, snapshot, startedHere) {
        const since = snapshot.startedAt?.getTime();
        if (startedHere || since === undefined || !Number.isFinite(since))
            return now;
        return Math.min(now, Math.max(since, now - (this.expectation?.expected ?? 0)));
    }
}
/**
 * When to read a run's detail (its jobs) between status reads. A batch status (CodeArts) shows
 * stages, not jobs: a stage that runs several jobs side by side goes on running when one of them
 * fails, so such a stage's detail is read while it runs, at least once per `max` (a failing job is
 * reported within max-poll-interval), and at a random point of that interval, so that many runs do
 * not all read their details in the same cycle. A stage whose jobs are not known yet is treated
 * like one with several; one known to run a single job needs no detail (its status is the job's).
 * The first read of a run is a detail, which shows its jobs from the start and learns which stages
 * run several. A provider whose status read is the detail (Yunxiao: Provider.statusHasJobs) is
 * never watched.
 */
class DetailWatch {
    max;
    random;
    single = new Set();
    lastRead;
    /** When the detail is due; undefined while no running stage needs one. */
    due;
    /** `begun`: the first read of the run is a full one, which names its jobs and shows them at once. */
    constructor(max, random, begun) {
        this.max = max;
        this.random = random;
        this.due = begun;
    }
    /** After each read of the run (a status or a detail) at `now`. */
    seen(now, snapshot) {
        const readBefore = this.lastRead;
        this.lastRead = now;
        const detail = (0,model/* isDetail */.mO)(snapshot);
        if (detail) {
            for (const stage of snapshot.stages) {
                if (stage.jobs.length <= 1)
                    this.single.add(stage.name);
                else
                    this.single.delete(stage.name);
            }
        }
        const watching = snapshot.state === 'running' && snapshot.stages.some((s) => s.state === 'running' && !this.single.has(s.name));
        if (!watching)
            this.due = undefined;
        // After the first read, at a random point within max (the stagger across runs); after any other,
        // exactly max later, which keeps the runs as far apart as the stagger put them.
        else if (detail)
            this.due = now + this.max * (readBefore === undefined ? this.random() : 1);
        else if (this.due === undefined) {
            // The stage began after the read before this one: its jobs are read within max of that read,
            // at a random point between now and then (the stagger across runs).
            const latest = (readBefore ?? now) + this.max;
            this.due = now + Math.max(0, latest - now) * this.random();
        }
    }
}

;// CONCATENATED MODULE: ./lib/wait/wait.js
// The poll loop: reads each unfinished run when its plan says (plan.ts, docs/polling.md) until all
// have ended, the deadline passes, or (with fail-fast) one fails. It knows runs only through the
// Provider interface.




const REAL_CLOCK = { now: () => Date.now(), sleep: sleep/* sleep */.y };
/** Whether the wait on this run is over: it ended, or it waits for a person and we were told not to. */
function isSettled(snapshot, settings) {
    return (0,model/* hasEnded */.hY)(snapshot.state) || (snapshot.state === 'manual' && settings.onManualGate === 'fail');
}
// Runs due this close together are read in one cycle (CodeArts reads them in one request).
const COALESCE_MS = 1_000;
// Pipelines whose history is read at the same time; the rest wait their turn.
const HISTORY_READS = 4;
async function waitForRuns(runs, settings, ctx) {
    const snapshots = new Map();
    const clock = ctx.clock ?? REAL_CLOCK;
    const random = ctx.random ?? Math.random;
    const first = settings.pollIntervalMs;
    const planSettings = { first, max: settings.maxPollIntervalMs, random };
    let history;
    const begun = clock.now();
    let pending = runs.map((run) => ({
        run,
        plan: new RunPlan(planSettings),
        ...(!ctx.provider.statusHasJobs && { watch: new DetailWatch(settings.maxPollIntervalMs, random, begun) }),
        due: begun
    }));
    let failedReads = 0;
    try {
        // The first read happens at once: a run refused at start shows up in the first second.
        for (;;) {
            const now = clock.now();
            const soon = now + Math.min(COALESCE_MS, first / 2);
            const jobsDue = (w) => w.watch?.due !== undefined && w.watch.due <= soon;
            const byStatus = withRiders(pending.filter((w) => w.due <= soon), pending.filter((w) => w.due > soon && !jobsDue(w)), ctx.provider.statusBatch ?? 1);
            let read = new Map();
            let byDetail = [];
            let detailsRead = false;
            try {
                // The most overdue first: a provider that reads only a few runs a cycle (Yunxiao) reads these.
                const asked = [...byStatus].sort((a, b) => a.due - b.due).map((w) => w.run);
                read = byStatus.length > 0 ? await ctx.provider.poll(asked) : read;
                // Jobs that are due are read, unless the status read just brought them.
                byDetail = pending.filter((w) => {
                    const polled = read.get((0,model/* runKey */.r7)(w.run));
                    return jobsDue(w) && !(polled !== undefined && (0,model/* isDetail */.mO)(polled));
                });
                const details = await Promise.all(byDetail.map((w) => ctx.provider.detail(w.run)));
                for (const [i, w] of byDetail.entries())
                    read.set((0,model/* runKey */.r7)(w.run), details[i]);
                detailsRead = true;
                failedReads = 0;
            }
            catch (error) {
                const lagging = error instanceof errors/* RunNotFoundError */.lQ && clock.now() < (ctx.notFoundGraceUntil ?? 0);
                if (error instanceof errors/* AbortedError */.oM || (!(0,errors/* isTransient */.dg)(error) && !lagging))
                    throw error;
                // The runs go on whether or not we can see them; a flaky network must not fail the gate. Only the
                // first failure of a streak is a warning: the runner shows at most 10 warnings per step.
                failedReads++;
                const message = `Could not read the run status (${error.message}); trying again (${failedReads} in a row).`;
                if (failedReads === 1)
                    ctx.logger.warning(message);
                else
                    ctx.logger.info(message);
            }
            const readAt = clock.now();
            for (const w of new Set([...byStatus, ...byDetail])) {
                const key = (0,model/* runKey */.r7)(w.run);
                const current = read.get(key);
                if (current !== undefined) {
                    const previous = snapshots.get(key);
                    snapshots.set(key, current);
                    await ctx.onSnapshot(w.run, previous, current);
                    w.readAt = readAt;
                    w.last = current;
                }
                w.plan.expect(history?.expectations.get(w.run.pipelineId));
                // A detail read between two status reads leaves the status plan as it was: the runs keep
                // sharing their batch reads, and the jobs, read on a cadence of their own, add no status read.
                if (w.due <= soon || byStatus.includes(w)) {
                    // A run the provider left out this cycle (Yunxiao reads 8 a cycle) is asked again a second
                    // later (or when due, if that is later), not after `first`: the cap spreads a crowd of due
                    // runs over cycles a second apart, and at `first` apart it would read fewer than 2 runs a
                    // second, too few for more than 48 runs to be read within max-poll-interval, and late for
                    // the first read (docs/polling.md).
                    const leftOut = current === undefined && read.size > 0;
                    if (!leftOut)
                        w.due = readAt + w.plan.next(readAt, current, w.run.startedHere);
                    else
                        w.due = Math.max(w.due, readAt + Math.min(first, COALESCE_MS));
                }
                if (current !== undefined)
                    w.watch?.seen(readAt, current);
                // Jobs that could not be read are tried again with the next status read, not at once.
                if ((current === undefined || !detailsRead) && w.watch?.due !== undefined)
                    w.watch.due = Math.max(w.watch.due, w.due);
            }
            pending = pending.filter((w) => {
                const snapshot = snapshots.get((0,model/* runKey */.r7)(w.run));
                return snapshot === undefined || !isSettled(snapshot, settings);
            });
            if (pending.length === 0)
                return { snapshots };
            if (settings.failFast && runs.some((run) => isUnsuccessful(snapshots.get((0,model/* runKey */.r7)(run)), settings))) {
                return { snapshots, interrupted: 'fail-fast' };
            }
            // The run lists are read once a status read went through (a refused key is refused once), and
            // only while there is something left to wait for.
            if (detailsRead)
                history ??= readHistory(pending, ctx, clock);
            await ctx.onCycle?.();
            await pause(pending, history, clock, ctx.signal);
        }
    }
    catch (error) {
        if (error instanceof errors/* AbortedError */.oM)
            return { snapshots, interrupted: error.reason };
        throw error;
    }
}
/**
 * The due runs, and as many of the others (the soonest first) as fit in the status requests those
 * need anyway: where one request reads many runs (CodeArts), a run read early costs nothing, and
 * runs on the same timeline fall into step.
 */
function withRiders(due, others, batch) {
    if (due.length === 0 || batch <= 1)
        return due;
    const room = Math.ceil(due.length / batch) * batch - due.length;
    return [...due, ...[...others].sort((a, b) => a.due - b.due).slice(0, room)];
}
/** Until the soonest read; history arriving meanwhile re-plans every run from its last read. */
async function pause(pending, history, clock, signal) {
    const soonest = () => Math.min(...pending.map((w) => Math.min(w.due, w.watch?.due ?? Number.POSITIVE_INFINITY)));
    if (history !== undefined && !history.done) {
        const nap = new AbortController();
        const napping = clock.sleep(Math.max(0, soonest() - clock.now()), AbortSignal.any([signal, nap.signal]));
        const woke = await Promise.race([napping.then(() => 'time'), history.ready.then(() => 'history')]);
        if (woke === 'time')
            return;
        nap.abort();
        await napping.catch(() => undefined);
        if (signal.aborted)
            throw signal.reason;
        for (const w of pending) {
            if (w.readAt !== undefined && w.plan.expect(history.expectations.get(w.run.pipelineId))) {
                w.due = w.readAt + w.plan.next(w.readAt, w.last, w.run.startedHere);
            }
        }
    }
    await clock.sleep(Math.max(0, soonest() - clock.now()), signal);
}
/**
 * Each pipeline's recent durations, read once, in the background after the first status read: it
 * is optional knowledge, so a failure (or a provider without history) leaves the plain backoff, says so in the
 * debug log, and neither fails nor delays anything.
 */
function readHistory(pending, ctx, clock) {
    const expectations = new Map();
    const provider = ctx.provider;
    const queue = [...new Set(pending.map((w) => w.run.pipelineId))];
    if (provider.history === undefined || queue.length === 0)
        return { expectations, ready: Promise.resolve(), done: true };
    const readOne = async (pipelineId) => {
        try {
            const durations = await provider.history(pipelineId, clock.now());
            const expectation = expectationOf(durations);
            if (expectation !== undefined)
                expectations.set(pipelineId, expectation);
            ctx.logger.debug(expectation === undefined
                ? `Pipeline ${pipelineId}: no recent successful run with usable times; reading on the plain backoff.`
                : `Pipeline ${pipelineId}: recent runs took ${Math.round(expectation.expected / 1000)} s ` +
                    `(± ${Math.round(expectation.spread / 1000)} s); reading often near that time.`);
        }
        catch (error) {
            ctx.logger.debug(`Pipeline ${pipelineId}: could not read its recent runs (${error.message}); reading on the plain backoff.`);
        }
    };
    const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift())
            await readOne(id);
    };
    const history = { expectations, ready: Promise.resolve(), done: false };
    history.ready = Promise.all(Array.from({ length: Math.min(HISTORY_READS, queue.length) }, worker)).then(() => {
        history.done = true;
    });
    return history;
}
function isUnsuccessful(snapshot, settings) {
    return snapshot !== undefined && isSettled(snapshot, settings) && snapshot.state !== 'success';
}

;// CONCATENATED MODULE: ./lib/gate/request.js
// The start request sent for each pipeline, and the description that ties a run to the GitHub
// job that started it.


function defaultDescription(origin) {
    const pr = origin.pullRequest !== undefined ? ` PR #${origin.pullRequest}` : '';
    // A part the CI system does not know is left out, not left as a gap.
    return `${origin.system ?? 'GitHub'} ${origin.repository}${pr} ${origin.sha.slice(0, 12)} ${origin.runUrl}`.replace(/\s+/g, ' ').trim();
}
/**
 * A random tag appended to every description. Starting a run is not idempotent, so when a start's
 * answer is lost the run is looked for by this tag before starting again.
 */
function newMarker() {
    return `[gha-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}]`;
}
function startRequest(trigger, origin, marker) {
    const text = trigger.description ?? defaultDescription(origin);
    const description = `${text.slice(0, DESCRIPTION_LIMIT - marker.length - 1)} ${marker}`;
    return {
        ...(trigger.ref && { ref: trigger.ref }),
        variables: trigger.variables,
        description,
        marker,
        stages: trigger.stages,
        jobs: trigger.jobs
    };
}

;// CONCATENATED MODULE: ./lib/gate/start.js
// Starting a run is the one request that must not be repeated blindly: if its answer is lost (a
// reset, a timeout, a gateway 5xx, a garbled answer), the run may exist, and a gateway can take many
// seconds to list a run it created. So a lost answer is followed by a search for the run by the
// start's marker, repeated for a window that covers such delays, and a start is sent again only
// after a search that succeeded, at the end of that window, found nothing. A search that fails is
// searched again, never replaced by a start (docs/starting.md).


/** Gateways answer 504 after about 30 s (Huawei's APIG, Alibaba's): a run may appear that much later. */
const SEARCH_WINDOW_MS = 45_000;
const MAX_SENDS = 5;
async function startOnce(pipelineId, request, deps) {
    const prepared = await deps.provider.prepareStart(pipelineId, request);
    const context = {
        marker: request.marker,
        sentAt: Date.now(),
        ...(prepared.before !== undefined && { before: prepared.before }),
        ...(request.ref && { ref: request.ref })
    };
    deps.onSend?.(context);
    for (let send = 1; send <= MAX_SENDS; send++) {
        try {
            return { run: await deps.provider.start(prepared), sentAgain: send > 1, context };
        }
        catch (error) {
            if (error instanceof errors/* RemoteError */.Hi && !(error instanceof errors/* CredentialsRefusedError */.TW) && !(0,errors/* isTransient */.dg)(error))
                throw new errors/* StartRefusedError */.Zy(error);
            if (!(error instanceof errors/* OutcomeUnknownError */.Do || error instanceof errors/* MalformedResponseError */.f7))
                throw error;
            const window = deps.searchWindowMs ?? SEARCH_WINDOW_MS;
            deps.logger.warning(`${error.message}. Looking for its run (marker ${request.marker}) for ${seconds(window)} before starting again.`);
            const found = await searchLost(pipelineId, context, deps, window);
            if (found)
                return { run: found, sentAgain: send > 1, context };
            if (error instanceof errors/* UnnamedRunError */.U6) {
                throw new errors/* PreconditionError */.Rb(`starting pipeline ${pipelineId}`, `the service says it made a run but not which, and no run carrying ${request.marker} could be found; nothing is started again: ` +
                    `look for it in the console`);
            }
            deps.logger.info(`No run of pipeline ${pipelineId} appeared for that start: it did not happen. Starting again (${send + 1} of ${MAX_SENDS}).`);
        }
    }
    throw new errors/* TransportError */.wX(`starting pipeline ${pipelineId}`, `${MAX_SENDS} start requests got no answer, and none of them made a run`, false);
}
/**
 * Searches until a run is found, or until a search that began after the window had passed finds
 * nothing. Where the service cannot show the marker, one candidate is taken as the run (nothing
 * else could have made it) and several are an error: starting again could make a second run, and
 * taking one of them could report someone else's run.
 */
async function searchLost(pipelineId, context, deps, window) {
    const until = Date.now() + window;
    for (let round = 0;; round++) {
        const began = Date.now();
        try {
            const search = await deps.provider.find(pipelineId, context);
            const [first, ...others] = search.found;
            if (first) {
                deps.logger.info(`Found it: the start of pipeline ${pipelineId} had worked (run ${first.runId}).`);
                for (const other of others)
                    deps.logger.warning(`Run ${other.runId} of pipeline ${pipelineId} carries the same marker: the start was made twice.`);
                return first;
            }
            const unverifiable = search.unverifiable ?? [];
            if (search.candidates.length === 1 && unverifiable.length === 0) {
                const [only] = search.candidates;
                deps.logger.warning(`Run ${only.runId} of pipeline ${pipelineId} is taken as the one this start made: it is the only run that appeared since, ` +
                    'and the service does not show which run a start made.');
                return only;
            }
            const maybe = [...search.candidates, ...unverifiable];
            // Several runs that may be it, or one that cannot be told apart: starting again could make a
            // second run, and taking one could report someone else's.
            if (search.candidates.length > 1 || (began >= until && maybe.length > 0)) {
                throw new errors/* PreconditionError */.Rb(`starting pipeline ${pipelineId}`, `the answer was lost and ${maybe.length} run(s) appeared since that may be it (${maybe.map((r) => r.url).join(', ')}); ` +
                    'the service does not show which run this start made, so the action cannot tell which is this one, and starts nothing more');
            }
            if (began >= until)
                return undefined;
        }
        catch (error) {
            if (!(0,errors/* isTransient */.dg)(error))
                throw error;
            deps.logger.info(`Searching for the run of pipeline ${pipelineId} failed (${error.message}); searching again.`);
        }
        await (0,sleep/* sleep */.y)(Math.min(8_000, 1_000 * 2 ** round, Math.max(100, until - Date.now())), deps.signal());
    }
}
/** Runs other than `run` that carry its start's marker: a start that was made twice after all. */
async function duplicatesOf(provider, run, context) {
    const search = await provider.find(run.pipelineId, context);
    return search.found.filter((r) => r.runId !== run.runId);
}
function seconds(ms) {
    return `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;
}

// EXTERNAL MODULE: ./lib/report/sub-pipelines.js
var sub_pipelines = __nccwpck_require__(2878);
;// CONCATENATED MODULE: ./lib/gate/stop.js
// Stopping runs, and saying only what the service confirmed. A stop counts when the answer says the
// run was stopped, or when the run's own record, read again, shows it has ended; anything else
// means the run may still be running, and the log says so with its link.



/** Stops the runs at once, in parallel. */
async function stopRuns(provider, logger, runs) {
    return Promise.all(runs.map(async (run) => {
        const outcome = await stopOne(provider, logger, run);
        if (provider.subRuns)
            await stopSubRuns(provider, logger, run, outcome.detail, new Set([(0,model/* runKey */.r7)(run)]), 1);
        return outcome;
    }));
}
/**
 * The sub-pipeline runs a stopped run started, and theirs, are stopped too when they are still
 * running after it: the service may leave them running (docs/codearts.md, "Sub-pipelines"). Each
 * is confirmed like any stop; the descent is bounded as when following a failure.
 */
async function stopSubRuns(provider, logger, run, known, seen, depth) {
    if (depth > sub_pipelines/* MAX_SUB_PIPELINE_DEPTH */.B)
        return;
    const name = `pipeline ${run.pipelineId} run ${run.runId}`;
    try {
        const detail = known ?? (await provider.detail(run, true));
        const stepIds = (0,report_failures/* placedSteps */.hF)(detail)
            .filter((placed) => placed.step.subPipeline)
            .map((placed) => placed.step.id);
        if (stepIds.length === 0)
            return;
        for (const sub of (await provider.subRuns(run, stepIds)).values()) {
            if (seen.has((0,model/* runKey */.r7)(sub)))
                continue;
            seen.add((0,model/* runKey */.r7)(sub));
            const state = await provider.detail(sub, true);
            if ((0,model/* hasEnded */.hY)(state.state))
                continue;
            logger.info(`Sub-pipeline ${sub.pipelineId} run ${sub.runId}, started by ${name}, is still ${state.status || 'running'}: stopping it.`);
            const outcome = await stopOne(provider, logger, sub);
            await stopSubRuns(provider, logger, sub, outcome.detail, seen, depth + 1);
        }
    }
    catch (error) {
        logger.warning(`Could not check whether the sub-pipeline runs of ${name} stopped: ${error.message}. They may still be running.`);
    }
}
async function stopOne(provider, logger, run) {
    const name = `pipeline ${run.pipelineId} run ${run.runId}`;
    let why;
    try {
        if (await provider.stop(run)) {
            logger.info(`Stopped ${name}.`);
            return { run, confirmed: true };
        }
        why = 'the service did not say it stopped it';
    }
    catch (error) {
        why = error.message;
    }
    try {
        const detail = await provider.detail(run, true);
        if ((0,model/* hasEnded */.hY)(detail.state)) {
            logger.info(`Stopped ${name}: it has ended (${detail.status}).`);
            return { run, confirmed: true, detail };
        }
        why = `${why}; it is still ${detail.status || 'running'}`;
        logger.warning(`Could not confirm that ${name} stopped (${why}). It may still be running${run.url ? `: ${run.url}` : ''}`);
        return { run, confirmed: false, detail };
    }
    catch (error) {
        why = `${why}; reading it again failed: ${error.message}`;
    }
    logger.warning(`Could not confirm that ${name} stopped (${why}). It may still be running${run.url ? `: ${run.url}` : ''}`);
    return { run, confirmed: false };
}

;// CONCATENATED MODULE: ./lib/gate/gate.js
// The gate: start (or find) the runs, wait, stop what must be stopped, report. Every effect on the
// world goes through `ActionIO` or the provider, so tests can run this against the simulator.


















/**
 * One step's work: start the runs (or find them), wait until they end, stop what must be stopped,
 * and report. It knows runs only through the Provider, and the runner only through ActionIO.
 */
class Gate {
    settings;
    io;
    session;
    provider;
    logger;
    /** Every run this step knows of, in pipeline order, added the moment it exists. */
    runs = [];
    /** Every start request that has left, in order; the last may not have its run yet. */
    starts = [];
    reporter;
    labels = new RunLabels();
    warnedStatuses = new Set();
    /** The pipelines, in input order: `pipeline-ids`, or the IDs of `pipelines` once looked up. */
    pipelineIds;
    /** One check run per run on GitHub; does nothing when check runs are off (checks/). */
    checks;
    constructor(settings, io, session) {
        this.settings = settings;
        this.io = io;
        this.session = session;
        this.provider = session.provider;
        this.logger = io.logger;
        this.reporter = new reporter/* Reporter */.a(session.provider, settings.report);
        this.pipelineIds = settings.pipelineIds;
        this.checks = openCheckRuns(settings.checks, {
            origin: io.origin(),
            logger: io.logger,
            service: serviceName(settings.connection),
            signal: () => session.clock.signal,
            name: (pipelineId) => this.labels.name(pipelineId),
            describe: (run) => this.provider.detail(run),
            ...(io.tuning?.retry && { retry: io.tuning.retry })
        });
    }
    async run() {
        try {
            await this.findByName();
            await this.obtainRuns();
            if (this.settings.mode === 'trigger') {
                this.session.clock.beginCleanup();
                await this.stopDuplicates();
                // The runs are meant to go on after this step: nothing for the post step to stop.
                this.settle([]);
                const started = this.runs.map(startedResult);
                writeOutputs(this.io.setOutput, started, 'success');
                this.io.report?.(this.summaryInput(started, 'success', new Map()));
                await this.checks.settle();
                return;
            }
            const progress = progressLines((run) => this.labels.label(run));
            const waited = await waitForRuns(this.runs, this.settings.wait, {
                provider: this.provider,
                logger: this.logger,
                signal: this.session.clock.signal,
                onSnapshot: async (run, previous, current) => {
                    this.labels.remember(run, current);
                    this.warnUnknownStatuses(run, current);
                    for (const line of progress(run, previous, current))
                        this.logger.info(line);
                    this.checks.update(run, current, this.labels.label(run));
                    // A job can fail long before its run ends; say why at once.
                    if ((0,model/* isDetail */.mO)(current))
                        await print(this.logger, await this.reporter.onDetail(run, current, this.labels.label(run)));
                },
                onCycle: () => this.stopDuplicates(true),
                notFoundGraceUntil: Math.max(0, ...this.starts.map((s) => s.context.sentAt)) + (this.io.tuning?.searchWindowMs ?? SEARCH_WINDOW_MS)
            });
            this.session.clock.beginCleanup();
            const stops = waited.interrupted ? await this.stopUnfinished(waited.snapshots, waited.interrupted) : [];
            await this.stopDuplicates();
            const finals = await this.finalDetails();
            const results = this.runs.map((run) => this.resultFor(run, waited, finals.get((0,model/* runKey */.r7)(run)), stops));
            const conclusion = overallConclusion(results, waited.interrupted);
            writeOutputs(this.io.setOutput, results, conclusion);
            this.settle(stops.filter((s) => !s.confirmed).map((s) => s.run));
            const summary = this.summaryInput(results, conclusion, finals, waited.snapshots);
            this.io.report?.(summary);
            if (this.settings.report.summary)
                await this.writeSummary(summary);
            await this.checks.complete(this.runs.map((run, i) => endingOf(run, this.labels.label(run), results[i], {
                snapshot: waited.snapshots.get((0,model/* runKey */.r7)(run)),
                detail: finals.get((0,model/* runKey */.r7)(run)),
                failedLogs: this.reporter.failedLogs.get((0,model/* runKey */.r7)(run)) ?? []
            })));
            if (conclusion !== 'success') {
                this.io.setFailed(failureLine(results, waited.interrupted, this.settings.wait.timeoutMs, (id) => this.labels.name(id)));
            }
        }
        catch (error) {
            await this.abandon(error);
        }
    }
    /** `pipelines`: every name is looked up before anything starts, so that a wrong name starts nothing. */
    async findByName() {
        const names = this.settings.pipelineNames;
        if (names.length === 0)
            return;
        this.pipelineIds = await this.provider.pipelineIdsOf(names);
        for (const [i, name] of names.entries())
            this.logger.info(`Pipeline ${shown(name)} is ${this.pipelineIds[i]}`);
    }
    /** Starts each pipeline in order (or finds the runs to wait on). */
    async obtainRuns() {
        if (this.settings.mode === 'wait') {
            for (const [i, pipelineId] of this.pipelineIds.entries()) {
                const runId = this.settings.runIds[i];
                const run = runId !== undefined
                    ? this.provider.adopt(pipelineId, runId)
                    : await inRounds(() => this.provider.latest(pipelineId), 4, this.io.tuning?.settleMs ?? 2_000, () => this.session.clock.signal);
                this.runs.push(run);
                this.checks.begin(run);
                this.logger.info(`Waiting on pipeline ${pipelineId} run ${run.runId}: ${run.url}`);
            }
            return;
        }
        // One at a time, so that a refused credential fails on the first pipeline rather than on all of them.
        const origin = this.io.origin();
        for (const pipelineId of this.pipelineIds) {
            const request = startRequest(this.settings.trigger, origin, newMarker());
            const started = await startOnce(pipelineId, request, {
                provider: this.provider,
                logger: this.logger,
                signal: () => this.session.clock.signal,
                ...(this.io.tuning?.searchWindowMs !== undefined && { searchWindowMs: this.io.tuning.searchWindowMs }),
                // Written down before the request leaves: if the step dies now, the post step looks for this run.
                onSend: (context) => {
                    this.starts.push({ pipelineId, context });
                    savePending(this.io.state, [pendingOf(pipelineId, context)]);
                }
            });
            Object.assign(this.starts.at(-1), { run: started.run, sentAgain: started.sentAgain });
            this.runs.push(started.run);
            this.checks.begin(started.run);
            saveAbandoned(this.io.state, this.runs);
            savePending(this.io.state, []);
            const queued = started.run.queueId !== undefined ? ' (queued: the pipeline is at its concurrency limit)' : '';
            this.logger.info(`Started pipeline ${pipelineId} run ${started.run.runId}${queued}: ${started.run.url}`);
        }
    }
    /** After a timeout, a cancel or fail-fast: stop what this step started and has not ended. */
    async stopUnfinished(snapshots, interrupted) {
        // fail-fast always stops the others (that is what it asks for); a timeout or a cancel only with cancel-on-abort.
        if (interrupted !== 'fail-fast' && !this.settings.cancelOnAbort)
            return [];
        const unfinished = this.runs.filter((r) => {
            const state = snapshots.get((0,model/* runKey */.r7)(r))?.state;
            return r.startedHere && !(0,model/* hasEnded */.hY)(state);
        });
        return stopRuns(this.provider, this.logger, unfinished);
    }
    /**
     * A start sent again after its first answer was lost and no run showed up: should the first run
     * show up after all, it is stopped, and the log says so.
     */
    async stopDuplicates(onlyDue = false) {
        const every = this.io.tuning?.searchWindowMs ?? SEARCH_WINDOW_MS;
        for (const start of this.starts.filter((s) => s.sentAgain && s.run)) {
            // While waiting, a start is checked once a search window; at the end, once more.
            if (onlyDue && Date.now() - (start.checkedAt ?? start.context.sentAt) < every)
                continue;
            start.checkedAt = Date.now();
            try {
                start.duplicates ??= new Set();
                const extra = (await duplicatesOf(this.provider, start.run, start.context)).filter((r) => !start.duplicates.has(r.runId));
                if (extra.length === 0)
                    continue;
                for (const run of extra)
                    start.duplicates.add(run.runId);
                this.logger.warning(`Pipeline ${start.pipelineId} was started ${extra.length + 1} times (a start's answer was lost, and its run appeared only ` +
                    `later): ` +
                    `keeping run ${start.run.runId}, stopping ${extra.map((r) => `run ${r.runId}`).join(', ')}.`);
                await stopRuns(this.provider, this.logger, extra);
            }
            catch (error) {
                this.logger.warning(`Could not check whether pipeline ${start.pipelineId} was started twice: ${error.message}`);
            }
        }
    }
    /**
     * The step cannot go on. The runs it started are stopped only when the job was cancelled, the
     * timeout passed, or a later pipeline's start was refused (the runs were meant to go together).
     * Anything else (a read that failed, refused credentials, an answer that makes no sense) says
     * nothing about the runs: they are left alone, and the message says where they are.
     */
    async abandon(error) {
        this.session.clock.beginCleanup();
        const refused = this.session.guard.refused;
        const stopThem = this.settings.cancelOnAbort && !refused && (error instanceof errors/* AbortedError */.oM || error instanceof errors/* StartRefusedError */.Zy);
        let unconfirmed = [];
        let pending = [];
        if (stopThem) {
            // A start cut short by the cancel or the timeout may have created its run; find it so that it can be stopped too.
            const lost = error instanceof errors/* AbortedError */.oM ? this.starts.find((s) => s.run === undefined) : undefined;
            if (lost) {
                const found = await this.provider.find(lost.pipelineId, lost.context).catch(() => undefined);
                if (found?.found[0])
                    this.runs.push(found.found[0]);
                else
                    pending = [pendingOf(lost.pipelineId, lost.context)];
            }
            const outcomes = await stopRuns(this.provider, this.logger, this.runs.filter((r) => r.startedHere));
            unconfirmed = outcomes.filter((o) => !o.confirmed).map((o) => o.run);
        }
        this.settle(unconfirmed, pending);
        const conclusion = error instanceof errors/* AbortedError */.oM ? (error.reason === 'timeout' ? 'timed_out' : 'cancelled') : 'failure';
        this.io.setOutput('conclusion', conclusion);
        this.io.setOutput('run-ids', this.runs.map((r) => r.runId).join(','));
        const left = stopThem || this.runs.length === 0
            ? ''
            : ` ${this.runs.length === 1 ? 'The run was' : 'The runs were'} left as they are: ${this.runs.map((r) => r.url).join(', ')}`;
        const message = `${messageOf(error, this.logger)}${left}`;
        await this.checks.complete(this.runs.map((run) => abandonedEnding(run, this.labels.label(run), conclusion, message)));
        this.io.setFailed(message, error);
    }
    /** What the post step must still do: stop `runs`, look for `pending` starts. Nothing, after a clean end. */
    settle(runs, pending = []) {
        saveAbandoned(this.io.state, runs);
        savePending(this.io.state, pending);
        // Whatever the ending, a refusal is passed on: the post step must not be refused once more.
        const refused = this.session.guard.refused;
        if (refused)
            saveRefusal(this.io.state, refused.message);
    }
    warnUnknownStatuses(run, snapshot) {
        for (const word of snapshot.unknown ?? []) {
            if (this.warnedStatuses.has(word))
                continue;
            this.warnedStatuses.add(word);
            this.logger.warning(`${this.labels.label(run)}: unknown status ${word}; it is read as still running, so the action waits on (at most until the ` +
                `timeout).`);
        }
    }
    /**
     * Each run's detail after the wait (the provider keeps those of ended runs, so this costs nothing
     * for them), with whatever was not reported yet reported now.
     */
    async finalDetails() {
        const finals = new Map();
        for (const run of this.runs) {
            try {
                const detail = await this.provider.detail(run);
                this.labels.remember(run, detail);
                finals.set((0,model/* runKey */.r7)(run), detail);
                await print(this.logger, await this.reporter.onDetail(run, detail, this.labels.label(run)));
            }
            catch (error) {
                this.logger.warning(`Could not read pipeline ${run.pipelineId} run ${run.runId}: ${error.message}`);
            }
        }
        return finals;
    }
    resultFor(run, waited, detail, stops) {
        // The wait's last snapshot is what decided the verdict; the detail adds what failed.
        const snapshot = waited.snapshots.get((0,model/* runKey */.r7)(run));
        const failures = snapshot?.state === 'failure' && detail ? this.reporter.failures(run, detail) : [];
        const result = resultOf(run, snapshot, { interrupted: waited.interrupted, onManualGate: this.settings.wait.onManualGate }, failures);
        const stop = stops.find((s) => s.run === run);
        if (stop === undefined)
            return result;
        // What we know of a run we just stopped is its status before the stop; say what happened to it.
        return { ...result, stopped: stop.confirmed, ...(stop.confirmed && { status: stop.detail?.status || 'CANCELED' }) };
    }
    summaryInput(results, conclusion, finals, snapshots) {
        const runs = this.runs.map((run, i) => {
            const detail = finals.get((0,model/* runKey */.r7)(run));
            const state = snapshots?.get((0,model/* runKey */.r7)(run))?.state;
            const pipeline = this.labels.name(run.pipelineId) ?? run.pipelineId;
            return {
                result: results[i],
                pipeline,
                ...(detail && { detail }),
                ...(state && { state }),
                failedLogs: this.reporter.failedLogs.get((0,model/* runKey */.r7)(run)) ?? []
            };
        });
        return { service: serviceName(this.settings.connection), conclusion, runs, trigger: this.settings.trigger };
    }
    async writeSummary(input) {
        try {
            await this.io.writeSummary(renderSummary(input));
        }
        catch (error) {
            this.logger.warning(`Could not write the job summary: ${error.message}`);
        }
    }
}
function pendingOf(pipelineId, context) {
    return {
        pipelineId,
        marker: context.marker,
        sentAt: context.sentAt,
        ...(context.before && { before: context.before }),
        ...(context.ref && { ref: context.ref })
    };
}
function messageOf(error, logger) {
    if (error instanceof Error) {
        // Our own errors are complete sentences; anything else is a bug, and its stack helps only in debug mode.
        if (!(0,errors/* isExplained */.zT)(error) && error.stack)
            logger.debug(error.stack);
        return error.message;
    }
    return String(error);
}

;// CONCATENATED MODULE: ./lib/wait/clock.js

// After the wait: time allowed for stopping runs and reading what failed.
const CLEANUP_MS = 30_000;
// The runner sends SIGTERM 7.5 s after SIGINT and kills the process 2.5 s after that; whatever
// must happen after a cancel has to fit well inside the first window.
const CANCEL_CLEANUP_MS = 5_000;
/**
 * The step's clock. While waiting, `signal` aborts at the deadline or on cancellation. After the
 * wait, the requests that must still be made (stopping runs, reading what failed) get a fresh
 * signal with a budget of their own: a deadline that has passed must not prevent the clean-up,
 * and a cancel during the clean-up shortens it rather than abandoning it.
 */
class StepClock {
    controller = new AbortController();
    timer;
    phase = 'wait';
    cleanupEndsAt = Infinity;
    cancelled = false;
    constructor(timeoutMs) {
        this.timer = this.timeoutAfter(timeoutMs);
    }
    get signal() {
        return this.controller.signal;
    }
    cancel() {
        if (this.cancelled)
            return;
        this.cancelled = true;
        if (this.phase === 'wait')
            this.controller.abort(new errors/* AbortedError */.oM('cancelled'));
        else if (this.cleanupEndsAt - Date.now() > CANCEL_CLEANUP_MS)
            this.armCleanup(CANCEL_CLEANUP_MS);
    }
    beginCleanup() {
        if (this.phase === 'cleanup')
            return;
        this.phase = 'cleanup';
        this.controller = new AbortController();
        this.armCleanup(this.cancelled ? CANCEL_CLEANUP_MS : CLEANUP_MS);
    }
    dispose() {
        clearTimeout(this.timer);
    }
    armCleanup(ms) {
        clearTimeout(this.timer);
        this.cleanupEndsAt = Date.now() + ms;
        this.timer = this.timeoutAfter(ms);
    }
    timeoutAfter(ms) {
        const controller = this.controller;
        const timer = setTimeout(() => controller.abort(new errors/* AbortedError */.oM('timeout')), ms);
        // Never the reason the process stays alive.
        timer.unref();
        return timer;
    }
}

;// CONCATENATED MODULE: ./lib/gate/session.js
// What the main and the post step share: the step's clock, one HTTP client and the provider.



function openSession(connection, timeoutMs, env) {
    const clock = new StepClock(timeoutMs);
    const onCancel = () => clock.cancel();
    if (env.cancellation.aborted)
        onCancel();
    env.cancellation.addEventListener('abort', onCancel);
    const http = new net_http/* HttpClient */.Qq({
        logger: env.logger,
        signal: () => clock.signal,
        ...(env.tuning?.retry && { retry: env.tuning.retry }),
        ...(env.tuning?.requestTimeoutMs && { requestTimeoutMs: env.tuning.requestTimeoutMs }),
        ...(env.transport && { transport: env.transport })
    });
    const { provider, guard } = createProvider(connection, http, env.logger);
    return {
        clock,
        provider,
        guard,
        close: () => {
            clock.dispose();
            env.cancellation.removeEventListener('abort', onCancel);
        }
    };
}

;// CONCATENATED MODULE: ./lib/main.js
// The main step's logic: read the inputs, then let the gate do the work. `run()` with no argument
// runs under the runner (and under GitHub's local debugger, `npx @github/local-action . src/main.ts
// .env`); tests give it an IO of their own.






async function run(io = actionIO()) {
    // Before anything can print one, the secrets are handed to the log masker.
    maskSecretInputs(io.readInput, (value) => io.logger.secret(value));
    let settings;
    try {
        settings = getInputs(io.readInput);
    }
    catch (error) {
        // Later steps branch on `conclusion`; an input error is a failure like any other.
        io.setOutput('conclusion', 'failure');
        return io.setFailed(`${messageOf(error, io.logger)}${forkNote(error, io.origin())}`, error);
    }
    maskSecretVariables(settings.trigger, (value) => io.logger.secret(value));
    const session = openSession(settings.connection, settings.wait.timeoutMs, io);
    try {
        await new Gate(settings, io, session).run();
    }
    finally {
        session.close();
    }
}

;// CONCATENATED MODULE: ./lib/cli/args.js
// The command line: one flag per input of action.yml (`--pipeline-ids`, `--timeout 30m`), so the
// action and the command cannot drift; `--<input>-file FILE` for any input, which is how a secret
// is given (or through the environment, env.ts), never as a flag's value; and the command's own
// options. Nothing here reads a file or the environment.


/** A flag the command cannot take: the message says which and what to do instead. Exit code 2. */
class FlagError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FlagError';
    }
}
/** Inputs that take several values: the flag may be repeated, one value each time. */
const LIST_INPUTS = new Set(['pipeline-ids', 'run-ids', 'variables', 'secret-variables', 'stages', 'jobs']);
/** Inputs whose action.yml default is true or false: `--fail-fast`, `--no-summary`. */
const BOOLEAN_INPUTS = new Set(INPUT_HELP.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name));
const INPUTS = new Set(INPUT_HELP.map((i) => i.name));
const SECRETS = new Set(SECRET_INPUTS);
/** The command's own options that take a value. */
const VALUED_OPTIONS = ['junit', 'summary-file'];
const SWITCHES = ['json', 'debug', 'help', 'version'];
function parseArgs(argv, secretAdvice) {
    const values = new Map();
    const files = new Map();
    const options = { json: false, debug: false, help: false, version: false };
    const seen = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h') {
            options.help = true;
            continue;
        }
        if (!arg.startsWith('--') || arg === '--') {
            throw new FlagError(`Argument ${i + 1} is not a flag: give each value after its flag (--name value or --name=value); see --help`);
        }
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        const inline = eq === -1 ? undefined : arg.slice(eq + 1);
        // The next argument as this flag's value; never read for a flag that refuses a value.
        const value = () => {
            if (inline !== undefined)
                return inline;
            const next = argv[i + 1];
            if (next === undefined || (next.startsWith('--') && next.length > 2))
                throw new FlagError(`Flag --${name} needs a value`);
            i++;
            return next;
        };
        const once = (key) => {
            if (seen.has(key))
                throw new FlagError(`Flag --${key} is given twice; give it once`);
            seen.add(key);
        };
        if (SECRETS.has(name)) {
            // Its value is not read, not even to say what was wrong with it: it is on the command line already.
            throw new FlagError(`Flag --${name} is not taken: a secret on the command line is seen by every process on the machine and kept in shell history. ` +
                secretAdvice(name));
        }
        if (SWITCHES.includes(name)) {
            if (inline !== undefined)
                throw new FlagError(`Flag --${name} takes no value`);
            options[name] = true;
            continue;
        }
        if (VALUED_OPTIONS.includes(name)) {
            once(name);
            const path = value();
            if (path === '')
                throw new FlagError(`Flag --${name} needs a file name`);
            if (name === 'junit')
                options.junit = path;
            else
                options.summaryFile = path;
            continue;
        }
        if (name.endsWith('-file') && INPUTS.has(name.slice(0, -'-file'.length))) {
            const input = name.slice(0, -'-file'.length);
            once(name);
            if (values.has(input))
                throw new FlagError(`Flags --${input} and --${name} are both given; give one`);
            const path = value();
            if (path === '')
                throw new FlagError(`Flag --${name} needs a file name`);
            files.set(input, path);
            continue;
        }
        if (name.startsWith('no-') && BOOLEAN_INPUTS.has(name.slice(3)) && inline === undefined) {
            once(name.slice(3));
            values.set(name.slice(3), 'false');
            continue;
        }
        if (INPUTS.has(name)) {
            if (files.has(name))
                throw new FlagError(`Flags --${name} and --${name}-file are both given; give one`);
            if (BOOLEAN_INPUTS.has(name)) {
                once(name);
                // `--fail-fast` alone is true; a value only with `=`, or as the next argument when it is true or false.
                const next = argv[i + 1];
                const given = inline ?? (next === 'true' || next === 'false' ? argv[++i] : 'true');
                values.set(name, given);
                continue;
            }
            if (!LIST_INPUTS.has(name))
                once(name);
            const given = value();
            const before = values.get(name);
            values.set(name, before === undefined ? given : `${before}\n${given}`);
            continue;
        }
        throw new FlagError(`Unknown flag --${name}${suggestion(name)}; see --help`);
    }
    return { values, files, options };
}
function suggestion(name) {
    const all = [...INPUTS, ...[...INPUTS].map((n) => `${n}-file`), ...VALUED_OPTIONS, ...SWITCHES];
    const near = all.find((candidate) => candidate.startsWith(name) || name.startsWith(candidate) || args_distance(name, candidate) <= 2);
    return near !== undefined ? ` (did you mean --${near}?)` : '';
}
/** Levenshtein distance, for suggesting the flag meant. */
function args_distance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        }
        row = next;
    }
    return row[b.length];
}

// EXTERNAL MODULE: ./lib/cli/exit-codes.js
var exit_codes = __nccwpck_require__(535);
;// CONCATENATED MODULE: ./lib/cli/inputs.js
// Where each input's value comes from in the command: its flag, its `--<input>-file`, or an
// environment variable with the name the cloud's own tools use (docs/command.md lists them with
// their sources). Explicit beats ambient: when any credential is given by a flag or a file, no
// credential is taken from the environment, so a variable left set on a build agent for other
// tools cannot turn into a second way of signing in.



/**
 * The environment variables each provider's credentials are read from, first name first. The
 * Huawei names are the SDKs' (HUAWEICLOUD_SDK_*) and the Terraform provider's (HW_*); the
 * Alibaba names are the credentials library's; Yunxiao's token has the name of the issue that asked
 * for it and the name of Alibaba's DevOps MCP server.
 */
const CREDENTIAL_ENV = {
    codearts: {
        'access-key': ['HUAWEICLOUD_SDK_AK', 'HW_ACCESS_KEY'],
        'secret-key': ['HUAWEICLOUD_SDK_SK', 'HW_SECRET_KEY'],
        'security-token': ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HW_SECURITY_TOKEN'],
        // The SDKs' project is the IAM project of the region, not the CodeArts project.
        'iam-project-id': ['HUAWEICLOUD_SDK_PROJECT_ID']
    },
    yunxiao: {
        token: ['YUNXIAO_TOKEN', 'YUNXIAO_ACCESS_TOKEN'],
        'access-key': ['ALIBABA_CLOUD_ACCESS_KEY_ID'],
        'secret-key': ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
        'security-token': ['ALIBABA_CLOUD_SECURITY_TOKEN']
    }
};
/**
 * Settings that are not credentials, from the same tools' variables: the region (Terraform), the
 * IAM endpoint (the SDKs), a Yunxiao region edition's base URL (the DevOps MCP server).
 */
const SETTING_ENV = {
    codearts: { region: ['HW_REGION_NAME'], 'iam-endpoint': ['HUAWEICLOUD_SDK_IAM_ENDPOINT'] },
    yunxiao: { endpoint: ['YUNXIAO_API_BASE_URL'] }
};
/**
 * The SDKs' variable for a service's endpoint in a region: HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION},
 * region in capitals with `_` for `-`. Its value may list backup endpoints after commas; the first is used.
 */
function endpointVariable(region) {
    return `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_${region.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Inputs that sign in: any of them given explicitly turns off the credentials from the environment.
 * (Not iam-project-id: it goes with a key from anywhere.)
 */
const inputs_CREDENTIAL_INPUTS = ['access-key', 'secret-key', 'security-token', 'token', 'username', 'password', 'domain'];
// A secret or a list of variables is small; a bigger file is a wrong path (a log, a device).
const FILE_LIMIT = 1024 * 1024;
/** Every input given, by name; what is not given is left to action.yml's default. */
function resolveInputs(args, env, readFile = readSmallFile) {
    const given = new Map();
    for (const [input, value] of args.values)
        given.set(input, { value, from: `--${input}` });
    for (const [input, path] of args.files) {
        let value;
        try {
            value = readFile(path);
        }
        catch (error) {
            throw new FlagError(`Flag --${input}-file: cannot read ${path}: ${error.message}`);
        }
        // A file written by `echo` or a text editor ends with a line break that is not part of the value.
        value = value.replace(/(\r?\n)+$/, '');
        if (value === '')
            throw new FlagError(`Flag --${input}-file: ${path} is empty`);
        given.set(input, { value, from: `--${input}-file ${path}` });
    }
    const provider = providerOf(given);
    const explicit = inputs_CREDENTIAL_INPUTS.some((input) => given.has(input));
    const fromEnv = (table) => {
        for (const [input, names] of Object.entries(table)) {
            if (given.has(input))
                continue;
            const found = readEnv(env, names);
            if (found !== undefined)
                given.set(input, found);
        }
    };
    if (provider !== undefined && !explicit) {
        // A Yunxiao token is the recommended way in: with one set, an Alibaba Cloud key pair set for other tools is left alone.
        const table = CREDENTIAL_ENV[provider];
        const tokenSet = provider === 'yunxiao' && readEnv(env, table['token']) !== undefined;
        fromEnv(tokenSet ? { token: table['token'] } : table);
    }
    if (provider !== undefined)
        fromEnv(SETTING_ENV[provider]);
    if (provider === 'codearts' && !given.has('endpoint')) {
        const name = endpointVariable(given.get('region')?.value || INPUT_DEFAULTS['region'] || '');
        const first = (env[name] ?? '').split(',')[0].trim();
        if (first !== '')
            given.set('endpoint', { value: first, from: name });
    }
    return given;
}
/** The provider the inputs name (or the default); undefined for a word that is none, which getInputs refuses. */
function providerOf(given) {
    const value = given.get('provider')?.value ?? INPUT_DEFAULTS['provider'];
    return value === 'codearts' || value === 'yunxiao' ? value : undefined;
}
/** The first of `names` that is set; two set to different values is a mistake worth stopping for. */
function readEnv(env, names) {
    const set = names.filter((name) => (env[name] ?? '') !== '');
    if (set.length === 0)
        return undefined;
    const first = set[0];
    const other = set.find((name) => env[name] !== env[first]);
    if (other !== undefined)
        throw new FlagError(`${first} and ${other} are both set, to different values; unset one of them`);
    return { value: env[first], from: first };
}
function readSmallFile(path) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    try {
        const buffer = Buffer.alloc(FILE_LIMIT + 1);
        let size = 0;
        for (let read = -1; read !== 0 && size <= FILE_LIMIT; size += read)
            read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, size, buffer.length - size, null);
        if (size > FILE_LIMIT)
            throw new Error(`larger than ${FILE_LIMIT / 1024} KiB`);
        return buffer.subarray(0, size).toString('utf8');
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./lib/cli/help.js
// --help, made from action.yml's inputs (action-yml.generated.ts), the environment variables the
// command reads and its exit codes: each list has one home, and the help text is built from them.





const WIDTH = 100;
const INDENT = '      ';
const EXIT_MEANINGS = {
    success: 'every run passed (--mode trigger: every run started)',
    failed: 'a run failed',
    badInput: 'a flag, environment variable or file is wrong; nothing was sent',
    credentialsRefused: 'the service refused the credentials; nothing more was sent with them',
    unreachable: 'the service could not be reached, or did not answer, after the retries',
    timedOut: 'the timeout passed before the runs ended (the runs started are stopped)',
    manualGate: 'a run waits for a person, with --on-manual-gate fail',
    cancelled: 'SIGINT or SIGTERM (the runs started are stopped first), or a run cancelled in the console',
    serviceError: 'the service refused a request or gave an answer that cannot be followed'
};
function helpText() {
    const out = [
        `codearts-pipeline ${VERSION}: start Huawei Cloud CodeArts Pipeline (or Alibaba Cloud Yunxiao Flow) runs, wait until they end,`,
        'show why they failed; the exit code says how they ended.',
        '',
        'Usage: codearts-pipeline --project-id ID --pipeline-ids ID[,ID…] [flags]',
        '       codearts-pipeline --provider yunxiao --organization-id ID --pipeline-ids ID [flags]',
        '',
        'Flags (the inputs of the GitHub Action, same names and meanings):'
    ];
    for (const input of INPUT_HELP) {
        const secret = SECRET_INPUTS.includes(input.name);
        const flag = secret
            ? `--${input.name}-file FILE`
            : BOOLEAN_INPUTS.has(input.name)
                ? `--${input.name}[=true|false], --no-${input.name}`
                : `--${input.name} ${LIST_INPUTS.has(input.name) ? 'VALUE (repeatable)' : 'VALUE'}`;
        out.push(`  ${flag}`);
        const notes = [input.description];
        if (input.required)
            notes.push('Required.');
        else if (input.default !== '')
            notes.push(`Default: ${input.default}.`);
        if (secret)
            notes.push(`Not taken as a flag's value: from FILE${envNote(input.name, ' or ')}.`);
        else {
            const env = envNote(input.name, '');
            if (env !== '')
                notes.push(`Also${env}.`);
        }
        out.push(...wrap(notes.join(' '), INDENT));
    }
    out.push('', 'Any input can be read from a file: --<input>-file FILE (a trailing line break is dropped).', 'Credentials set in the environment are used only when no credential is given by a flag or a file.', `CodeArts endpoint: also from ${endpointVariable('{REGION}')}, as the Huawei Cloud SDKs read it.`, '', 'Command options:', '  --json               Print the results as JSON on stdout; the log goes to stderr.', '  --junit FILE         Write JUnit XML: a test suite per run, a test case per job, the failing step’s log in its failure.', '  --summary-file FILE  Write the Markdown summary there (unless --no-summary).', '  --debug              Show requests and answers, with secrets cut out.', '  -h, --help           Show this help.', '  --version            Show the version.', '', 'Output: GitLab collapsible sections when GITLAB_CI is set, plain text elsewhere; colours only on a terminal,', 'never with NO_COLOR.', '', 'Exit codes:');
    for (const [reason, code] of Object.entries(exit_codes/* EXIT */.d))
        out.push(`  ${String(code).padStart(2)}  ${EXIT_MEANINGS[reason]}`);
    return `${out.join('\n')}\n`;
}
/** " from HUAWEICLOUD_SDK_SK or HW_SECRET_KEY (codearts), …" for an input read from the environment. */
function envNote(input, joiner) {
    const parts = ['codearts', 'yunxiao'].flatMap((provider) => {
        const names = CREDENTIAL_ENV[provider][input] ?? SETTING_ENV[provider][input];
        return names ? [`${names.join(' or ')} (${provider})`] : [];
    });
    return parts.length > 0 ? `${joiner} from ${parts.join(', ')}` : '';
}
function wrap(text, indent) {
    const lines = [];
    let current = '';
    for (const word of text.split(/\s+/)) {
        if (current !== '' && indent.length + current.length + 1 + word.length > WIDTH) {
            lines.push(indent + current);
            current = word;
        }
        else
            current = current === '' ? word : `${current} ${word}`;
    }
    if (current !== '')
        lines.push(indent + current);
    return lines;
}
/** What to do instead of a secret flag: its file flag, or the environment variables that carry it. */
function secretAdvice(input) {
    const names = ['codearts', 'yunxiao'].flatMap((provider) => {
        const list = CREDENTIAL_ENV[provider][input];
        return list ? [`${list.join(' or ')} (--provider ${provider})`] : [];
    });
    return `Put it in a file and give --${input}-file FILE${names.length > 0 ? `, or set ${names.join(', or ')} in the environment` : ''}.`;
}

;// CONCATENATED MODULE: ./lib/cli/io.js
// The command's ActionIO: inputs from the flags, files and environment (inputs.ts), outputs and
// state kept in memory (there is no post step: the command stops its own runs before it exits), the
// log through the terminal logger, and the run description naming the GitLab or Jenkins job.




function commandIO(options) {
    const { given, logger } = options;
    const record = { outputs: {} };
    const state = new Map();
    const io = {
        logger,
        readInput: (name) => given.get(name)?.value ?? '',
        setOutput: (name, value) => {
            record.outputs[name] = value;
        },
        setFailed: (message, cause) => {
            record.failure = { message, ...(cause !== undefined && { cause }) };
            logger.error(cause instanceof errors/* InputError */.dz ? `${message} (${whereFrom(cause.input, given)})` : message);
        },
        state: { save: (name, value) => void state.set(name, value), get: (name) => state.get(name) ?? '' },
        origin: () => originFromCi(options.env),
        cancellation: options.cancellation,
        writeSummary: async (markdown) => {
            if (options.summaryFile !== undefined)
                (0,external_node_fs_namespaceObject.writeFileSync)(options.summaryFile, logger.redact(markdown));
        },
        report: (input) => {
            record.report = input;
        }
    };
    return { io, record };
}
/** Where the input named in an error came from, or how to give it: the command's words for an action's input. */
function whereFrom(input, given) {
    const from = given.get(input)?.from;
    if (from !== undefined)
        return `given by ${from}`;
    return `flag --${input}, or --${input}-file FILE${envNote(input, ', or')}`;
}
/**
 * The CI job running the command, for the default run description: GitLab's and Jenkins' own
 * variables (docs/command.md), or the machine's name when neither is there.
 */
function originFromCi(env) {
    const number = (value) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);
    if (env['GITLAB_CI']) {
        const mr = number(env['CI_MERGE_REQUEST_IID']);
        return {
            system: 'GitLab',
            repository: env['CI_PROJECT_PATH'] ?? '',
            sha: env['CI_MERGE_REQUEST_SOURCE_BRANCH_SHA'] || env['CI_COMMIT_SHA'] || '',
            ...(mr !== undefined && { pullRequest: mr }),
            runUrl: env['CI_JOB_URL'] ?? ''
        };
    }
    if (env['JENKINS_URL']) {
        const change = number(env['CHANGE_ID']);
        return {
            system: 'Jenkins',
            repository: env['JOB_NAME'] ?? '',
            sha: env['GIT_COMMIT'] ?? '',
            ...(change !== undefined && { pullRequest: change }),
            runUrl: env['BUILD_URL'] ?? ''
        };
    }
    return { system: 'codearts-pipeline', repository: (0,external_node_os_namespaceObject.hostname)(), sha: '', runUrl: '' };
}

;// CONCATENATED MODULE: ./lib/cli/text.js
// Text from the service, made harmless for a terminal and for the logs of GitLab and Jenkins. A
// terminal obeys escape sequences wherever they appear: they move the cursor, rewrite earlier lines,
// set the window title, write to the clipboard (OSC 52), or draw a link that reads other than it
// points. GitLab reads its collapsible sections from `\e[0Ksection_start:…\r\e[0K`. So every escape
// sequence is removed, and any control character left is shown as `\u00XX` (log/logger.ts inertLine,
// which also keeps a line from reading as a GitHub workflow command, should the command run there).

// CSI (ESC [ … final byte, and its 8-bit form), OSC (ESC ] … BEL or ESC \), the string
// sequences DCS, SOS, PM and APC (ESC P, X, ^, _ … ESC \), and the two-byte sequences ESC + one byte.
const ESCAPES = 
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding escape sequences is the point
/\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?/g;
/** The text without its escape sequences (colours included: they cannot be told apart from the rest safely). */
function stripEscapes(text) {
    return text.replace(ESCAPES, '');
}
/** One line as a terminal or a CI log shows it and never obeys: no escape sequence, no control character but tab. */
function terminalLine(text) {
    return stripEscapes(text).split('\t').map(inertLine).join('\t');
}

;// CONCATENATED MODULE: ./lib/cli/junit.js
// --junit FILE: the runs as JUnit XML, which GitLab (artifacts:reports:junit) and Jenkins (junit)
// show natively. A test suite per run, a test case per job (and per stage entry or exit check), the
// failing step's log in the failure. A run that did not pass always has a failing test case, so the
// report never looks green when the gate is not. The shape meets both common schemas, Jenkins'
// junit-10.xsd and the Ant schema (test/fixtures/junit/, docs/command.md). Text from the service
// is cut free of secrets, loses its terminal escapes and every character XML 1.0 forbids, then is
// escaped.




function renderJunit(input) {
    const x = (text) => escapeXml(input.redact(text));
    const host = (0,external_node_os_namespaceObject.hostname)() || 'localhost';
    const at = timestamp(input.timestamp ?? new Date());
    const suites = [];
    const runs = input.report?.runs ?? [];
    if (runs.length === 0) {
        const outcome = input.failure !== undefined ? { kind: 'error', message: input.failure, type: input.reason } : undefined;
        suites.push(suite('codearts-pipeline', 0, [
            { name: 'codearts-pipeline', classname: 'codearts-pipeline', seconds: 0, ...(outcome && { outcome }) }
        ]));
    }
    for (const [i, run] of runs.entries()) {
        const name = run.result.run_number !== null ? `${run.pipeline} #${run.result.run_number}` : `${run.pipeline} ${run.result.run_id}`;
        suites.push(suite(name, i, testCases(run), run));
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('')}</testsuites>\n`;
    function suite(name, id, cases, run) {
        const count = (kind) => cases.filter((c) => c.outcome?.kind === kind).length;
        const seconds = run?.result.duration_s ?? cases.reduce((sum, c) => sum + c.seconds, 0);
        const started = run?.result.started_at ? new Date(run.result.started_at) : undefined;
        const properties = run
            ? [
                ['pipeline_id', run.result.pipeline_id],
                ['run_id', run.result.run_id],
                ['status', run.result.status],
                ['conclusion', run.result.conclusion],
                ['url', run.result.url]
            ]
            : [['reason', input.reason]];
        return (`  <testsuite name="${x(name) || 'run'}" package="codearts-pipeline" id="${id}" hostname="${x(input.hostname ?? host)}" ` +
            `timestamp="${started && !Number.isNaN(started.getTime()) ? timestamp(started) : at}" tests="${cases.length}" ` +
            `failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${decimal(seconds)}">\n` +
            `    <properties>\n${properties.map(([k, v]) => `      <property name="${k}" value="${x(v ?? '')}"/>\n`).join('')}` +
            '    </properties>\n' +
            cases.map(testCase).join('') +
            '    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n');
    }
    function testCase(c) {
        const open = `    <testcase name="${x(c.name) || 'job'}" classname="${x(c.classname) || 'pipeline'}" time="${decimal(c.seconds)}"`;
        if (c.outcome === undefined)
            return `${open}/>\n`;
        const { kind, message, type, text } = c.outcome;
        const body = text !== undefined ? escapeXml(input.redact(text), false) : '';
        return `${open}>\n      <${kind} message="${x(message)}" type="${x(type)}">${body}</${kind}>\n    </testcase>\n`;
    }
}
/** One test case per job and per gate step; a run without its detail is one test case. */
function testCases(run) {
    const { result, detail } = run;
    const cases = detail ? jobCases(detail, run.pipeline, run.failedLogs, (0,model/* hasEnded */.hY)(detail.state)) : [];
    const failing = cases.some((c) => c.outcome?.kind === 'failure' || c.outcome?.kind === 'error');
    if (result.conclusion !== 'success' && !failing) {
        // The run did not pass and no job shows why (not read, refused before it ran, stopped, timed out).
        const state = result.status || result.conclusion;
        cases.push({
            name: '(run)',
            classname: dotless(run.pipeline),
            seconds: result.duration_s ?? 0,
            outcome: { kind: 'failure', message: `${result.conclusion}: ${state}`, type: state }
        });
    }
    else if (cases.length === 0) {
        cases.push({ name: '(run)', classname: dotless(run.pipeline), seconds: result.duration_s ?? 0 });
    }
    return cases;
}
function jobCases(detail, pipeline, logs, runEnded) {
    return detail.stages.flatMap((stage) => {
        const classname = `${dotless(pipeline)}.${dotless(stage.name)}`;
        const where = { classname, stage: stage.name, logs, runEnded };
        const gate = (label) => (step) => nodeCase(`${label} ${step.name}`, step, [step], label, where);
        return [
            ...stage.pre.map(gate(report_failures/* ENTRY_CHECK */.Qp)),
            ...stage.jobs.map((job) => nodeCase(job.name, job, job.steps, job.name, where)),
            ...stage.post.map(gate(report_failures/* EXIT_CHECK */.Ai))
        ];
    });
}
function nodeCase(name, node, steps, jobName, where) {
    const { classname, stage: stageName, logs } = where;
    const seconds = node.startedAt && node.finishedAt ? Math.max(0, (node.finishedAt.getTime() - node.startedAt.getTime()) / 1000) : 0;
    const base = { name, classname, seconds };
    switch (node.state) {
        case 'success':
            return base;
        case 'skipped':
            return { ...base, outcome: { kind: 'skipped', message: node.status, type: node.status } };
        case 'cancelled':
            return { ...base, outcome: { kind: 'skipped', message: `cancelled (${node.status})`, type: node.status } };
        case 'running':
        case 'manual':
            // In a run that has ended, a job still at its first status never ran; in one that has not, it was cut short.
            if (where.runEnded)
                return { ...base, outcome: { kind: 'skipped', message: `did not run (${node.status})`, type: node.status } };
            return { ...base, outcome: { kind: 'error', message: `still ${node.status} when the command ended`, type: node.status } };
    }
    // Failed: each failed step's message and the last lines of its log, as the log printed them.
    const failed = steps.filter((s) => s.state === 'failure');
    const parts = failed.map((step) => {
        const log = logs.find((l) => l.failure.stage === stageName && l.failure.job === jobName && l.failure.step === step.name);
        const tail = log?.tail ? `\n${log.tail.lines.join('\n')}` : '';
        return `${step.name}: ${step.message ?? node.message ?? step.status}${tail}`;
    });
    const message = failed.length > 0 ? failed.map((s) => `${s.name}: ${s.message ?? s.status}`).join('; ') : (node.message ?? node.status);
    return { ...base, outcome: { kind: 'failure', message, type: node.status, text: parts.join('\n\n') || message } };
}
/** A name without dots, so that Jenkins does not read them as package levels. */
function dotless(name) {
    return name.replace(/\./g, '_');
}
// Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets), less DEL and the C1 controls it
// discourages, which a terminal showing the file would obey; lone surrogates are not among them.
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/**
 * Text for an XML attribute (or element): no terminal escapes, no forbidden characters, markup
 * escaped. In an attribute a parser would turn tabs and line breaks into spaces, so they are
 * written as character references; a carriage return, which a parser drops, always is.
 */
function escapeXml(text, attribute = true) {
    const escaped = stripEscapes(text)
        .replace(NOT_XML, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\r/g, '&#13;');
    return attribute ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
}
/** The schema's form: seconds, no time zone (the Ant schema allows none). UTC. */
function timestamp(date) {
    return date.toISOString().slice(0, 19);
}
function decimal(seconds) {
    // A remote number can be any size; toFixed writes 1e21 and above in exponent form, which no schema takes.
    return Number.isFinite(seconds) && seconds >= 0 && seconds < 1e15 ? seconds.toFixed(3) : '0.000';
}

;// CONCATENATED MODULE: ./lib/cli/logger.js
// The command's Logger: the same calls as the runner's (log/logger.ts), printed for a terminal, a
// GitLab job log or a Jenkins console. There is no log masker outside GitHub, so every line is
// cut free of the secrets registered so far before it is printed, and every line is made inert
// (text.ts): remote text can neither drive the terminal nor open or close a GitLab section.




const STYLE = { bold: '1', red: '31', yellow: '33', cyan: '36', dim: '2' };
function terminalLogger(options) {
    const secrets = new redact/* SecretSet */.rE();
    const now = options.now ?? (() => Math.floor(Date.now() / 1000));
    const drain = options.drain ?? log_drain/* NEVER_FULL */.b;
    const sections = [];
    let sectionCount = 0;
    // Redacted first (a secret is matched in the text as it came), then made inert.
    const safe = (text) => terminalLine((0,redact/* redactText */.Rd)(text, secrets));
    const style = (name, text) => (options.color ? `\u001b[${STYLE[name]}m${text}\u001b[0m` : text);
    const line = (text) => options.write(`${text}\n`);
    const lines = (prefix, message) => {
        const [first = '', ...rest] = message.split(/\r?\n/);
        line(`${prefix}${safe(first)}`);
        for (const more of rest)
            line(`  ${safe(more)}`);
    };
    return {
        debug: (m) => {
            if (options.debug)
                line(style('dim', `debug: ${safe(cut((0,redact/* redactText */.Rd)(m, secrets), DEBUG_LINE))}`));
        },
        info: (m) => line(safe(m)),
        notice: (m) => lines(`${style('cyan', 'notice:')} `, m),
        warning: (m, p) => lines(`${style('yellow', 'warning:')} ${p?.title ? `${safe(p.title)}: ` : ''}`, m),
        // With a title it is an annotation, whose last log lines the group above has printed already: its first paragraph is enough.
        error: (m, p) => lines(`${style('red', 'error:')} ${p?.title ? `${safe(p.title)}: ` : ''}`, p?.title ? m.split(/\r?\n\r?\n/)[0] : m),
        startGroup: (title) => {
            if (!options.gitlab)
                return line(style('bold', `==> ${safe(title)}`));
            // GitLab's own marker (docs/command.md): only our code writes the escape and carriage return it needs.
            const name = `codearts_pipeline_${++sectionCount}`;
            sections.push(name);
            line(`\u001b[0Ksection_start:${now()}:${name}[collapsed=true]\r\u001b[0K${style('bold', safe(title))}`);
        },
        endGroup: () => {
            const name = sections.pop();
            if (options.gitlab && name !== undefined)
                line(`\u001b[0Ksection_end:${now()}:${name}\r\u001b[0K`);
        },
        verbatim: async (remote) => {
            const indent = options.gitlab ? '' : '    ';
            for (const text of remote) {
                line(`${indent}${safe(text)}`);
                const full = drain();
                if (full !== undefined)
                    await full;
            }
        },
        secret: (value) => {
            secrets.add(value);
        },
        isDebug: () => options.debug,
        redact: (text) => (0,redact/* redactText */.Rd)(text, secrets)
    };
}

;// CONCATENATED MODULE: ./lib/cli/transport.js
// How the command's requests leave. Like the action, it sends them with Node's own fetch and turns
// Node's proxy support on when HTTPS_PROXY or HTTP_PROXY is set (net/proxy.ts). The command also
// runs on Node 20 and 22, whose fetch cannot be given a proxy at run time: there, and only when a
// proxy is named, it sends through undici's fetch and proxy agent instead, which honour the same
// variables and NO_PROXY. undici is then read from a chunk of its own (dist/cli/), so a command
// without a proxy loads no more than the action does, and the action's bundle holds no undici at all.

async function commandTransport(env, nodeProxy = useProxyFromEnv) {
    const setup = nodeProxy(env);
    if (setup.kind === 'none')
        return { restore: setup.restore, how: 'directly (no proxy variable is set)' };
    if (setup.kind === 'node')
        return { restore: setup.restore, how: `through the proxy ${setup.variable} names (Node's own support)` };
    const { EnvHttpProxyAgent, fetch } = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19));
    // Given explicitly, so that the command reads the environment it was handed, as it does for everything else.
    const dispatcher = new EnvHttpProxyAgent({
        httpProxy: env['http_proxy'] || env['HTTP_PROXY'] || '',
        httpsProxy: env['https_proxy'] || env['HTTPS_PROXY'] || '',
        noProxy: env['no_proxy'] || env['NO_PROXY'] || ''
    });
    return {
        // undici's Request and Response are the ones Node's fetch is built on; only their TypeScript types differ.
        transport: (url, init) => fetch(url, { ...init, dispatcher }),
        restore: () => void dispatcher.close(),
        how: `through the proxy ${setup.variable} names (undici: Node ${process.version} cannot apply one to its fetch)`
    };
}

;// CONCATENATED MODULE: ./lib/cli/command.js
// The command from its arguments to its exit code: flags, files and environment become inputs,
// then the action's own run() does the work through the command's IO; afterwards the results are
// written as JSON and JUnit XML when asked for, and the exit code says how it all ended.











async function command_command(argv, env, terminal, cancellation, tuning) {
    const json = argv.includes('--json');
    const color = (tty) => tty && (env['NO_COLOR'] ?? '') === '';
    const drain = json ? terminal.stderrDrain : terminal.stdoutDrain;
    const logger = terminalLogger({
        write: json ? terminal.stderr : terminal.stdout,
        ...(drain !== undefined && { drain }),
        color: color(json ? terminal.stderrIsTTY : terminal.stdoutIsTTY),
        gitlab: (env['GITLAB_CI'] ?? '') !== '',
        debug: argv.includes('--debug')
    });
    // Which build on which Node: the first thing to know about a report.
    logger.debug(`codearts-pipeline ${VERSION} on Node ${process.version}`);
    let given;
    let options;
    try {
        const args = parseArgs(argv, secretAdvice);
        options = args.options;
        if (options.help) {
            terminal.stdout(helpText());
            return exit_codes/* EXIT */.d.success;
        }
        if (options.version) {
            terminal.stdout(`${VERSION}\n`);
            return exit_codes/* EXIT */.d.success;
        }
        given = resolveInputs(args, env);
    }
    catch (error) {
        if (!(error instanceof FlagError))
            throw error;
        logger.error(error.message);
        if (json)
            terminal.stdout(`${JSON.stringify({ conclusion: 'failure', exit_code: exit_codes/* EXIT */.d.badInput, reason: 'badInput', message: error.message, results: [] })}\n`);
        return exit_codes/* EXIT */.d.badInput;
    }
    const { io, record } = commandIO({
        given,
        logger,
        env,
        cancellation,
        ...(options.summaryFile !== undefined && { summaryFile: options.summaryFile })
    });
    if (tuning)
        io.tuning = tuning;
    const transport = await commandTransport(env);
    if (transport.transport)
        io.transport = transport.transport;
    logger.debug(`Requests go ${transport.how}.`);
    const onCancel = () => logger.info(`Received ${String(cancellation.reason ?? 'a stop signal')}: stopping the runs this command started.`);
    cancellation.addEventListener('abort', onCancel, { once: true });
    try {
        await run(io);
    }
    finally {
        cancellation.removeEventListener('abort', onCancel);
        transport.restore();
    }
    const reason = (0,exit_codes/* exitReason */.J)({ conclusion: record.outputs['conclusion'], cause: record.failure?.cause, report: record.report });
    if (options.junit !== undefined)
        writeJunit(options.junit, record, reason, logger);
    if (options.json)
        terminal.stdout(`${JSON.stringify(jsonResult(record, reason, logger))}\n`);
    return exit_codes/* EXIT */.d[reason];
}
function writeJunit(path, record, reason, logger) {
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)(path, renderJunit({
            ...(record.report && { report: record.report }),
            ...(record.failure && { failure: record.failure.message }),
            reason,
            redact: (text) => logger.redact(text)
        }));
    }
    catch (error) {
        logger.warning(`Could not write the JUnit report to ${path}: ${error.message}`);
    }
}
/** The results output with the exit code and its reason; every string cut free of secrets. */
function jsonResult(record, reason, logger) {
    let results = [];
    try {
        results = JSON.parse(record.outputs['results'] ?? '[]');
    }
    catch {
        results = [];
    }
    return redactStrings({
        conclusion: record.outputs['conclusion'] ?? 'failure',
        exit_code: exit_codes/* EXIT */.d[reason],
        reason,
        message: record.failure?.message ?? null,
        run_ids: (record.outputs['run-ids'] ?? '').split(',').filter((id) => id !== ''),
        results
    }, logger);
}
function redactStrings(value, logger) {
    if (typeof value === 'string')
        return logger.redact(value);
    if (Array.isArray(value))
        return value.map((v) => redactStrings(v, logger));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, logger)]));
    }
    return value;
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ exitReason),
/* harmony export */   d: () => (/* binding */ EXIT)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(452);
// The command's exit codes: one per ending a script may want to branch on (README, "Exit codes").
// The step's conclusion says how the runs ended; the error that ended the step, if one did, says
// why the command could not follow them to their end.

const EXIT = {
    /** Every run passed (mode trigger: every run started). */
    success: 0,
    /** A run failed. */
    failed: 1,
    /** A flag, an environment variable or a file is wrong; nothing was sent. */
    badInput: 2,
    /** The service refused the credentials; nothing more was sent with them. */
    credentialsRefused: 3,
    /** The service could not be reached, or did not answer, after the retries. */
    unreachable: 4,
    /** The timeout passed before the runs ended. */
    timedOut: 5,
    /** A run waits for a person (a manual gate) and on-manual-gate is fail. */
    manualGate: 6,
    /** Cancelled: SIGINT or SIGTERM, or a run cancelled in the console. */
    cancelled: 7,
    /** The service refused a request, or answered what cannot be followed (the message says which). */
    serviceError: 8
};
function exitReason({ conclusion, cause, report }) {
    if (cause !== undefined)
        return causeReason(cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StartRefusedError */ .Zy ? cause.cause : cause);
    switch (conclusion) {
        case 'success':
            return 'success';
        case 'cancelled':
            return 'cancelled';
        case 'timed_out':
            return 'timedOut';
    }
    // A failure: only a manual gate, when every unsuccessful run is one waiting for a person.
    const unsuccessful = report?.runs.filter((run) => run.result.conclusion !== 'success') ?? [];
    if (unsuccessful.length > 0 && unsuccessful.every((run) => run.state === 'manual'))
        return 'manualGate';
    return 'failed';
}
function causeReason(cause) {
    if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
        return 'badInput';
    // No answer showed the key was accepted: the service did not answer, rather than refuse.
    if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UnconfirmedKeyError */ .GM)
        return 'unreachable';
    if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsRefusedError */ .TW)
        return 'credentialsRefused';
    if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .wX || cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OutcomeUnknownError */ .Do)
        return 'unreachable';
    if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AbortedError */ .oM)
        return cause.reason === 'timeout' ? 'timedOut' : 'cancelled';
    return 'serviceError';
}


/***/ }),

/***/ 518:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _log_drain_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5324);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2019);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(535);
// Entry point of dist/cli/index.js, the `codearts-pipeline` command. SIGINT and SIGTERM abort the
// work the way the runner's cancel does: the runs this command started are stopped, then it exits
// with the cancelled code. A second signal exits at once, without waiting for the stops.



const cancellation = new AbortController();
// SIGBREAK: Ctrl+Break on Windows, as the runner sends it (action/io.ts).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK']) {
    process.on(signal, () => {
        if (!cancellation.signal.aborted)
            return cancellation.abort(signal);
        process.stderr.write(`Received ${signal} again: exiting without waiting for the runs to stop.\n`);
        process.exit(_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .d.cancelled);
    });
}
process.exitCode = await (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G)(process.argv.slice(2), process.env, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutDrain: (0,_log_drain_js__WEBPACK_IMPORTED_MODULE_2__/* .streamDrain */ .Z)(process.stdout),
    stderrDrain: (0,_log_drain_js__WEBPACK_IMPORTED_MODULE_2__/* .streamDrain */ .Z)(process.stderr)
}, cancellation.signal);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ OutcomeUnknownError),
/* harmony export */   GM: () => (/* binding */ UnconfirmedKeyError),
/* harmony export */   Hi: () => (/* binding */ RemoteError),
/* harmony export */   Rb: () => (/* binding */ PreconditionError),
/* harmony export */   TW: () => (/* binding */ CredentialsRefusedError),
/* harmony export */   U6: () => (/* binding */ UnnamedRunError),
/* harmony export */   Zy: () => (/* binding */ StartRefusedError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   f7: () => (/* binding */ MalformedResponseError),
/* harmony export */   lQ: () => (/* binding */ RunNotFoundError),
/* harmony export */   oM: () => (/* binding */ AbortedError),
/* harmony export */   wX: () => (/* binding */ TransportError),
/* harmony export */   zT: () => (/* binding */ isExplained)
/* harmony export */ });
// Errors the action reports to users. Each carries a message that is already a complete sentence for
// the job log, so the top level prints `error.message` and never a stack trace.
/** A bad input: names the input and says how to fix it. Thrown before any request is sent. */
class InputError extends Error {
    input;
    constructor(input, problem) {
        super(`Input '${input}': ${problem}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/** The remote API answered with an error: its code and message, and what to do about it. */
class RemoteError extends Error {
    httpStatus;
    code;
    remoteMessage;
    /** `action` says what we were doing, e.g. "starting pipeline 3f2a…"; `hint` what to do about it. */
    constructor(action, httpStatus, code, remoteMessage, options = {}) {
        const id = options.requestId ? ` (request ${options.requestId})` : '';
        super(`${action} failed: HTTP ${httpStatus} ${code}: ${remoteMessage}${id}${options.hint ? `. ${options.hint}` : ''}`);
        this.name = 'RemoteError';
        this.httpStatus = httpStatus;
        this.code = code;
        this.remoteMessage = remoteMessage;
    }
}
/**
 * The service says a run does not exist. Right after a start, a service whose lists and records lag
 * behind may say so of the run it has just made; later, it means a wrong run ID.
 */
class RunNotFoundError extends RemoteError {
    constructor(cause) {
        super('', cause.httpStatus, cause.code, cause.remoteMessage);
        this.message = cause.message;
        this.name = 'RunNotFoundError';
    }
}
/**
 * The service refused our credentials. Nothing more is sent with them in this job: Huawei Cloud
 * locks an access key after five refused signatures in a row.
 */
class CredentialsRefusedError extends RemoteError {
    constructor(action, httpStatus, code, remoteMessage, hint, requestId) {
        super(action, httpStatus, code, remoteMessage, { hint, ...(requestId && { requestId }) });
        this.name = 'CredentialsRefusedError';
    }
}
/**
 * The service refused a start request itself (not a read made to prepare it): the runs started
 * before it by this step were meant to go with it, so they are stopped.
 */
class StartRefusedError extends Error {
    cause;
    constructor(cause) {
        super(cause.message);
        this.name = 'StartRefusedError';
        this.cause = cause;
    }
}
/**
 * Requests signed with a key got no answer that shows the key was accepted, as many times as a
 * hidden refusal may be risked: treated like a refusal, so nothing more is sent with the key.
 */
class UnconfirmedKeyError extends CredentialsRefusedError {
    constructor(action, message) {
        super(action, 0, 'NoConfirmedAnswer', '', '');
        this.message = `${action} failed: ${message}`;
        this.name = 'UnconfirmedKeyError';
    }
}
/**
 * The request may or may not have reached the server (a timeout or a reset after it was sent).
 * For a request that is not safe to repeat, such as starting a run, the caller must find out
 * what happened before trying again.
 */
class OutcomeUnknownError extends Error {
    constructor(action, cause) {
        super(`${action}: no answer (${cause}); the request may or may not have taken effect`);
        this.name = 'OutcomeUnknownError';
    }
}
/** The server could not be reached, or kept failing, until retries or the deadline ran out. */
class TransportError extends Error {
    /** False when trying again cannot help (a host name that does not resolve). */
    transient;
    constructor(action, cause, transient = true) {
        super(`${action} failed: ${cause}`);
        this.name = 'TransportError';
        this.transient = transient;
    }
}
/** The wait was cut short: by the action's own timeout or by the job being cancelled. */
class AbortedError extends Error {
    reason;
    constructor(reason) {
        super(reason === 'timeout' ? 'the timeout passed' : 'the job was cancelled');
        this.name = 'AbortedError';
        this.reason = reason;
    }
}
/** The service answered, and the answer means the action cannot go on (a pipeline that never ran, say). */
class PreconditionError extends Error {
    constructor(action, problem) {
        super(`${action}: ${problem}`);
        this.name = 'PreconditionError';
    }
}
/** A response that does not have the shape the API documents. */
class MalformedResponseError extends Error {
    constructor(action, problem) {
        super(`${action}: unexpected response (${problem})`);
        this.name = 'MalformedResponseError';
    }
}
/**
 * The service says it made a run (a queued start) but not which: it exists for certain, so it is
 * looked for, and never started again.
 */
class UnnamedRunError extends MalformedResponseError {
    constructor(action, problem) {
        super(action, problem);
        this.name = 'UnnamedRunError';
    }
}
/** Worth trying again later: the service was unreachable, overloaded or answered nonsense. */
function isTransient(error) {
    if (error instanceof TransportError)
        return error.transient;
    if (error instanceof MalformedResponseError)
        return true;
    return (error instanceof RemoteError && !(error instanceof CredentialsRefusedError) && (error.httpStatus >= 500 || error.httpStatus === 429));
}
/** Errors whose message is the whole story; anything else is a bug, and its stack is worth printing. */
function isExplained(error) {
    return [
        InputError,
        RemoteError,
        StartRefusedError,
        OutcomeUnknownError,
        TransportError,
        AbortedError,
        PreconditionError,
        MalformedResponseError
    ].some((kind) => error instanceof kind);
}


/***/ }),

/***/ 5324:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ streamDrain),
/* harmony export */   b: () => (/* binding */ NEVER_FULL)
/* harmony export */ });
// Back-pressure on the log. A write to stdout that the pipe cannot take at once is queued in memory
// (on macOS runners, and anywhere stdout is asynchronous), so printing a long log without waiting
// would queue all of it. Printing many lines waits here for the output to drain instead.
function streamDrain(stream) {
    return () => {
        if (!stream.writableNeedDrain)
            return undefined;
        return new Promise((resolve) => {
            const done = () => {
                stream.off('drain', done);
                stream.off('close', done);
                stream.off('error', done);
                resolve();
            };
            stream.once('drain', done);
            stream.once('close', done);
            stream.once('error', done);
        });
    };
}
/** For an output that never asks to wait (a string in a test, a file written synchronously). */
const NEVER_FULL = () => undefined;


/***/ }),

/***/ 1789:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   cA: () => (/* binding */ redactHeaders),
/* harmony export */   eh: () => (/* binding */ isSecretName),
/* harmony export */   rE: () => (/* binding */ SecretSet),
/* harmony export */   sx: () => (/* binding */ redactBody)
/* harmony export */ });
/* unused harmony exports PREVIEW_LIMIT, preview */
// What must never be printed, and the bounded printer for anything that came from the wire.
//
// Two nets, because each misses something. The runner masks the values registered with it
// (`::add-mask::`), but a signature or a freshly minted token may be printed before it is
// registered, and a value the runner does not know of is printed as is. So debug output also cuts
// out, by itself, every header and field that authenticates, every value registered so far, and the
// value of every run variable whose name says it is secret.
/** Values registered as secret, in the forms they take when embedded in JSON or a URL. */
class SecretSet {
    values = new Set();
    forms = [];
    /**
     * Registers a value; returns what to hand to the runner's masker: the value and, for a value of
     * several lines, each line (the runner matches a secret within one line of output).
     */
    add(value) {
        const parts = [value, ...value.split(/\r?\n/).filter((l) => l.trim().length >= 4)].filter((v, i, all) => v !== '' && all.indexOf(v) === i);
        const fresh = parts.filter((v) => !this.values.has(v));
        for (const v of fresh)
            this.values.add(v);
        if (fresh.length > 0) {
            const forms = new Set();
            for (const v of this.values) {
                for (const f of [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)])
                    forms.add(f);
            }
            // Longest first, so that a secret containing another is cut whole.
            this.forms = [...forms].sort((a, b) => b.length - a.length);
        }
        return fresh;
    }
    /** Every registered form, longest first. */
    all() {
        return this.forms;
    }
}
function redactText(text, secrets) {
    let out = text;
    for (const form of secrets.all())
        if (form !== '' && out.includes(form))
            out = out.split(form).join('***');
    return out;
}
const SECRET_HEADERS = new Set([
    'authorization',
    'x-auth-token',
    'x-subject-token',
    'x-security-token',
    'x-yunxiao-token',
    'x-acs-security-token',
    'cookie',
    'set-cookie'
]);
// Field names whose values authenticate, in request and response bodies.
const SECRET_KEY = /pass(word)?|secret|token|credential|signature|^access$|^securitytoken$/i;
// Run variables: a name that says secret hides its value from the summary and from debug output.
const SECRET_NAME = /pass|secret|token|key|credential|auth|cookie|session|private|cert/i;
/** Whether a run variable's name says that its value is secret. */
function isSecretName(name) {
    return SECRET_NAME.test(name);
}
function redactHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined)
            continue;
        out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[redacted]' : String(value);
    }
    return out;
}
/** How much of an answer a debug line shows before the logger cuts it (after cutting out secrets). */
const PREVIEW_LIMIT = 64 * 1024;
/**
 * A request or response body for the debug log: JSON (also JSON inside a string field, and a form
 * field holding JSON, as the Yunxiao start request has) with secret fields replaced, cut to
 * `limit` characters; anything else is shown only by its size.
 */
function redactBody(body, parsed, limit = PREVIEW_LIMIT) {
    if (body === '')
        return '';
    let value = parsed;
    if (value === undefined) {
        value = parseLoose(body);
        if (value === undefined) {
            const form = formFields(body);
            if (form === undefined)
                return `[${body.length} characters, not JSON]`;
            value = form;
        }
    }
    return preview(redactValue(value, 0, ''), limit);
}
function parseLoose(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** `a=1&b=2` as an object, when the body looks like a form. */
function formFields(body) {
    if (!/^[\w.%-]+=[^&]*(&[\w.%-]+=[^&]*)*$/.test(body.trim()))
        return undefined;
    return Object.fromEntries([...new URLSearchParams(body)].map(([k, v]) => [k, parseLoose(v) ?? v]));
}
const MAX_DEPTH = 16;
function redactValue(value, depth, parentKey) {
    if (depth > MAX_DEPTH)
        return '…';
    if (typeof value === 'string') {
        // JSON inside a string (the Yunxiao `params` field): redact inside it too.
        if (/^\s*[[{]/.test(value)) {
            const inner = parseLoose(value);
            if (inner !== undefined)
                return redactValue(inner, depth + 1, parentKey);
        }
        return value;
    }
    if (Array.isArray(value))
        return value.map((v) => redactValue(v, depth + 1, parentKey));
    if (typeof value !== 'object' || value === null)
        return value;
    const entries = Object.entries(value);
    // `{name: "DB_PASSWORD", value: "…"}` (CodeArts) or `{key: …, value: …}` (Yunxiao globalParams).
    const named = entries.find(([k]) => k === 'name' || k === 'key')?.[1];
    const hideValue = typeof named === 'string' && isSecretName(named);
    const out = {};
    for (const [key, v] of entries) {
        // `envs: {DB_PASSWORD: "…"}`: the Yunxiao shape, where the key is the variable's name.
        const secret = SECRET_KEY.test(key) || (parentKey === 'envs' && isSecretName(key)) || (hideValue && key === 'value');
        out[key] = secret ? '[redacted]' : redactValue(v, depth + 1, key);
    }
    return out;
}
/**
 * JSON text of a value from the wire, bounded in depth and in length: a service can answer with
 * thousands of nested levels (JSON.stringify would overflow the stack) or with megabytes.
 */
function preview(value, limit = 2_000) {
    const out = [];
    let length = 0;
    const push = (s) => {
        out.push(s);
        length += s.length;
        return length <= limit;
    };
    const walk = (v, depth) => {
        if (v === null || typeof v === 'number' || typeof v === 'boolean')
            return push(String(v));
        if (typeof v === 'string')
            return push(JSON.stringify(v.length > limit ? `${v.slice(0, limit)}…` : v));
        if (typeof v !== 'object')
            return push('null');
        if (depth >= MAX_DEPTH)
            return push(Array.isArray(v) ? '[…]' : '{…}');
        if (Array.isArray(v)) {
            if (!push('['))
                return false;
            for (let i = 0; i < v.length; i++)
                if ((i > 0 && !push(',')) || !walk(v[i], depth + 1))
                    return false;
            return push(']');
        }
        if (!push('{'))
            return false;
        let first = true;
        for (const [k, item] of Object.entries(v)) {
            if ((!first && !push(',')) || !push(`${JSON.stringify(k)}:`) || !walk(item, depth + 1))
                return false;
            first = false;
        }
        return push('}');
    };
    const complete = walk(value, 0);
    const text = out.join('');
    return complete && text.length <= limit ? text : `${text.slice(0, limit)}… [cut]`;
}


/***/ }),

/***/ 9814:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hY: () => (/* binding */ hasEnded),
/* harmony export */   mO: () => (/* binding */ isDetail),
/* harmony export */   r7: () => (/* binding */ runKey)
/* harmony export */ });
// The provider-neutral picture of a pipeline run. Providers translate their API's shapes into these
// types, so the wait loop and the reports never see a CodeArts or Yunxiao field name.
/**
 * Whether a run (or a stage, job or step) has ended: success, failure or cancelled. The one rule for
 * "is it over?"; a manual gate is not over (`on-manual-gate` decides whether to wait on it).
 */
function hasEnded(state) {
    return state === 'success' || state === 'failure' || state === 'cancelled';
}
/**
 * A run's identity. Run IDs are unique only within their pipeline on some services (Yunxiao numbers
 * each pipeline's runs 1, 2, 3…), so anything kept per run is kept under this key.
 */
function runKey(run) {
    return `${run.pipelineId}/${run.runId}`;
}
/** Whether a snapshot is a full detail (stages carry jobs and steps). */
function isDetail(snapshot) {
    return snapshot.stages.every((stage) => 'pre' in stage);
}


/***/ }),

/***/ 1303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient),
  my: () => (/* binding */ NOT_SENT_CODES),
  Vs: () => (/* binding */ retryAfterMs),
  Rn: () => (/* binding */ retryLine),
  UA: () => (/* binding */ snippet)
});

// UNUSED EXPORTS: DEFAULT_RETRY, MAX_BODY_BYTES, fetchFailure

// EXTERNAL MODULE: ./lib/errors.js
var errors = __nccwpck_require__(452);
// EXTERNAL MODULE: ./lib/log/redact.js
var redact = __nccwpck_require__(1789);
// EXTERNAL MODULE: ./lib/sleep.js
var sleep = __nccwpck_require__(3424);
// EXTERNAL MODULE: ./lib/net/json.js
var json = __nccwpck_require__(9185);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: ./lib/net/node-transport.js
// How the action's requests leave: Node's own http.request, answered as a fetch Response so the
// client reads every transport alike. Not global fetch: over the thousand requests of a 100 MB log,
// fetch's garbage grew the step's memory by about 100 MB against about 60 MB this way (npm run
// bench, memory rows), at the same speed or better. Like fetch, it never follows a redirect, and
// it goes through a proxy once Node's proxy support is on (http.setGlobalProxyFromEnv, see proxy.ts).



function nodeTransport(url, init) {
    return new Promise((resolve, reject) => {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_namespaceObject.request : external_node_http_.request;
        // The agent is named, read from the module itself at each request: turning the proxy on replaces
        // the module's globalAgent, which a request that names none does not see.
        const agent = process.getBuiltinModule(secure ? 'node:https' : 'node:http').globalAgent;
        const headers = init.headers;
        const options = { method: init.method, headers, agent, signal: init.signal ?? undefined };
        const request = send(url, options, (answer) => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(answer.headers)) {
                if (value !== undefined)
                    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            resolve(new Response(external_node_stream_.Readable.toWeb(answer), { status: answer.statusCode ?? 0, headers }));
        });
        request.on('error', reject);
        request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

;// CONCATENATED MODULE: ./lib/net/http.js
// The one HTTP client. It owns timeouts, retries and debug output, and knows nothing of any cloud:
// providers give it a request and an `authorize` hook and get back status, headers and text.





// Gateways answer these when busy or restarting; a later try may well succeed.
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
// Errors raised before a single byte of the request left: the server cannot have acted on it.
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'UND_ERR_CONNECT_TIMEOUT',
    'EHOSTUNREACH',
    'ENETUNREACH'
]);
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };
// A Retry-After longer than this is not waited for in full: a wait that long is better spent
// failing with the service's own words (the step's deadline bounds every wait anyway).
const RETRY_AFTER_CAP_MS = 5 * 60_000;
// No answer the action needs is this large (a log page is about 1,000 lines); a larger one is refused
// rather than held in memory.
const MAX_BODY_BYTES = 32 * 1024 * 1024;
class HttpClient {
    transport;
    retry;
    requestTimeoutMs;
    random;
    options;
    constructor(options) {
        this.options = options;
        // Node's http.request goes through the module's global agent, which a proxy set up at run time replaces (net/proxy.ts).
        this.transport = options.transport ?? nodeTransport;
        this.retry = options.retry ?? DEFAULT_RETRY;
        this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
        this.random = options.random ?? Math.random;
    }
    async send(req, authorize, gate) {
        const { logger } = this.options;
        for (let attempt = 1;; attempt++) {
            this.throwIfAborted();
            const headers = { ...req.headers, ...(authorize ? await authorize(req) : {}) };
            logger.debug(`→ ${req.method} ${req.url.href} (attempt ${attempt})`);
            if (logger.isDebug()) {
                logger.debug(`  headers ${JSON.stringify((0,redact/* redactHeaders */.cA)(headers))}`);
                if (req.body)
                    logger.debug(`  body ${(0,redact/* redactBody */.sx)(req.body)}`);
            }
            const started = Date.now();
            let outcome;
            try {
                outcome = { response: gate ? await gate.exchange(req.action, () => this.once(req, headers)) : await this.once(req, headers) };
                if (req.expectJson && outcome.response.status < 300 && outcome.response.json === undefined) {
                    outcome = {
                        failure: `HTTP ${outcome.response.status} with a body that is not JSON: ${snippet(outcome.response.body)}`,
                        sent: true
                    };
                }
            }
            catch (error) {
                // The gate refuses to send after the credentials were refused: that is final, not a network fault.
                if (error instanceof errors/* CredentialsRefusedError */.TW)
                    throw error;
                this.throwIfAborted();
                outcome = describeFailure(error, req.url);
            }
            const last = attempt >= this.retry.attempts;
            if ('response' in outcome) {
                const { response } = outcome;
                logger.debug(`← ${response.status} ${req.method} ${req.url.pathname} in ${Date.now() - started} ms`);
                if (logger.isDebug())
                    logger.debug(`  body ${(0,redact/* redactBody */.sx)(response.body, response.json)}`);
                if (!RETRYABLE_STATUS.has(response.status) || req.settles?.(response))
                    return response;
                if (!req.idempotent && response.status !== 429) {
                    throw new errors/* OutcomeUnknownError */.Do(req.action, `HTTP ${response.status}`);
                }
                if (last)
                    return response;
                const wait = retryAfterMs(response.headers['retry-after']) ?? this.backoff(attempt);
                await this.pause(req, attempt, wait, `HTTP ${response.status}`);
                continue;
            }
            logger.debug(`✗ ${req.method} ${req.url.pathname}: ${outcome.failure}`);
            if (outcome.final)
                throw new errors/* TransportError */.wX(req.action, outcome.failure, false);
            if (!req.idempotent && outcome.sent)
                throw new errors/* OutcomeUnknownError */.Do(req.action, outcome.failure);
            if (last)
                throw new errors/* TransportError */.wX(req.action, `${outcome.failure} (after ${attempt} tries)`);
            await this.pause(req, attempt, this.backoff(attempt), outcome.failure);
        }
    }
    async pause(req, attempt, ms, why) {
        this.options.logger.info(retryLine(req.action, attempt + 1, this.retry.attempts, ms, why));
        await (0,sleep/* sleep */.y)(ms, this.options.signal());
    }
    async once(req, headers) {
        const signal = AbortSignal.any([this.options.signal(), AbortSignal.timeout(this.requestTimeoutMs)]);
        let res;
        try {
            // A redirect is answered as it is: following it would send the signed request somewhere it was not signed for.
            res = await this.transport(req.url, { method: req.method, headers, body: req.body ?? null, signal, redirect: 'manual' });
        }
        catch (error) {
            throw fetchFailure(error);
        }
        const body = await readBounded(res.body, this.options.maxBodyBytes ?? MAX_BODY_BYTES);
        // fetch's Headers are lower-case already, and join a repeated header with ", ".
        const flat = {};
        res.headers.forEach((value, name) => {
            flat[name] = value;
        });
        const response = { status: res.status, headers: flat, body };
        if (req.expectJson) {
            const parsed = body.trim() === '' ? { ok: true, value: {} } : (0,json/* parseJson */.qF)(body);
            if (parsed.ok)
                response.json = parsed.value;
        }
        return response;
    }
    /** Exponential, with jitter so that many runners retrying at once spread out. */
    backoff(attempt) {
        const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    }
    throwIfAborted() {
        const signal = this.options.signal();
        if (signal.aborted)
            throw (0,sleep/* abortReason */.J)(signal);
    }
}
/** The body as text, refusing one larger than `limit` bytes before it is all in memory. */
async function readBounded(body, limit) {
    if (body === null)
        return '';
    const reader = body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        let read;
        try {
            read = await reader.read();
        }
        catch (error) {
            throw fetchFailure(error);
        }
        if (read.done)
            break;
        size += read.value.byteLength;
        if (size > limit) {
            // Cancelling closes the connection: the rest of the answer is never read.
            reader.cancel().catch(() => undefined);
            throw Object.assign(new Error(`the answer is larger than ${limit / 1024 / 1024} MB`), { code: 'ANSWER_TOO_LARGE' });
        }
        chunks.push(read.value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * fetch reports every network fault as `TypeError: fetch failed` with the system's error as its
 * `cause`; the cause is what says whether the request left (`ECONNREFUSED`: it did not), so it is
 * what is passed on. An abort (the deadline, the request timeout) is passed on as it is.
 */
function fetchFailure(error) {
    const cause = error?.cause;
    if (!(error instanceof TypeError) || typeof cause !== 'object' || cause === null)
        return error;
    // Connecting to each address of a name in turn fails with an AggregateError whose own message may be empty.
    const inner = cause;
    if (inner.message === '' && Array.isArray(inner.errors) && inner.errors[0] instanceof Error) {
        return Object.assign(cause, { message: inner.errors[0].message });
    }
    return cause;
}
/** What went wrong with a request that got no answer, whether it may have been sent, and whether trying again can help. */
function describeFailure(error, url) {
    const err = error;
    const code = err.code ?? err.cause?.code;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        return { failure: 'no response before the request timeout', sent: true, final: false };
    }
    // A name that does not resolve will not resolve in a few seconds either (EAI_AGAIN is the temporary kind).
    if (code === 'ENOTFOUND') {
        return {
            failure: `the host name ${url.hostname} does not resolve (ENOTFOUND): check the endpoint (the 'endpoint' or 'region' input) and ` +
                `the runner's DNS`,
            sent: false,
            final: true
        };
    }
    if (code === 'ANSWER_TOO_LARGE')
        return { failure: err.message ?? code, sent: true, final: true };
    const message = err.message ?? String(error);
    const text = code && !message.includes(code) ? `${code}: ${message}` : message;
    return { failure: text, sent: !(code !== undefined && NOT_SENT_CODES.has(code)), final: false };
}
/** Every retry is said in the log, with what is retried and why, so a slow step is never silent. */
function retryLine(action, attempt, attempts, ms, why) {
    return `Retrying ${action} in ${(ms / 1000).toFixed(1)} s (try ${attempt} of ${attempts}): ${why}`;
}
function snippet(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
/** Retry-After in seconds or as an HTTP date, at most 5 minutes; undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const text = value.trim();
    let ms;
    if (/^\d+(\.\d+)?$/.test(text))
        ms = Math.round(Number(text) * 1_000);
    else {
        // An HTTP date names its day and month in words ("Wed, 21 Oct 2026 07:28:00 GMT").
        const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
        if (Number.isNaN(date))
            return undefined;
        ms = Math.max(0, date - now);
    }
    return Number.isFinite(ms) ? Math.min(ms, RETRY_AFTER_CAP_MS) : undefined;
}


/***/ }),

/***/ 9185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ remoteTime),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   QL: () => (/* binding */ arr),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
// Readers for JSON from remote services. Nothing from the wire is trusted to have its documented
// shape: optional fields may be missing or null, IDs may be numbers of any size, times may come in
// any unit (docs/remote-values.md).
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function obj(value) {
    return isObject(value) ? value : {};
}
function arr(value) {
    return Array.isArray(value) ? value : [];
}
/** A string, or a number written as one (IDs are numbers in some APIs); '' when absent. */
function str(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return '';
}
function num(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
        const n = Number(value);
        return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
}
/** A whole number that fits a JSON number exactly (run numbers, counts); undefined otherwise. */
function count(value) {
    const n = num(value);
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
// Epoch values are told apart by size: 1e11 seconds is the year 5138, while 1e11 milliseconds is
// 1973; likewise for micro- and nanoseconds.
const UNITS = [
    [1e11, 1_000],
    [1e14, 1],
    [1e17, 1e-3],
    [1e20, 1e-6]
];
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
/**
 * A point in time from a remote answer: epoch seconds, milliseconds, micro- or nanoseconds (as a
 * number or a string of digits), or a date text (ISO 8601; `yyyy-MM-dd HH:mm:ss` without a zone is
 * taken as UTC). 0, negative, unreadable and implausible values (before 2000, after 2200) mean
 * "not known": a time is only ever shown, never used to decide anything.
 */
function remoteTime(value) {
    let ms;
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
    if (n !== undefined) {
        const unit = UNITS.find(([below]) => n < below);
        ms = unit && n > 0 ? n * unit[1] : undefined;
    }
    else if (typeof value === 'string' && value.trim() !== '') {
        const text = value.trim();
        const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
        ms = Date.parse(zoneless ? `${text.replace(' ', 'T')}Z` : text);
    }
    if (ms === undefined || !Number.isFinite(ms) || ms < EARLIEST || ms > LATEST)
        return undefined;
    return new Date(Math.round(ms));
}
/**
 * JSON text to a value. Integers beyond 2^53 are kept as their exact digits (a string): parsed as
 * numbers they would round, and a rounded run ID names another run. (A reviver could do this too,
 * but V8 revives recursively, so a deeply nested answer would overflow the stack.)
 */
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(/\d{16}/.test(text) ? quoteBigIntegers(text) : text) };
    }
    catch {
        return { ok: false };
    }
}
/** The JSON text with every integer literal that a number cannot hold exactly turned into a string. */
function quoteBigIntegers(text) {
    let out = '';
    let from = 0;
    let i = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            // Skip a string, escapes included.
            i++;
            while (i < text.length && text.charCodeAt(i) !== 0x22)
                i += text.charCodeAt(i) === 0x5c ? 2 : 1;
            i++;
        }
        else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
            const match = /^-?\d+([.eE][-+\d.eE]*)?/.exec(text.slice(i, i + 400));
            const token = match[0];
            if (match[1] === undefined && !Number.isSafeInteger(Number(token))) {
                out += `${text.slice(from, i)}"${token}"`;
                from = i + token.length;
            }
            i += token.length;
        }
        else
            i++;
    }
    return out + text.slice(from);
}


/***/ }),

/***/ 2547:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ EXIT_CHECK),
/* harmony export */   Qp: () => (/* binding */ ENTRY_CHECK),
/* harmony export */   YA: () => (/* binding */ failurePath),
/* harmony export */   dJ: () => (/* binding */ failuresOf),
/* harmony export */   hF: () => (/* binding */ placedSteps)
/* harmony export */ });
const ENTRY_CHECK = '(stage entry check)';
const EXIT_CHECK = '(stage exit check)';
/** A stage's steps in run order: entry checks, each job's steps, exit checks. */
function stageSteps(stage) {
    return [
        ...stage.pre.map((step) => ({ stage, jobName: ENTRY_CHECK, step })),
        ...stage.jobs.flatMap((job) => job.steps.map((step) => ({ stage, jobName: job.name, job, step }))),
        ...stage.post.map((step) => ({ stage, jobName: EXIT_CHECK, step }))
    ];
}
function placedSteps(detail) {
    return detail.stages.flatMap(stageSteps);
}
/**
 * Every failed step of a run, in run order. A failed job without a failed step (refused before it
 * started, or timed out) is listed by itself; so is a failed stage whose failure shows nowhere below it.
 */
function failuresOf(detail) {
    return detail.stages.flatMap((stage) => {
        const found = stageSteps(stage)
            .filter(({ step }) => step.state === 'failure')
            .map(({ jobName, job, step }) => ({ stage: stage.name, job: jobName, step: step.name, message: step.message ?? job?.message ?? '' }));
        for (const job of stage.jobs) {
            if (job.state === 'failure' && !job.steps.some((s) => s.state === 'failure')) {
                found.push({ stage: stage.name, job: job.name, step: '', message: job.message ?? '' });
            }
        }
        if (found.length === 0 && stage.state === 'failure')
            found.push({ stage: stage.name, job: '', step: '', message: '' });
        return found;
    });
}
/**
 * `Build / Compile / make`, leaving out the parts that are empty; through sub-pipelines,
 * `Deploy / Rollout / deploy › sub-pipeline prod-rollout › Release / Helm / Helm upgrade`.
 */
function failurePath(failure) {
    const at = (node) => [node.stage, node.job, node.step].filter((part) => part !== '').join(' / ');
    const hops = (failure.sub_pipelines ?? []).map((hop) => [`sub-pipeline ${hop.pipeline}`, at(hop)].filter((part) => part !== '').join(' › '));
    return [at(failure), ...hops].filter((part) => part !== '').join(' › ');
}


/***/ }),

/***/ 8916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ln: () => (/* binding */ span),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   h5: () => (/* binding */ status),
/* harmony export */   kb: () => (/* binding */ ICON),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
// How reports place text in GitHub Markdown (the job summary, check runs): every piece of remote
// (or user) text goes through one of these, for the context it lands in. All of it sits inside HTML
// elements, where GitHub applies no Markdown and makes no links of its own.
const ICON = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹️',
    timed_out: '⏱️',
    running: '⏳',
    manual: '✋',
    skipped: '⏭️'
};
function status(state, word) {
    return `${ICON[state]} ${text(word)}`;
}
/** One line of HTML: in GitHub markdown a blank line would end the table mid-way. */
function table(head, rows) {
    const tr = (cells, tag) => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
    return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`;
}
/** Text inside an element: escaped, and on one line (a blank line would end the HTML block). */
function text(value) {
    return esc(value.replace(/\s+/g, ' ').trim());
}
/** A link, only for an http(s) URL (remote URLs were already kept only when on the service's own hosts). */
function link(label, url) {
    let href;
    try {
        href = new URL(url).href;
    }
    catch {
        return text(label);
    }
    return /^https?:$/.test(new URL(href).protocol) ? `<a href="${esc(href)}">${text(label)}</a>` : text(label);
}
function code(value) {
    return `<code>${text(value)}</code>`;
}
/** HTML-escaped, and the characters Markdown would read too: no markup, no links. */
function esc(value) {
    return value.replace(/[&<>"'|\\`*_[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function span(start, end) {
    return start && end ? duration(end.getTime() - start.getTime()) : '';
}
function duration(ms) {
    if (ms === undefined || ms < 0)
        return '';
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m ${s % 60}s`;
    return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}


/***/ }),

/***/ 3988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ Reporter),
  x: () => (/* binding */ annotationText)
});

// EXTERNAL MODULE: ./lib/model.js
var model = __nccwpck_require__(9814);
// EXTERNAL MODULE: ./lib/report/failures.js
var failures = __nccwpck_require__(2547);
// EXTERNAL MODULE: ./lib/report/sub-pipelines.js
var sub_pipelines = __nccwpck_require__(2878);
;// CONCATENATED MODULE: ./lib/report/tail.js
// A step's log as the job log shows it: only its tail is kept, so a 100 MB log streams through in
// bounded memory. (Printing it so that no line can act as a workflow command is Logger.verbatim.)
/**
 * Consumes the lines, keeping the last `limit` (a ring buffer: memory is `limit` lines, whatever the
 * log's size; the providers' line readers already cut each line to text-pages.ts MAX_LINE, and each
 * kept line is a copy that holds no page alive).
 */
async function readTail(lines, limit) {
    const ring = new Array(limit);
    let total = 0;
    for await (const line of lines) {
        ring[total % limit] = line;
        total++;
    }
    const kept = Math.min(total, limit);
    const start = total - kept;
    return { lines: Array.from({ length: kept }, (_, i) => ring[(start + i) % limit]), total };
}

;// CONCATENATED MODULE: ./lib/report/reporter.js
// Prints why runs failed, as soon as a run's detail shows it: the job's message, the failing step's
// log tail in a group, and an error annotation. With `logs: all`, every step's log as it ends.
// Each step is reported once, however many details show it.




// The runner shows 10 error annotations per step; the step's own failure line is the tenth.
const ANNOTATIONS = 9;
// The runner cuts annotation messages at 4096 characters.
const ANNOTATION_CHARS = 4_096;
const ANNOTATION_LINES = 20;
class Reporter {
    provider;
    settings;
    reported = new Set();
    annotations = 0;
    /** Failed steps with their tails, by runKey(), in the order found. */
    failedLogs = new Map();
    /** The failures found inside failed sub-pipeline steps, by runKey() and the step's path. */
    expanded = new Map();
    constructor(provider, settings) {
        this.provider = provider;
        this.settings = settings;
    }
    /** Reports what this detail shows that has not been reported yet. `label` names the run: "shop-build #12". */
    async onDetail(run, detail, label) {
        const out = [];
        for (const placed of (0,failures/* placedSteps */.hF)(detail)) {
            const { step } = placed;
            const failed = step.state === 'failure';
            const ended = (0,model/* hasEnded */.hY)(step.state);
            const printLog = this.settings.logs === 'all' ? ended : this.settings.logs === 'failed' && failed;
            if ((!failed && !printLog) || !this.once(`${(0,model/* runKey */.r7)(run)}/step/${step.id}`))
                continue;
            const failure = { stage: placed.stage.name, job: placed.jobName, step: step.name, message: step.message ?? placed.job?.message ?? '' };
            if (failed && placed.job?.message && this.once(`${(0,model/* runKey */.r7)(run)}/job/${placed.job.id}`)) {
                out.push({ info: `${label} / ${placed.stage.name} / ${placed.job.name} failed: ${oneLine(placed.job.message)}` });
            }
            const inside = failed && step.subPipeline ? await this.followed(run, placed, failure, label, out) : [];
            if (inside.length > 0) {
                this.expanded.set(`${(0,model/* runKey */.r7)(run)}/${(0,failures/* failurePath */.YA)(failure)}`, inside.map((found) => found.failure));
                for (const found of inside) {
                    const tail = found.placed && printLog
                        ? await this.stepLog(found.run, found.placed, `${label} / ${(0,failures/* failurePath */.YA)(found.failure)}`, out)
                        : undefined;
                    this.fail(run, label, found.failure, tail, out);
                }
                continue;
            }
            const tail = printLog ? await this.stepLog(run, placed, `${label} / ${(0,failures/* failurePath */.YA)(failure)}`, out) : undefined;
            if (failed)
                this.fail(run, label, failure, tail, out);
        }
        // Failures with no failed step to show (a job refused before it ran, a stage that failed by itself).
        for (const failure of (0,failures/* failuresOf */.dJ)(detail).filter((f) => f.step === '')) {
            if (this.once(`${(0,model/* runKey */.r7)(run)}/failure/${(0,failures/* failurePath */.YA)(failure)}`))
                this.fail(run, label, failure, undefined, out);
        }
        return out;
    }
    /** `failuresOf(detail)`, with each failed sub-pipeline step replaced by the failures found inside it. */
    failures(run, detail) {
        return (0,failures/* failuresOf */.dJ)(detail).flatMap((failure) => this.expanded.get(`${(0,model/* runKey */.r7)(run)}/${(0,failures/* failurePath */.YA)(failure)}`) ?? [failure]);
    }
    /** The failures inside a failed sub-pipeline step; none when they cannot be found (then the step itself is reported). */
    async followed(run, placed, failure, label, out) {
        try {
            return await (0,sub_pipelines/* followSubPipeline */.A)(this.provider, run, placed.step, failure);
        }
        catch (error) {
            out.push({ warning: `Could not follow the sub-pipeline of ${label} / ${(0,failures/* failurePath */.YA)(failure)}: ${error.message}` });
            return [];
        }
    }
    /** Reads the step's log (its tail) and says how to show it. `where` names the step: "shop-build #12 / Build / Compile / make". */
    async stepLog(run, placed, where, out) {
        const { step } = placed;
        const title = `${where}: ${step.status}`;
        if (step.logKey === undefined) {
            out.push({ info: `${title} (no log)` });
            return undefined;
        }
        let tail;
        try {
            tail = await readTail(this.provider.stepLog(run, step.logKey), this.settings.logLines);
        }
        catch (error) {
            out.push({ warning: `Could not read the log of ${title}: ${error.message}` });
            return undefined;
        }
        const shown = tail.total > tail.lines.length ? ` (last ${tail.lines.length} of ${tail.total} lines)` : '';
        out.push({ group: `${title}${shown}`, lines: tail.lines });
        return tail;
    }
    fail(run, label, failure, tail, out) {
        const list = this.failedLogs.get((0,model/* runKey */.r7)(run)) ?? [];
        list.push({ failure, ...(tail && { tail }) });
        this.failedLogs.set((0,model/* runKey */.r7)(run), list);
        if (this.annotations >= ANNOTATIONS)
            return;
        this.annotations++;
        out.push({ annotation: annotationText(failure, tail), title: `${label} / ${(0,failures/* failurePath */.YA)(failure)}` });
    }
    once(key) {
        if (this.reported.has(key))
            return false;
        this.reported.add(key);
        return true;
    }
}
/** The failure's message, then as many of the last lines as fit the runner's limit. */
function annotationText(failure, tail) {
    const message = oneLine(failure.message || 'failed').slice(0, 1_000);
    const lines = tail?.lines.slice(-ANNOTATION_LINES) ?? [];
    let text = message;
    for (let i = 0; i < lines.length; i++) {
        const candidate = `${message}\n\nLast lines:\n${lines.slice(i).join('\n')}`;
        if (candidate.length <= ANNOTATION_CHARS) {
            text = candidate;
            break;
        }
    }
    return text;
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}


/***/ }),

/***/ 2878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ followSubPipeline),
/* harmony export */   B: () => (/* binding */ MAX_SUB_PIPELINE_DEPTH)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9814);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2547);
// A failed step that ran a sub-pipeline, followed down to the steps that really failed: the run the
// step started is found (Provider.subRuns), read, and its failed steps taken; one that ran a
// sub-pipeline again is followed too. Everything here comes from the service, so the descent is
// bounded: at most MAX_SUB_PIPELINE_DEPTH levels, and never into a run already on the path (a
// service that names a parent as its own child must not loop).


const MAX_SUB_PIPELINE_DEPTH = 5;
/**
 * The failures inside the sub-pipeline that `step` of `run` ran, each as `top` (the failure in the
 * pipeline that was started) with the hops that lead to it. Empty when the step's run cannot be
 * told: the caller then reports the step itself. Errors reading the service are thrown.
 */
async function followSubPipeline(provider, run, step, top) {
    return descend(provider, run, step, top, [], new Set([(0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .runKey */ .r7)(run)]));
}
async function descend(provider, run, step, top, path, seen) {
    const sub = (await provider.subRuns?.(run, [step.id]))?.get(step.id);
    if (sub === undefined)
        return [];
    const hop = (name, at = { stage: '', job: '', step: '' }) => ({
        pipeline_id: sub.pipelineId,
        run_id: sub.runId,
        pipeline: name,
        ...at
    });
    if (seen.has((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .runKey */ .r7)(sub)) || path.length >= MAX_SUB_PIPELINE_DEPTH) {
        const why = seen.has((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .runKey */ .r7)(sub)) ? 'it is a run already on this path' : `more than ${MAX_SUB_PIPELINE_DEPTH} sub-pipelines deep`;
        return [
            {
                failure: { ...top, message: `${top.message} (not followed: ${why})`.trim(), sub_pipelines: [...path, hop(sub.pipelineId)] },
                run: sub
            }
        ];
    }
    const detail = await provider.detail(sub);
    const name = detail.pipelineName || sub.pipelineId;
    const within = new Set([...seen, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .runKey */ .r7)(sub)]);
    const found = [];
    for (const placed of (0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .placedSteps */ .hF)(detail).filter((p) => p.step.state === 'failure')) {
        const at = hop(name, { stage: placed.stage.name, job: placed.jobName, step: placed.step.name });
        const failure = { ...top, message: placed.step.message ?? placed.job?.message ?? '', sub_pipelines: [...path, at] };
        const deeper = placed.step.subPipeline ? await descend(provider, sub, placed.step, top, [...path, at], within) : [];
        found.push(...(deeper.length > 0 ? deeper : [{ failure, run: sub, placed }]));
    }
    // A job that failed before any step ran, or a stage that failed by itself.
    for (const f of (0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .failuresOf */ .dJ)(detail).filter((f) => f.step === '')) {
        found.push({ failure: { ...top, message: f.message || top.message, sub_pipelines: [...path, hop(name, f)] }, run: sub });
    }
    // The sub-pipeline's run shows no failure (cancelled, or still running): say at least which run it is.
    if (found.length === 0) {
        const message = `${top.message} (sub-pipeline run ${detail.status || 'status unknown'})`.trim();
        found.push({ failure: { ...top, message, sub_pipelines: [...path, hop(name)] }, run: sub });
    }
    return found;
}


/***/ }),

/***/ 3424:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ abortReason),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(452);

// setTimeout fires at once for a delay that does not fit 32 bits (about 24.8 days); longer waits
// are made of several timers.
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Resolves after `ms`, or rejects with the signal's reason (an AbortedError) as soon as it aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(abortReason(signal));
        const until = Date.now() + ms;
        let timer;
        const abort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        const arm = (left) => {
            timer = setTimeout(() => {
                const rest = until - Date.now();
                if (rest > 0)
                    return arm(rest);
                signal.removeEventListener('abort', abort);
                resolve();
            }, Math.min(Math.max(0, left), MAX_TIMER_MS));
        };
        signal.addEventListener('abort', abort, { once: true });
        arm(ms);
    });
}
function abortReason(signal) {
    return signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AbortedError */ .oM ? signal.reason : new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AbortedError */ .oM('cancelled');
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(518);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
