export const id = 640;
export const ids = [640];
export const modules = {

/***/ 9640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLiveStep: () => (/* binding */ runLiveStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/actions-log.ts
var actions_log = __webpack_require__(3943);
// EXTERNAL MODULE: ./src/check.ts + 4 modules
var check = __webpack_require__(3127);
// EXTERNAL MODULE: ./src/rules/live-rules.ts + 8 modules
var live_rules = __webpack_require__(8928);
;// CONCATENATED MODULE: ./src/live/budget.ts
/**
 * The time live confirmation may take (`live-timeout-seconds`): every AWS call gets a timeout of
 * its own, never longer than what is left, and nothing starts once the budget is spent.
 */
class Budget {
    totalMs;
    now;
    deadline;
    /** The longest a single call (with the SDK's retries) may take. */
    perCallMs;
    constructor(totalMs, now = Date.now) {
        this.totalMs = totalMs;
        this.now = now;
        this.deadline = now() + totalMs;
        this.perCallMs = Math.min(20_000, Math.max(1_000, Math.floor(totalMs / 3)));
    }
    remainingMs() {
        return Math.max(0, this.deadline - this.now());
    }
    spent() {
        return this.remainingMs() <= 0;
    }
    /** The timeout for a call starting now. */
    callTimeoutMs() {
        return Math.min(this.perCallMs, this.remainingMs());
    }
}
/** Thrown instead of starting work once the budget is spent, or when a call outlives its timeout. */
class OutOfTime extends Error {
    timeoutMs;
    name = 'OutOfTime';
    constructor(timeoutMs) {
        super(timeoutMs > 0
            ? `timed out after ${formatSeconds(timeoutMs)}`
            : 'not attempted: the live-timeout-seconds budget was spent');
        this.timeoutMs = timeoutMs;
    }
}
function formatSeconds(ms) {
    const seconds = ms / 1000;
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
}
/**
 * Runs `work` with an abort signal that fires after the budget's call timeout; rejects with
 * OutOfTime at that moment even if the work ignores the signal.
 */
async function withTimeout(budget, work) {
    const timeoutMs = budget.callTimeoutMs();
    if (timeoutMs <= 0)
        throw new OutOfTime(0);
    const controller = new AbortController();
    let timer;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort(new OutOfTime(timeoutMs));
            reject(new OutOfTime(timeoutMs));
        }, timeoutMs);
    });
    try {
        return await Promise.race([work(controller.signal), expired]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** At most `concurrency` tasks at a time; the others wait in order. */
function limiter(concurrency) {
    let running = 0;
    const waiting = [];
    return async (task) => {
        if (running >= concurrency)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await task();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}

// EXTERNAL MODULE: ./src/iam/arn.ts
var iam_arn = __webpack_require__(8390);
// EXTERNAL MODULE: ./src/model/value.ts
var value = __webpack_require__(2904);
// EXTERNAL MODULE: ./src/rules/helpers/live.ts
var live = __webpack_require__(1583);
// EXTERNAL MODULE: ./src/sources/shared/json-tree.ts
var json_tree = __webpack_require__(2711);
// EXTERNAL MODULE: ./src/sources/shared/policy-document.ts
var policy_document = __webpack_require__(7914);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var dist_cjs = __webpack_require__(4524);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/text/first-line.ts
var first_line = __webpack_require__(8676);
;// CONCATENATED MODULE: ./src/live/errors.ts


const MISSING = new Set(['NoSuchEntity', 'NoSuchEntityException', 'ResourceNotFoundException']);
const DENIED = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'ExpiredTokenException',
]);
const THROTTLED = new Set([
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'SlowDown',
]);
const UNREACHABLE = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'EPIPE',
]);
/** Sorts an error thrown by an SDK client (after its own retries) or by the budget. */
function describeFailure(error) {
    if (error instanceof OutOfTime)
        return { kind: 'timeout', text: error.message };
    const value = (error ?? {});
    const code = value.Code ?? value.name ?? 'Error';
    const message = shortLine(value.message ?? String(error));
    const status = value.$metadata?.httpStatusCode;
    if (code === 'AbortError' || code === 'TimeoutError')
        return { kind: 'timeout', text: 'timed out' };
    if (MISSING.has(code))
        return { kind: 'missing', text: `${code}: ${message}` };
    if (DENIED.has(code) || status === 403)
        return { kind: 'denied', text: `${code}: ${message}` };
    if (THROTTLED.has(code) || status === 429)
        return { kind: 'throttled', text: `${code}: ${message} (still throttled after the SDK's retries)` };
    if (/Deserialization error|XML parse error/i.test(value.message ?? '') || code === 'SyntaxError') {
        return { kind: 'malformed', text: `the answer could not be read: ${message}` };
    }
    if (status !== undefined && status >= 500)
        return { kind: 'server', text: `${code}: ${message} (HTTP ${status} after the SDK's retries)` };
    const network = value.code !== undefined && UNREACHABLE.has(value.code)
        ? value.code
        : [...UNREACHABLE].find((each) => message.includes(each));
    if (network)
        return { kind: 'unreachable', text: `${network}: ${message}` };
    return { kind: 'failed', text: `${code}: ${message}` };
}
/** The first line, cut to 240 characters. */
function shortLine(text) {
    const line = (0,first_line/* firstLine */.T)(text).trim();
    return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}

;// CONCATENATED MODULE: ./src/live/aws.ts




/** At most this many pages of one listing. */
const MAX_PAGES = 50;
/**
 * The reads of live confirmation, each made once (the same question asked twice shares one
 * call), a few at a time, each with a timeout from the budget; the SDK retries throttling and
 * server errors itself (adaptive mode). Never throws: every answer is an Outcome.
 */
class AwsReader {
    options;
    /** Calls sent (not counting the SDK's retries). */
    calls = 0;
    memo = new Map();
    iamClients = new Map();
    eksClients = new Map();
    limit;
    constructor(options) {
        this.options = options;
        this.limit = limiter(options.concurrency ?? 4);
    }
    getRole(account, name) {
        return this.iam(account, `GetRole ${name.toLowerCase()}`, 'iam:GetRole', async (client, abortSignal) => {
            const { Role: role } = await client.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: name }), { abortSignal });
            if (!role?.Arn || !role.RoleName)
                throw new MalformedAnswer('iam:GetRole returned no role');
            const document = role.AssumeRolePolicyDocument;
            return {
                arn: role.Arn,
                name: role.RoleName,
                path: role.Path ?? '/',
                ...(document !== undefined ? { trustPolicy: decodePolicy(document) } : {}),
            };
        });
    }
    /** The number of managed policies attached to a role (every page). */
    countAttachedPolicies(account, name) {
        return this.paginate(account, name, 'iam:ListAttachedRolePolicies', async (client, Marker, abortSignal) => {
            const page = await client.send(new client_iam_dist_cjs/* ListAttachedRolePoliciesCommand */.wfM({ RoleName: name, ...(Marker ? { Marker } : {}) }), { abortSignal });
            if (!page.AttachedPolicies)
                throw new MalformedAnswer('iam:ListAttachedRolePolicies returned no AttachedPolicies list');
            return { count: page.AttachedPolicies.length, next: page.IsTruncated ? page.Marker : undefined };
        });
    }
    /** The number of inline policies of a role (every page). */
    countInlinePolicies(account, name) {
        return this.paginate(account, name, 'iam:ListRolePolicies', async (client, Marker, abortSignal) => {
            const page = await client.send(new client_iam_dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: name, ...(Marker ? { Marker } : {}) }), {
                abortSignal,
            });
            if (!page.PolicyNames)
                throw new MalformedAnswer('iam:ListRolePolicies returned no PolicyNames list');
            return { count: page.PolicyNames.length, next: page.IsTruncated ? page.Marker : undefined };
        });
    }
    listOidcProviders(account) {
        return this.iam(account, 'ListOpenIDConnectProviders', 'iam:ListOpenIDConnectProviders', async (client, abortSignal) => {
            const answer = await client.send(new client_iam_dist_cjs/* ListOpenIDConnectProvidersCommand */.vfi({}), { abortSignal });
            if (!answer.OpenIDConnectProviderList)
                throw new MalformedAnswer('iam:ListOpenIDConnectProviders returned no OpenIDConnectProviderList');
            return answer.OpenIDConnectProviderList.flatMap((entry) => (entry.Arn ? [entry.Arn] : []));
        });
    }
    getOidcProvider(account, arn) {
        return this.iam(account, `GetOpenIDConnectProvider ${arn}`, 'iam:GetOpenIDConnectProvider', async (client, abortSignal) => {
            const answer = await client.send(new client_iam_dist_cjs/* GetOpenIDConnectProviderCommand */.cCT({ OpenIDConnectProviderArn: arn }), {
                abortSignal,
            });
            if (answer.Url === undefined)
                throw new MalformedAnswer('iam:GetOpenIDConnectProvider returned no Url');
            return { url: answer.Url, clientIds: answer.ClientIDList ?? [] };
        });
    }
    describeCluster(account, region, name) {
        return this.run(`${account} ${region} DescribeCluster ${name}`, 'eks:DescribeCluster', account, async (credentials, abortSignal) => {
            const client = this.client(this.eksClients, `${account} ${region}`, () => new dist_cjs/* EKSClient */.JQJ({ ...this.options.clientConfig(region), credentials }));
            const { cluster } = await client.send(new dist_cjs/* DescribeClusterCommand */.hV5({ name }), { abortSignal });
            if (!cluster)
                throw new MalformedAnswer('eks:DescribeCluster returned no cluster');
            return {
                ...(cluster.arn ? { arn: cluster.arn } : {}),
                ...(cluster.identity?.oidc?.issuer ? { issuer: cluster.identity.oidc.issuer } : {}),
            };
        });
    }
    destroy() {
        for (const client of [...this.iamClients.values(), ...this.eksClients.values()])
            client.destroy();
    }
    iam(account, what, call, send) {
        return this.run(`${account} ${what}`, call, account, (credentials, abortSignal) => {
            const client = this.client(this.iamClients, account, () => new client_iam_dist_cjs/* IAMClient */.h8v({ ...this.options.clientConfig(this.options.region), credentials }));
            return send(client, abortSignal);
        });
    }
    paginate(account, roleName, call, fetchPage) {
        return this.memoised(`${account} ${call} ${roleName.toLowerCase()}`, async () => {
            let total = 0;
            let marker;
            for (let page = 0; page < MAX_PAGES; page++) {
                const outcome = await this.iam(account, `${call} ${roleName.toLowerCase()} ${marker ?? ''}`, call, (client, abortSignal) => fetchPage(client, marker, abortSignal));
                if (!outcome.ok)
                    return outcome;
                total += outcome.value.count;
                if (!outcome.value.next)
                    return { ok: true, value: total };
                marker = outcome.value.next;
            }
            return { ok: false, call, kind: 'failed', text: `more than ${MAX_PAGES} pages` };
        });
    }
    run(key, call, account, send) {
        return this.memoised(key, async () => {
            const credentials = await this.options.credentialsFor(account);
            // Not attempted for want of credentials: the read it was for is what failed; else the sts:AssumeRole that did.
            if (!credentials.ok)
                return credentials.kind === 'unconfigured' ? { ...credentials, call } : credentials;
            return this.limit(async () => {
                this.calls++;
                try {
                    return {
                        ok: true,
                        value: await withTimeout(this.options.budget, (abortSignal) => send(credentials.value, abortSignal)),
                    };
                }
                catch (error) {
                    if (error instanceof MalformedAnswer)
                        return { ok: false, call, kind: 'malformed', text: error.message };
                    return { ok: false, call, ...describeFailure(error) };
                }
            });
        });
    }
    memoised(key, compute) {
        let pending = this.memo.get(key);
        if (!pending) {
            pending = compute();
            this.memo.set(key, pending);
        }
        return pending;
    }
    client(cache, key, create) {
        let client = cache.get(key);
        if (!client) {
            client = create();
            cache.set(key, client);
        }
        return client;
    }
}
class MalformedAnswer extends Error {
}
/** GetRole returns the trust policy URL-encoded (RFC 3986); a document that is not is kept as it is. */
function decodePolicy(document) {
    try {
        return decodeURIComponent(document);
    }
    catch {
        return document;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/model/error-text.ts
var error_text = __webpack_require__(1259);
;// CONCATENATED MODULE: ./src/live/credentials.ts






/** The audience GitHub's OIDC token is requested for: what AWS STS expects. */
const STS_AUDIENCE = 'sts.amazonaws.com';
/** Live confirmation cannot start: no credentials could be had. The message says why and what to change. */
class CredentialsUnavailable extends Error {
    name = 'CredentialsUnavailable';
}
/**
 * The auditor's credentials: with `role-to-assume`, the workflow's GitHub OIDC token (audience
 * sts.amazonaws.com) exchanged with STS AssumeRoleWithWebIdentity; without it, the SDK's default
 * chain (environment, shared files, container or instance role). Every secret is masked first.
 */
async function baseCredentials(options) {
    const { settings, env, budget, mask } = options;
    const sts = new client_sts_dist_cjs/* STSClient */.iM(options.clientConfig(settings.region));
    try {
        if (settings.roleToAssume) {
            const token = await webIdentityToken(env, budget);
            mask(token);
            let answer;
            try {
                answer = await withTimeout(budget, (abortSignal) => sts.send(new client_sts_dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                    RoleArn: settings.roleToAssume,
                    RoleSessionName: settings.roleSessionName,
                    WebIdentityToken: token,
                    DurationSeconds: 900,
                }), { abortSignal }));
            }
            catch (error) {
                throw new CredentialsUnavailable(`sts:AssumeRoleWithWebIdentity for ${settings.roleToAssume} failed: ${describeFailure(error).text}`);
            }
            const credentials = fromSts(answer.Credentials, mask);
            if (!credentials)
                throw new CredentialsUnavailable(`sts:AssumeRoleWithWebIdentity for ${settings.roleToAssume} returned no credentials`);
            const account = /^arn:[^:]+:sts::(\d{12}):/.exec(answer.AssumedRoleUser?.Arn ?? '')?.[1] ??
                (0,iam_arn/* parseRoleArn */.DM)(settings.roleToAssume).account;
            return {
                credentials,
                account,
                description: `role ${settings.roleToAssume} assumed with the workflow's OIDC token`,
            };
        }
        let credentials;
        try {
            credentials = await withTimeout(budget, () => sts.config.credentials());
        }
        catch (error) {
            throw new CredentialsUnavailable(`no AWS credentials found (${describeFailure(error).text}): set role-to-assume (with \`permissions: id-token: write\`), or run aws-actions/configure-aws-credentials before this step`);
        }
        maskCredentials(credentials, mask);
        const caller = new client_sts_dist_cjs/* STSClient */.iM({ ...options.clientConfig(settings.region), credentials });
        try {
            const identity = await withTimeout(budget, (abortSignal) => caller.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}), { abortSignal }));
            if (!identity.Account)
                throw new Error('sts:GetCallerIdentity returned no account');
            return {
                credentials,
                account: identity.Account,
                description: `the SDK's default credentials (${identity.Arn ?? identity.Account})`,
            };
        }
        catch (error) {
            throw new CredentialsUnavailable(`sts:GetCallerIdentity with the SDK's default credentials failed: ${describeFailure(error).text}`);
        }
        finally {
            caller.destroy();
        }
    }
    finally {
        sts.destroy();
    }
}
/** Credentials in another account: the account's auditor role (account-roles), assumed with sts:AssumeRole. */
async function accountCredentials(roleArn, base, options) {
    const sts = new client_sts_dist_cjs/* STSClient */.iM({ ...options.clientConfig(options.settings.region), credentials: base });
    try {
        const answer = await withTimeout(options.budget, (abortSignal) => sts.send(new client_sts_dist_cjs/* AssumeRoleCommand */.QL({
            RoleArn: roleArn,
            RoleSessionName: options.settings.roleSessionName,
            DurationSeconds: 900,
        }), { abortSignal }));
        const credentials = fromSts(answer.Credentials, options.mask);
        if (!credentials)
            throw new Error(`sts:AssumeRole for ${roleArn} returned no credentials`);
        return credentials;
    }
    finally {
        sts.destroy();
    }
}
async function webIdentityToken(env, budget) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        const fork = isForkPullRequest(env)
            ? ' (pull requests from forks get no OIDC token, whatever the permissions say)'
            : '';
        throw new CredentialsUnavailable(`role-to-assume needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: the job needs \`permissions: id-token: write\`${fork}`);
    }
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(STS_AUDIENCE)}`;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    try {
        // The request of @actions/core's getIDToken (GET with the bearer request token, `{"value": …}`), but
        // aborted with the budget: an endpoint that never answers must not keep a socket (and the process) alive.
        return await withTimeout(budget, async (signal) => {
            const response = await fetch(url, {
                headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
                signal,
            });
            const body = await response.text();
            if (!response.ok)
                throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
            const value = parseTokenAnswer(body);
            if (!value)
                throw new Error('the answer has no "value" with the token');
            return value;
        });
    }
    catch (error) {
        throw new CredentialsUnavailable(`could not get the workflow's OIDC token: ${oneLine(error)}`);
    }
}
function parseTokenAnswer(body) {
    try {
        const value = JSON.parse(body)?.value;
        return typeof value === 'string' && value !== '' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function oneLine(error) {
    const message = (0,error_text/* errorText */.k)(error);
    return message.replace(/\s+/g, ' ').trim();
}
/** A pull request whose head is in another repository (a fork): GitHub gives its workflows no OIDC token. */
function isForkPullRequest(env) {
    if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH)
        return false;
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const head = event.pull_request?.head?.repo;
        return (head?.fork === true ||
            (head?.full_name !== undefined && head.full_name !== event.pull_request?.base?.repo?.full_name));
    }
    catch {
        return false;
    }
}
function fromSts(credentials, mask) {
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey)
        return undefined;
    const result = {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
        ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
    };
    maskCredentials(result, mask);
    return result;
}
function maskCredentials(credentials, mask) {
    mask(credentials.accessKeyId);
    mask(credentials.secretAccessKey);
    if (credentials.sessionToken)
        mask(credentials.sessionToken);
}

;// CONCATENATED MODULE: ./src/live/plan.ts

function planLive(graph, settings, config) {
    const roles = new Map();
    const providers = new Map();
    for (const sa of graph.facts.serviceAccounts) {
        const target = (0,live/* roleTargetOf */.vB)(graph, sa);
        if (!target)
            continue;
        const key = `${target.account ?? ''}/${target.name.toLowerCase()}`;
        if (!roles.has(key))
            roles.set(key, {
                ...(target.account ? { account: target.account } : {}),
                name: target.name,
                location: target.location,
            });
        for (const role of (0,live/* repositoryTrusts */.SV)(graph, sa)) {
            for (const provider of (0,live/* namedProviders */.qy)(role.trustPolicy))
                if (!providers.has(provider.arn))
                    providers.set(provider.arn, provider);
        }
    }
    const clusters = settings.clusters.map((cluster) => {
        const configured = config.clusters.find((each) => each.name === cluster.name);
        const account = cluster.account ?? configured?.account;
        return {
            name: cluster.name,
            region: cluster.region,
            ...(account ? { account } : {}),
            ...(configured?.location ? { location: configured.location } : {}),
        };
    });
    return { roles: [...roles.values()], providers: [...providers.values()], clusters };
}

;// CONCATENATED MODULE: ./src/live/confirm.ts











/**
 * Reads from AWS what the repository's IRSA chain relies on: every role a ServiceAccount names
 * (iam:GetRole, its permission policies), every OIDC provider the trusts name (in the role's
 * account) and the issuer of each cluster of the `clusters` input. Never throws; what cannot
 * be read becomes a gap. `ran: false` when no credentials could be had at all.
 */
async function confirmLive(graph, options) {
    const started = Date.now();
    const { settings } = options;
    const mode = settings.mode === 'required' ? 'required' : 'auto';
    const plan = planLive(graph, settings, options.config);
    const observations = { mode, roles: [], providers: [], clusters: [], gaps: [] };
    const [firstRole] = plan.roles;
    if (!firstRole)
        return { ran: true, observations, calls: 0, elapsedMs: 0, credentials: 'none (nothing to confirm)' };
    const budget = new Budget(settings.timeoutSeconds * 1000);
    const clientConfig = (region) => ({
        region,
        maxAttempts: 3,
        retryMode: 'adaptive',
        customUserAgent: `irsa-guard/${version/* VERSION */.x}`,
        requestHandler: { connectionTimeout: Math.min(5_000, budget.perCallMs), requestTimeout: budget.perCallMs },
    });
    const credentialOptions = { settings, env: options.env, budget, mask: options.mask, clientConfig };
    let base;
    try {
        base = await baseCredentials(credentialOptions);
    }
    catch (error) {
        const reason = error instanceof CredentialsUnavailable
            ? error.message
            : `could not get AWS credentials: ${describeFailure(error).text}`;
        return { ran: false, reason };
    }
    observations.auditorAccount = base.account;
    const accountCredentialsMemo = new Map();
    const credentialsFor = (account) => {
        if (account === base.account)
            return Promise.resolve({ ok: true, value: base.credentials });
        const roleArn = settings.accountRoles.get(account);
        if (!roleArn) {
            return Promise.resolve({
                ok: false,
                call: 'sts:AssumeRole',
                kind: 'unconfigured',
                text: `no credentials for account ${account}: the auditor role is in account ${base.account}, and account-roles names none for ${account}`,
            });
        }
        let pending = accountCredentialsMemo.get(account);
        if (!pending) {
            pending = accountCredentials(roleArn, base.credentials, credentialOptions).then((value) => ({ ok: true, value }), (error) => {
                const failure = describeFailure(error);
                return { ok: false, call: 'sts:AssumeRole', kind: failure.kind, text: `${roleArn}: ${failure.text}` };
            });
            accountCredentialsMemo.set(account, pending);
        }
        return pending;
    };
    const reader = new AwsReader({ budget, credentialsFor, clientConfig, region: settings.region });
    try {
        const gap = (location, subject, failure, key) => {
            observations.gaps.push({
                location,
                subject,
                call: failure.call,
                reason: failure.text,
                remedy: remedyFor(failure, settings),
                key,
            });
        };
        const rolesRead = readRoles(reader, plan.roles, base.account, gap);
        const clustersRead = Promise.all(plan.clusters.map(async (cluster) => {
            const account = cluster.account ?? base.account;
            const outcome = await reader.describeCluster(account, cluster.region, cluster.name);
            const lookup = {
                name: cluster.name,
                region: cluster.region,
                account,
                state: 'unknown',
                ...(cluster.location ? { location: cluster.location } : {}),
            };
            const subject = `cluster ${cluster.name} in account ${account}, ${cluster.region}`;
            if (outcome.ok) {
                lookup.state = 'found';
                const location = cluster.location ?? firstRole.location;
                lookup.cluster = {
                    source: 'live',
                    location,
                    name: (0,value/* known */.eO)(cluster.name, location),
                    region: (0,value/* known */.eO)(cluster.region, location),
                    account: (0,value/* known */.eO)(account, location),
                    ...(outcome.value.issuer ? { issuer: (0,value/* known */.eO)(outcome.value.issuer, location) } : {}),
                };
            }
            else {
                // A cluster the input names but AWS does not know cannot be compared: a gap, like a denied call.
                gap(cluster.location ?? firstRole.location, subject, outcome, `cluster:${account}/${cluster.region}/${cluster.name}`);
            }
            return lookup;
        }));
        observations.roles = await rolesRead;
        observations.providers = await readProviders(reader, providersToRead(plan.providers, observations.roles, plan.roles), gap);
        observations.clusters = await clustersRead;
    }
    finally {
        reader.destroy();
    }
    return {
        ran: true,
        observations,
        calls: reader.calls,
        elapsedMs: Date.now() - started,
        credentials: base.description,
    };
}
async function readRoles(reader, roles, auditorAccount, gap) {
    const unique = new Map();
    for (const role of roles) {
        const account = role.account ?? auditorAccount;
        const key = `${account}/${role.name.toLowerCase()}`;
        if (!unique.has(key))
            unique.set(key, { account, name: role.name, location: role.location });
    }
    return Promise.all([...unique.values()].map(async ({ account, name, location }) => {
        const subject = `role ${name} in account ${account}`;
        const key = `role:${account}/${name.toLowerCase()}`;
        const lookup = { account, name, state: 'unknown' };
        const answer = await reader.getRole(account, name);
        if (!answer.ok) {
            if (answer.kind === 'missing')
                lookup.state = 'missing';
            else
                gap(location, subject, answer, key);
            return lookup;
        }
        lookup.state = 'found';
        lookup.role = deployedRoleFact(answer.value, account, location, (reason) => gap(location, subject, { call: 'iam:GetRole', kind: 'malformed', text: reason }, key));
        const [attached, inline] = await Promise.all([
            reader.countAttachedPolicies(account, name),
            reader.countInlinePolicies(account, name),
        ]);
        if (attached.ok && inline.ok)
            lookup.permissionPolicyCount = attached.value + inline.value;
        // One policy is enough to know that the role grants something.
        else if (attached.ok && attached.value > 0)
            lookup.permissionPolicyCount = attached.value;
        else if (inline.ok && inline.value > 0)
            lookup.permissionPolicyCount = inline.value;
        else
            for (const failed of [attached, inline])
                if (!failed.ok)
                    gap(location, `the permission policies of ${subject}`, failed, `${key}:${failed.call}`);
        return lookup;
    }));
}
/** The deployed role as a fact; its trust policy is parsed like a repository's, every node at `location` (the annotation). */
function deployedRoleFact(deployed, account, location, unreadable) {
    const partition = (0,iam_arn/* parseRoleArn */.DM)(deployed.arn)?.partition ?? 'aws';
    const role = {
        source: 'live',
        location,
        label: `role ${deployed.name} (deployed)`,
        name: (0,value/* known */.eO)(deployed.name, location),
        path: (0,value/* known */.eO)(deployed.path, location),
        account: (0,value/* known */.eO)(account, location),
        partition,
        arn: (0,value/* known */.eO)(deployed.arn, location),
        arnReferences: [],
    };
    if (deployed.trustPolicy === undefined)
        return role;
    const tree = (0,json_tree/* parseJsonTree */.U)(location.path, deployed.trustPolicy, { fixedLocation: location });
    if (!tree.ok) {
        unreadable(`the deployed trust policy is not JSON: ${tree.message}`);
        return role;
    }
    role.trustPolicy = (0,policy_document/* readPolicyDocument */._x)(tree.root, `deployed trust of role ${deployed.name}`).document;
    return role;
}
/** Providers the repository's trusts name, then those only the deployed trusts name (at the first annotation of their role). */
function providersToRead(fromRepository, roles, planned) {
    const providers = new Map(fromRepository.map((provider) => [provider.arn, provider]));
    for (const lookup of roles) {
        const deployed = lookup.role;
        if (!deployed?.trustPolicy)
            continue;
        const policy = deployed.trustPolicy;
        const location = planned.find((role) => role.name.toLowerCase() === lookup.name.toLowerCase())?.location ?? deployed.location;
        for (const provider of (0,live/* namedProviders */.qy)(policy))
            if (!providers.has(provider.arn))
                providers.set(provider.arn, { ...provider, location });
    }
    return [...providers.values()];
}
async function readProviders(reader, providers, gap) {
    return Promise.all(providers.map(async (provider) => {
        const lookup = {
            arn: provider.arn,
            account: provider.account,
            issuerHostPath: provider.issuerHostPath,
            state: 'unknown',
        };
        const subject = `OIDC provider ${provider.issuerHostPath} in account ${provider.account}`;
        const key = `provider:${provider.arn}`;
        const listed = await reader.listOidcProviders(provider.account);
        if (listed.ok) {
            lookup.accountIssuers = listed.value.flatMap((arn) => (0,iam_arn/* parseOidcProviderArn */.df)(arn)?.issuerHostPath ?? []);
            if (!listed.value.includes(provider.arn)) {
                lookup.state = 'missing';
                return lookup;
            }
        }
        // Listed, or the listing failed: GetOpenIDConnectProvider tells too (NoSuchEntity when missing).
        const answer = await reader.getOidcProvider(provider.account, provider.arn);
        if (answer.ok) {
            lookup.state = 'found';
            lookup.provider = {
                source: 'live',
                location: provider.location,
                arn: (0,value/* known */.eO)(provider.arn, provider.location),
                url: (0,value/* known */.eO)(answer.value.url, provider.location),
                clientIds: answer.value.clientIds.map((id) => (0,value/* known */.eO)(id, provider.location)),
                arnReferences: [],
            };
        }
        else if (answer.kind === 'missing') {
            lookup.state = 'missing';
        }
        else {
            gap(provider.location, subject, listed.ok ? answer : listed, key);
        }
        return lookup;
    }));
}
function remedyFor(failure, settings) {
    switch (failure.kind) {
        case 'denied':
            return failure.call === 'sts:AssumeRole'
                ? "let the auditor role assume the account's role: its trust policy must name the auditor role, whose policy must allow sts:AssumeRole on it"
                : `allow ${failure.call} to the auditor role (see the permission policy in the README)`;
        case 'throttled':
            return 'run the check again later';
        case 'timeout':
            return `raise live-timeout-seconds (now ${settings.timeoutSeconds}), or check that the AWS endpoint is reachable`;
        case 'unreachable':
            return 'check that the AWS endpoint is reachable from the runner (AWS_ENDPOINT_URL…, proxy), and run the check again';
        case 'missing':
            return 'correct the clusters input (name, account, region)';
        case 'unconfigured':
            return `add "<account>=<auditor role ARN>" for that account to account-roles`;
        default:
            return 'run the check again; if it persists, check the AWS endpoint settings';
    }
}

;// CONCATENATED MODULE: ./src/live/action.ts






/**
 * The action's live step (loaded only when `live` is not off, so the AWS SDK costs nothing
 * otherwise): reads AWS, then checks again with the live facts and rules. With `auto`, no
 * credentials means one notice and the offline result.
 */
async function runLiveStep(input) {
    const { settings } = input;
    const outcome = await confirmLive(input.offline.graph, {
        settings,
        config: input.config,
        env: process.env,
        mask: core/* setSecret */.Pq,
    });
    if (!outcome.ran) {
        if (settings.mode === 'required')
            return {
                result: input.offline,
                failure: `live: required, but live confirmation could not run: ${outcome.reason}`,
            };
        actions_log/* actionsLog */._.notice(`live confirmation skipped, checked the repository only: ${outcome.reason}`, {
            title: 'irsa-guard live',
        });
        return { result: input.offline };
    }
    const { observations } = outcome;
    if (outcome.calls === 0 && observations.roles.length === 0) {
        actions_log/* actionsLog */._.info('irsa-guard live: nothing to confirm (no ServiceAccount names a role)');
        return { result: input.offline };
    }
    actions_log/* actionsLog */._.info(`irsa-guard live: ${observations.roles.length} ${observations.roles.length === 1 ? 'role' : 'roles'}, ${observations.providers.length} OIDC ` +
        `${observations.providers.length === 1 ? 'provider' : 'providers'}, ${observations.clusters.length} ${observations.clusters.length === 1 ? 'cluster' : 'clusters'} ` +
        `read in ${outcome.calls} AWS calls (${formatSeconds(outcome.elapsedMs)}) with ${outcome.credentials}; ${observations.gaps.length} could not be confirmed`);
    const result = await (0,check/* check */.z6)({
        root: input.root,
        config: input.config,
        extraFacts: { live: [observations] },
        extraRules: live_rules/* liveRules */.q,
    });
    const incomplete = result.findings.filter((finding) => finding.ruleId === 'live-check-incomplete').length;
    if (settings.mode === 'required' && incomplete > 0) {
        return {
            result,
            failure: `live: required, but live confirmation is incomplete: ${incomplete} ${incomplete === 1 ? 'thing' : 'things'} could not be confirmed (see the live-check-incomplete findings)`,
        };
    }
    return { result };
}


/***/ })

};
