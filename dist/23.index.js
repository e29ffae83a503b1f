export const id = 23;
export const ids = [23];
export const modules = {

/***/ 23:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECKS_FAILED: () => (/* binding */ CHECKS_FAILED),
  CHECKS_NOT_ALLOWED: () => (/* binding */ CHECKS_NOT_ALLOWED),
  CheckRunPublisher: () => (/* binding */ CheckRunPublisher)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/model.js
var model = __webpack_require__(9814);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 25 modules
var github = __webpack_require__(542);
// EXTERNAL MODULE: ./lib/net/http.js + 2 modules
var http = __webpack_require__(1303);
// EXTERNAL MODULE: ./lib/net/json.js
var json = __webpack_require__(9185);
// EXTERNAL MODULE: ./lib/sleep.js
var sleep = __webpack_require__(3424);
;// CONCATENATED MODULE: ./lib/checks/github.js
// The checks part of GitHub's REST API, through @actions/github's Octokit: create a check run, update
// it, find one by its external ID. Loaded only with check runs on (see check-runs.ts). Octokit
// retries nothing here; this file does, the way GitHub asks (docs/check-runs.md): a rate limit
// (primary or secondary, 403 or 429) waits as long as `retry-after` or `x-ratelimit-reset` says, a
// gateway error backs off, and every retry is a line in the log.




/** GitHub refused the token for this (403 without a rate limit, 401, 404): check runs cannot be made. */
class ChecksRefusedError extends Error {
    status;
    constructor(what, status, message) {
        super(`${what} failed: HTTP ${status}: ${message}`);
        this.name = 'ChecksRefusedError';
        this.status = status;
    }
}
// GitHub's advice for a secondary rate limit that names no time: wait at least a minute.
const SECONDARY_LIMIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 20_000;
// The primary limit resets within the hour; the step's own deadline cuts a long wait short anyway.
const RESET_CAP_MS = 5 * 60_000;
// At most this many pages of 100 check runs are searched for an external ID.
const SEARCH_PAGES = 5;
const GATEWAY = new Set([500, 502, 503, 504]);
// Check runs are not worth holding the step for: fewer tries than the pipeline service gets.
const RETRY = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };
class ChecksApi {
    octokit;
    options;
    owner;
    repo;
    constructor(options) {
        this.options = options;
        this.octokit = (0,github/* getOctokit */.Q)(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, '') });
        [this.owner, this.repo] = options.repository.split('/');
    }
    /** Creates a check run: its ID and page. Not repeated blindly: a lost answer may have created it (see publisher.ts). */
    async create(body, what) {
        const data = (0,json/* obj */.WL)(await this.call(what, false, (request) => this.octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: this.owner, repo: this.repo, ...body, request })));
        const id = (0,json/* count */.U9)(data['id']);
        if (id === undefined)
            throw new Error(`${what}: GitHub's answer has no check run ID`);
        return { id, url: (0,json/* str */.gx)(data['html_url']) };
    }
    async update(id, body, what) {
        await this.call(what, true, (request) => this.octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
            owner: this.owner,
            repo: this.repo,
            check_run_id: id,
            ...body,
            request
        }));
    }
    /** The check run on `sha` whose external ID is `externalId` (the newest, should there be several). */
    async find(sha, externalId, what) {
        let found;
        for (let page = 1; page <= SEARCH_PAGES; page++) {
            const data = (0,json/* obj */.WL)(await this.call(what, true, (request) => this.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
                owner: this.owner,
                repo: this.repo,
                ref: sha,
                filter: 'all',
                per_page: 100,
                page,
                request
            })));
            const runs = (0,json/* arr */.QL)(data['check_runs']).map(json/* obj */.WL);
            for (const run of runs) {
                const id = (0,json/* count */.U9)(run['id']);
                if (id !== undefined && (0,json/* str */.gx)(run['external_id']) === externalId && (found === undefined || id > found))
                    found = id;
            }
            if (runs.length < 100)
                break;
        }
        return found;
    }
    async call(what, idempotent, send) {
        const { logger, signal } = this.options;
        const policy = this.options.retry ?? RETRY;
        for (let attempt = 1;; attempt++) {
            try {
                logger.debug(`→ GitHub: ${what} (attempt ${attempt})`);
                return (await send({ signal: AbortSignal.any([signal(), AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) })).data;
            }
            catch (error) {
                if (signal().aborted)
                    throw (0,sleep/* abortReason */.J)(signal());
                const failure = failureOf(error);
                const limited = rateLimitWait(failure);
                const why = `HTTP ${failure.status ?? '(no answer)'}: ${failure.message}`;
                if (limited === undefined && (failure.status === 401 || failure.status === 403 || failure.status === 404)) {
                    throw new ChecksRefusedError(what, failure.status, failure.message);
                }
                // A create whose answer was lost may have worked; only a rate limit says it was not acted on.
                const transient = limited !== undefined || (idempotent && (failure.status === undefined || GATEWAY.has(failure.status)));
                if (!transient || attempt >= policy.attempts)
                    throw new Error(`${what} failed: ${why}`);
                const wait = limited ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
                logger.info((0,http/* retryLine */.Rn)(`${what} on GitHub`, attempt + 1, policy.attempts, wait, why));
                await (0,sleep/* sleep */.y)(wait, signal());
            }
        }
    }
}
function failureOf(error) {
    const e = error;
    const headers = {};
    for (const [k, v] of Object.entries(e.response?.headers ?? {}))
        if (v !== undefined)
            headers[k.toLowerCase()] = String(v);
    const remote = (0,json/* str */.gx)((0,json/* obj */.WL)(e.response?.data)['message']);
    // Octokit says 500 for a request that got no answer at all; only a response has a real status.
    const status = e.response !== undefined && typeof e.status === 'number' ? e.status : undefined;
    return { ...(status !== undefined && { status }), message: (remote || (0,json/* str */.gx)(e.message) || String(error)).slice(0, 300), headers };
}
/** How long GitHub asks to wait, when the answer is a rate limit; undefined when it is not one. */
function rateLimitWait(failure, now = Date.now()) {
    if (failure.status !== 403 && failure.status !== 429)
        return undefined;
    const after = (0,http/* retryAfterMs */.Vs)(failure.headers['retry-after'], now);
    if (after !== undefined)
        return after;
    if (failure.headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(failure.headers['x-ratelimit-reset']);
        if (Number.isFinite(reset))
            return Math.min(RESET_CAP_MS, Math.max(1_000, reset * 1_000 - now + 1_000));
    }
    if (failure.status === 429 || /secondary rate limit|abuse/i.test(failure.message))
        return SECONDARY_LIMIT_MS;
    return undefined;
}

// EXTERNAL MODULE: ./lib/report/failures.js
var report_failures = __webpack_require__(2547);
// EXTERNAL MODULE: ./lib/report/markup.js
var markup = __webpack_require__(8916);
// EXTERNAL MODULE: ./lib/report/reporter.js + 1 modules
var reporter = __webpack_require__(3988);
;// CONCATENATED MODULE: ./lib/checks/render.js
// What a check run shows: a title, a summary of the run's stages, the failing steps' log tails in
// the text, and annotations. GitHub takes at most 65,535 characters in a summary or a text and 50
// annotations a request (docs/check-runs.md); everything from the service is escaped for Markdown
// (report/markup.ts) and cut to fit, the ends of logs kept.



const OUTPUT_LIMIT = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
const TITLE_LIMIT = 200;
const NAME_LIMIT = 100;
const ANNOTATION_TITLE_LIMIT = 255;
// The text shows the last lines of this many failed steps (as the job summary does).
const TAILS = 10;
// Room kept in the summary for what follows the stages table.
const SUMMARY_RESERVE = 8_000;
/** The check run's name: the pipeline's, on one line. */
function checkName(name) {
    return oneLine(name, NAME_LIMIT) || 'pipeline';
}
/** While the run goes on: its status and its stages. */
function progressOutput(label, snapshot, url, service) {
    const running = snapshot.stages.find((s) => s.state === 'running' && s.status !== 'INIT');
    return {
        title: oneLine(`${label}: ${snapshot.status || 'status unknown'}${running ? ` (stage ${running.name})` : ''}`, TITLE_LIMIT),
        summary: fitted([header(snapshot.status, snapshot.state, url, service), stagesTable(snapshot.stages)])
    };
}
/** When it ended: the conclusion, the stages, what failed, the failing steps' last lines and annotations. */
function finalOutput(ending, service, workflowPath) {
    const where = ending.failures.map(report_failures/* failurePath */.YA).filter((p) => p !== '');
    const word = ending.status || ending.conclusion;
    const state = ending.conclusion === 'action_required' ? 'manual' : ending.conclusion === 'timed_out' ? 'running' : ending.conclusion;
    const seconds = ending.durationS ?? undefined;
    const parts = [header(`${word}${seconds !== undefined ? ` in ${(0,markup/* duration */.p0)(seconds * 1000)}` : ''}`, state, ending.run.url, service)];
    if (ending.note)
        parts.push(`<p>${(0,markup/* text */.Qq)(ending.note)}</p>`);
    const stages = ending.detail?.stages ?? ending.snapshot?.stages ?? [];
    if (stages.length > 0)
        parts.push(stagesTable(stages));
    const failures = ending.failures.map((f) => `<li>❌ ${(0,markup/* text */.Qq)((0,report_failures/* failurePath */.YA)(f) || 'the run')}: ${(0,markup/* text */.Qq)(f.message || 'failed')}</li>`);
    if (failures.length > 0)
        parts.push(`<ul>${failures.join('')}</ul>`);
    const logs = tails(ending);
    return {
        title: oneLine(`${ending.label}: ${word}${where.length > 0 ? ` at ${where.join(', ')}` : ''}`, TITLE_LIMIT),
        summary: fitted(parts),
        ...(logs !== '' && { text: logs }),
        annotations: ending.failedLogs.slice(0, ANNOTATIONS_PER_REQUEST).map(({ failure, tail }) => ({
            path: workflowPath ?? '.github',
            start_line: 1,
            end_line: 1,
            annotation_level: 'failure',
            message: (0,reporter/* annotationText */.x)(failure, tail),
            title: oneLine(`${ending.label} / ${(0,report_failures/* failurePath */.YA)(failure)}`, ANNOTATION_TITLE_LIMIT)
        }))
    };
}
function header(word, state, url, service) {
    return `<p>${markup/* ICON */.kb[state]} <b>${(0,markup/* text */.Qq)(word)}</b> · ${(0,markup/* link */.nf)(`Open in ${service}`, url)}</p>`;
}
/** One row a stage, as many as fit, then how many more there are. */
function stagesTable(stages) {
    const rows = [];
    let size = 0;
    for (const stage of stages) {
        const times = 'pre' in stage ? (0,markup/* span */.Ln)(stage.startedAt, stage.finishedAt) : '';
        const row = [(0,markup/* text */.Qq)(stage.name), (0,markup/* status */.h5)(stage.state, stage.status), times];
        size += row.join('').length + 30;
        if (size > OUTPUT_LIMIT - SUMMARY_RESERVE) {
            rows.push([`… and ${stages.length - rows.length} more stages`, '', '']);
            break;
        }
        rows.push(row);
    }
    return (0,markup/* table */.tp)(['Stage', 'Status', 'Duration'], rows);
}
/** The summary's parts, as many whole ones as fit. */
function fitted(parts) {
    let out = '';
    for (const part of parts) {
        if (out.length + part.length + 2 > OUTPUT_LIMIT)
            break;
        out += `${out === '' ? '' : '\n\n'}${part}`;
    }
    return out;
}
/** Each failed step's last lines, the budget shared between them, each keeping its end. */
function tails(ending) {
    const logged = ending.failedLogs.filter((f) => (f.tail?.lines.length ?? 0) > 0).slice(0, TAILS);
    if (logged.length === 0)
        return '';
    const share = Math.floor(OUTPUT_LIMIT / logged.length);
    return logged
        .map(({ failure, tail }) => {
        const heading = `<p>❌ <b>${(0,markup/* text */.Qq)(oneLine((0,report_failures/* failurePath */.YA)(failure), 300))}</b>: ${(0,markup/* text */.Qq)(oneLine(failure.message || 'failed', 300))}</p>`;
        const kept = [];
        let size = heading.length + '<pre></pre>\n\n'.length + 40;
        for (const line of [...tail.lines].reverse()) {
            const escaped = (0,markup/* esc */.UQ)(line);
            if (size + escaped.length + 1 > share)
                break;
            kept.unshift(escaped);
            size += escaped.length + 1;
        }
        const shown = kept.length < tail.total ? `<p>Last ${kept.length} of ${tail.total} lines:</p>` : '';
        return `${heading}${shown}<pre>${kept.join('\n')}</pre>`;
    })
        .join('\n\n');
}
function oneLine(value, limit) {
    const flat = value.replace(/\s+/g, ' ').trim();
    return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

;// CONCATENATED MODULE: ./lib/checks/publisher.js
// Publishes one check run per pipeline run on the commit under test. Requests go out one at a time
// in the background, so the wait never waits on GitHub; a run's stages are sent again only when
// they changed. A check run is found by its external ID before one is made, so that a `mode: wait`
// step continues what a `mode: trigger` step began, and a create whose answer was lost is not made
// twice. GitHub's answers never change the verdict: a refusal turns check runs off with one
// notice, any other failure is one warning (docs/check-runs.md).




const CHECKS_NOT_ALLOWED = (why) => `Check runs are off: 'github-token' may not write check runs in this repository (${why}). Give the job ` +
    `'permissions: checks: write' (a pull request from a fork never gets it), or set 'check-runs: false' to leave them out.`;
const CHECKS_FAILED = (why) => `Could not update the check runs on GitHub (${why}); the step's result does not depend on them.`;
class CheckRunPublisher {
    api;
    context;
    entries = new Map();
    names = new Map();
    queue = Promise.resolve();
    off = false;
    warned = false;
    constructor(token, context) {
        this.context = context;
        this.api = new ChecksApi({
            token,
            apiUrl: context.origin.apiUrl ?? 'https://api.github.com',
            repository: context.origin.repository,
            logger: context.logger,
            signal: context.signal,
            ...(context.retry && { retry: context.retry })
        });
    }
    begin(run) {
        this.entry(run);
    }
    update(run, snapshot, label) {
        const entry = this.entry(run);
        if (entry.shown === shownOf(snapshot) && entry.pending === undefined)
            return;
        entry.pending = { snapshot, label };
        this.enqueue(() => this.show(entry));
    }
    async settle() {
        for (const entry of this.entries.values()) {
            this.enqueue(async () => {
                if (entry.id !== undefined || entry.pending !== undefined)
                    return this.show(entry);
                // Nothing read the run yet (`mode: trigger`): one read gives its name and stages.
                const detail = await this.context.describe(entry.run).catch(() => undefined);
                if (detail?.pipelineName)
                    this.names.set(entry.run.pipelineId, detail.pipelineName);
                const name = this.nameOf(entry.run);
                if (detail)
                    entry.pending = { snapshot: detail, label: `${name}${detail.runNumber !== undefined ? ` #${detail.runNumber}` : ''}` };
                else
                    await this.ensure(entry);
                await this.show(entry);
            });
        }
        await this.queue;
    }
    async complete(endings) {
        for (const ending of endings) {
            this.enqueue(async () => {
                const entry = this.entry(ending.run);
                entry.pending = undefined;
                const { origin, service } = this.context;
                await this.ensure(entry);
                await this.api.update(entry.id, {
                    status: 'completed',
                    conclusion: ending.conclusion,
                    completed_at: isoSeconds(new Date()),
                    details_url: ending.detail?.url ?? ending.snapshot?.url ?? ending.run.url,
                    output: this.redacted(finalOutput(this.cleaned(ending), service, origin.workflowPath))
                }, `completing the check run of ${this.runName(ending.run)}`);
                entry.completed = true;
            });
        }
        await this.queue;
        const open = endings.filter((ending) => !this.entry(ending.run).completed);
        if (open.length > 0 && !this.off) {
            this.failed(new Error(`${open.map((e) => `the check run of ${this.runName(e.run)}`).join(', ')} left in progress: no time left`));
        }
    }
    entry(run) {
        let entry = this.entries.get((0,model/* runKey */.r7)(run));
        if (entry === undefined) {
            entry = { run };
            this.entries.set((0,model/* runKey */.r7)(run), entry);
        }
        return entry;
    }
    /** Shows the newest read: in the new check run, or in an update of the one there is. */
    async show(entry) {
        const pending = entry.pending;
        if (pending === undefined)
            return;
        entry.pending = undefined;
        const shown = shownOf(pending.snapshot);
        if (shown === entry.shown)
            return;
        const output = this.redacted(progressOutput(pending.label, pending.snapshot, pending.snapshot.url ?? entry.run.url, this.context.service));
        const made = await this.ensure(entry, output);
        // A run that has ended is completed by complete(), with everything known by then.
        if (!made && !(0,model/* hasEnded */.hY)(pending.snapshot.state)) {
            await this.api.update(entry.id, { status: 'in_progress', output }, `updating the check run of ${this.runName(entry.run)}`);
        }
        entry.shown = shown;
    }
    /**
     * The run's check run, found by its external ID or made (in progress, with `output`). True when
     * it was made now. A create whose answer was lost leaves no ID: the next call looks again first.
     */
    async ensure(entry, output) {
        if (entry.id !== undefined)
            return false;
        const { run } = entry;
        const externalId = (0,model/* runKey */.r7)(run);
        const found = await this.api.find(this.context.origin.sha, externalId, `looking for the check run of ${this.runName(run)}`);
        if (found !== undefined) {
            entry.id = found;
            this.context.logger.info(`Continuing the check run of ${this.runName(run)} (external ID ${externalId}).`);
            return false;
        }
        const name = checkName(this.context.logger.redact(this.nameOf(run)));
        const made = await this.api.create({
            name,
            head_sha: this.context.origin.sha,
            external_id: externalId,
            details_url: run.url,
            status: 'in_progress',
            started_at: isoSeconds(new Date()),
            output: output ?? { title: `${name}: started`, summary: `Waiting for the first read of ${this.runName(run)}.` }
        }, `creating the check run of ${this.runName(run)}`);
        entry.id = made.id;
        this.context.logger.info(`Check run "${name}" for ${this.runName(run)}${made.url ? `: ${made.url}` : ''}`);
        return true;
    }
    /**
     * The ending with every secret the step knows cut out of the remote text it carries, before that
     * text is escaped for Markdown: the runner masks the job log, but nothing masks a check run.
     */
    cleaned(ending) {
        const redact = (text) => this.context.logger.redact(text);
        const failure = (f) => ({ ...f, message: redact(f.message) });
        return {
            ...ending,
            failures: ending.failures.map(failure),
            failedLogs: ending.failedLogs.map(({ failure: f, tail }) => ({
                failure: failure(f),
                ...(tail && { tail: { ...tail, lines: tail.lines.map(redact) } })
            })),
            ...(ending.note !== undefined && { note: redact(ending.note) })
        };
    }
    /** Everything the output says, with the secrets cut out once more (names, titles). */
    redacted(output) {
        const redact = (text) => this.context.logger.redact(text);
        return {
            title: redact(output.title),
            summary: redact(output.summary),
            ...(output.text !== undefined && { text: redact(output.text) }),
            ...(output.annotations && {
                annotations: output.annotations.map((a) => ({ ...a, title: redact(a.title), message: redact(a.message) }))
            })
        };
    }
    nameOf(run) {
        return this.context.name(run.pipelineId) ?? this.names.get(run.pipelineId) ?? `pipeline ${run.pipelineId}`;
    }
    runName(run) {
        return `pipeline ${run.pipelineId} run ${run.runId}`;
    }
    /** One request at a time, in order; a failure is reported and the next task still runs. */
    enqueue(task) {
        this.queue = this.queue.then(async () => {
            if (this.off)
                return;
            try {
                await task();
            }
            catch (error) {
                this.failed(error);
            }
        });
    }
    failed(error) {
        const message = error.message;
        if (error instanceof ChecksRefusedError) {
            this.off = true;
            this.context.logger.notice(CHECKS_NOT_ALLOWED(message));
            return;
        }
        this.context.logger.debug(`Check runs: ${message}`);
        // The step's deadline or its cancel cut a request short: complete() tries again, and says so if it cannot.
        if (this.warned || error instanceof errors/* AbortedError */.oM)
            return;
        this.warned = true;
        this.context.logger.warning(CHECKS_FAILED(message));
    }
}
/** What a check run's progress shows: the run's status and its stages'. */
function shownOf(snapshot) {
    return JSON.stringify([snapshot.status, snapshot.stages.map((s) => [s.name, s.status])]);
}
/** `YYYY-MM-DDTHH:MM:SSZ`, the form GitHub documents. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d+Z$/, 'Z');
}


/***/ })

};
