// docker/ checked on paper (no Docker engine runs on these machines): the compose file is valid under the
// Compose Specification's own JSON schema (compose-go's, as `docker compose` uses it, fetched through the Go
// module proxy like the Temporal CLI), only the reverse proxy is published and its operator ports only on the
// host's loopback, every long-running service has a health check and a restart policy, secrets come from the
// uncommitted env file, and Prometheus scrapes the port the engine serves metrics on, with alert rules and a
// dashboard that name metrics the engine really exports.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse, parseDocument } from 'yaml';
import { ApiMetrics } from '../../apps/api/src/metrics/api-metrics';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCKER = path.join(ROOT, 'docker');
const COMPOSE_GO = 'github.com/compose-spec/compose-go/v2@v2.16.2';

/** The Compose Specification schema from compose-go (the loader `docker compose` is built on), via the Go module proxy. */
function composeSchema(): object {
  const out = execFileSync('go', ['mod', 'download', '-json', COMPOSE_GO], { encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' }, cwd: DOCKER });
  const { Dir } = JSON.parse(out) as { Dir: string };
  return JSON.parse(fs.readFileSync(path.join(Dir, 'schema', 'compose-spec.json'), 'utf8')) as object;
}

/** docker/.env.example as a map (the values an operator starts from). */
function envExample(): Record<string, string> {
  const lines = fs.readFileSync(path.join(DOCKER, '.env.example'), 'utf8').split('\n');
  return Object.fromEntries(lines.filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}, and $$ for a literal $. */
function interpolate(value: unknown, env: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      const set = env[name!];
      if (set !== undefined && set !== '') return set;
      if (op === ':-') return arg ?? '';
      if (op === ':?') throw new Error(`${name} is required: ${arg}`);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  return value;
}

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  restart?: string;
  healthcheck?: { disable?: boolean; test?: string[] };
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
}

describe('docker/ as an operator deploys it', () => {
  const composeText = fs.readFileSync(path.join(DOCKER, 'docker-compose.yml'), 'utf8');
  const env = { ...envExample(), POSTGRES_PASSWORD: 'pw', TEMPORAL_POSTGRES_PASSWORD: 'pw', GRAFANA_ADMIN_PASSWORD: 'pw', SECRETS_KEY: 'a'.repeat(44) };
  const compose = interpolate(parseDocument(composeText, { merge: true }).toJS(), env) as { services: Record<string, Service> };
  const services = compose.services;

  it('is valid under the Compose Specification schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(composeSchema());
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('publishes only the reverse proxy: the API on port 80, the operators’ ports on the host’s loopback only', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(published).toEqual(['proxy']);
    const ports = services.proxy.ports!;
    expect(ports).toContain('80:80');
    for (const p of ports.filter((p) => p !== '80:80')) expect(p).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('runs Temporal on PostgreSQL with its schema set up by the admin tools, not the development auto-setup image', () => {
    expect(Object.values(services).map((s) => s.image ?? '')).not.toContainEqual(expect.stringMatching(/auto-setup/));
    expect(services.temporal.image).toMatch(/^temporalio\/server:/);
    expect(services['temporal-schema'].image).toMatch(/^temporalio\/admin-tools:/);
    expect(composeText).toMatch(/update-schema -d "\$\$schema\/\$\$dir\/versioned"/);
  });

  it('gives every long-running service a restart policy and a health check, and one-shot jobs neither', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.restart === 'no') continue;
      expect([name, s.restart]).toEqual([name, 'unless-stopped']);
      const checked = s.healthcheck && !s.healthcheck.disable && s.healthcheck.test?.length;
      // temporal-ui's image has no HTTP client to check itself with; the proxy's port 8080 shows whether it answers.
      if (name !== 'temporal-ui') expect([name, Boolean(checked)]).toEqual([name, true]);
    }
    expect(services.api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('takes every secret from the env file, which is not committed, and the example names every variable used', () => {
    const used = [...composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]);
    expect([...new Set(used)].filter((v) => !(v in envExample()))).toEqual([]);
    for (const secret of ['POSTGRES_PASSWORD', 'TEMPORAL_POSTGRES_PASSWORD', 'SECRETS_KEY', 'GRAFANA_ADMIN_PASSWORD']) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
    }
    expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('docker/.env');
  });

  describe('metrics', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db?.close());

    it('are scraped where the engine serves them, never through the proxy, and the alerts and dashboard name metrics the engine exports', async () => {
      const port = services.api.environment!.METRICS_PORT;
      expect(services.worker.environment!.METRICS_PORT).toBe(port);
      const prometheus = parse(fs.readFileSync(path.join(DOCKER, 'prometheus', 'prometheus.yml'), 'utf8')) as {
        scrape_configs: { job_name: string; dns_sd_configs?: { names: string[]; port: number }[] }[];
      };
      for (const job of ['api', 'worker']) {
        const config = prometheus.scrape_configs.find((c) => c.job_name === job)!;
        expect(config.dns_sd_configs).toEqual([expect.objectContaining({ names: [job], port: Number(port) })]);
      }
      const nginx = fs.readFileSync(path.join(DOCKER, 'nginx.conf'), 'utf8');
      expect(nginx).not.toContain(`:${port}`);
      expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);

      // What an API process really registers (histograms add _bucket, _sum and _count).
      const registry = new ApiMetrics(db.dataSource).registry;
      const exported = new Set((await registry.getMetricsAsJSON()).flatMap((m) => (String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name])));
      const alerts = fs.readFileSync(path.join(DOCKER, 'prometheus', 'alerts.yml'), 'utf8');
      const dashboard = fs.readFileSync(path.join(DOCKER, 'grafana', 'dashboards', 'incubator.json'), 'utf8');
      const named = [...`${alerts}\n${dashboard}`.matchAll(/\b(incubator_[a-z0-9_]+)/g)].map((m) => m[1]);
      expect(named.length).toBeGreaterThan(10);
      expect([...new Set(named)].filter((n) => !exported.has(n))).toEqual([]);
      // The dashboard is valid JSON with a query per panel.
      const panels = (JSON.parse(dashboard) as { panels: { targets: { expr: string }[] }[] }).panels;
      expect(panels.every((p) => p.targets.length > 0)).toBe(true);
    });
  });
});
