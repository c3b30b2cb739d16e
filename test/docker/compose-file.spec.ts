import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CSP_DIRECTIVES } from '../../apps/api/src/common/security-headers.middleware';

/** Static checks of the production-like deployment in docker/: no Docker needed to run them. */

const dockerDir = join(__dirname, '../../docker');
const read = (file: string) => readFileSync(join(dockerDir, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
}

const composeText = read('docker-compose.yml');
// Compose resolves YAML anchors and `<<` merge keys, so the test does too.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Service & { networks?: string[] }>;
  volumes: Record<string, unknown>;
  networks: Record<string, { ipam?: { config?: Array<{ subnet?: string }> } } | null>;
};
const services = Object.entries(compose.services);
const named = (predicate: (name: string, service: Service) => boolean) =>
  services.filter(([name, s]) => predicate(name, s)).map(([name]) => name);

/** `${VAR:-default}` becomes its default, as Compose does when VAR is unset. */
const withDefaults = (value: string) => value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
const isOneShot = (s: Service) => s.restart === 'no';
const imageOf = (s: Service) => withDefaults(s.image ?? '');
const isKurrentDb = (s: Service) => /\/kurrentdb:/.test(imageOf(s));
const isProjector = (s: Service) => (s.command ?? []).some((part) => part.includes('apps/projector/'));
const isApi = (s: Service) => s.build !== undefined && !isProjector(s);

/** An image reference pinned to a version (a tag with a number in it, not "latest") or a digest. */
function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^:/]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest' && /\d+\.\d+/.test(tag) && !/latest/.test(tag);
}

describe('docker-compose.yml', () => {
  it('gives every long-running service a health check', () => {
    const unchecked = named((_, s) => !isOneShot(s) && (!s.healthcheck?.test || s.healthcheck.disable === true));
    expect(unchecked).toEqual([]);
  });

  it('runs one-shot jobs only as prerequisites that must complete successfully', () => {
    for (const job of named((_, s) => isOneShot(s))) {
      const dependents = services.filter(([, s]) => s.depends_on?.[job]);
      expect(dependents.length).toBeGreaterThan(0);
      expect(dependents.every(([, s]) => s.depends_on![job].condition === 'service_completed_successfully')).toBe(true);
    }
  });

  it('pins every image to a version or digest, never latest', () => {
    const images = services.map(([name, s]) => [name, imageOf(s)]);
    expect(images.filter(([, image]) => image === '')).toEqual([]);
    expect(images.filter(([, image]) => !isPinned(image))).toEqual([]);
  });

  it('takes every secret from the environment (docker/.env), none inline and none defaulted', () => {
    const inline: string[] = [];
    for (const [name, s] of services) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        const secretKey = /PASSWORD|SECRET|TOKEN|_KEY$/.test(key);
        if (secretKey && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(value)) inline.push(`${name}.${key}`);
        const credentials = /\/\/[^/:@]+:([^@]*)@/.exec(value)?.[1];
        if (credentials !== undefined && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(credentials))
          inline.push(`${name}.${key} (URL password)`);
      }
    }
    expect(inline).toEqual([]);
    expect(composeText).not.toMatch(/changeit/i);
  });

  it('lists every variable it reads in docker/.env.example, with no secret filled in', () => {
    const example = read('.env.example');
    const exampleValues = new Map([...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    const used = new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]));

    expect([...used].filter((v) => !exampleValues.has(v))).toEqual([]);
    const filledSecrets = [...exampleValues].filter(([k, v]) => /PASSWORD|SECRET|TOKEN/.test(k) && v !== '');
    expect(filledSecrets).toEqual([]);
  });

  it('runs a 3-node KurrentDB cluster whose nodes gossip with the two others', () => {
    const nodes = services.filter(([, s]) => isKurrentDb(s));
    expect(nodes).toHaveLength(3);
    for (const [name, s] of nodes) {
      expect(s.environment?.KURRENTDB_CLUSTER_SIZE).toBe('3');
      const own = s.environment?.KURRENTDB_REPLICATION_IP;
      const seeds = (s.environment?.KURRENTDB_GOSSIP_SEED ?? '').split(',').map((seed) => seed.split(':')[0]);
      const others = nodes.filter(([other]) => other !== name).map(([, o]) => o.environment?.KURRENTDB_REPLICATION_IP);
      expect(seeds.sort()).toEqual(others.sort());
      expect(seeds).not.toContain(own);
    }
  });

  it('runs two API instances without projections, one projector, one proxy and one PostgreSQL', () => {
    const apis = named((_, s) => isApi(s));
    expect(apis).toHaveLength(2);
    expect(apis.every((name) => compose.services[name].environment?.LUODI_PROJECTOR === 'off')).toBe(true);
    expect(named((_, s) => isProjector(s))).toHaveLength(1);
    expect(named((_, s) => /^nginx:/.test(imageOf(s)))).toHaveLength(1);
    expect(named((_, s) => /^postgres:/.test(imageOf(s)))).toHaveLength(1);
  });

  it('configures API and projector for KurrentDB and PostgreSQL in production mode', () => {
    for (const name of named((_, s) => isApi(s) || isProjector(s))) {
      const env = compose.services[name].environment ?? {};
      expect({ name, NODE_ENV: env.NODE_ENV, EVENT_STORE: env.EVENT_STORE, PORT: env.PORT }).toEqual({
        name,
        NODE_ENV: 'production',
        EVENT_STORE: 'kurrentdb',
        PORT: '3000',
      });
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.KURRENTDB_URL).toMatch(/^kurrentdb(\+discover)?:\/\/.*tls=true/);
      expect(env.LUODI_JWT_SECRET).toBeDefined();
      expect(env.LUODI_ADMIN_PASSWORD).toBeDefined();
    }
  });

  it('lets the API instances believe X-Forwarded-For from the proxy’s network only', () => {
    const proxy = named((_, s) => /^nginx:/.test(imageOf(s)))[0];
    const proxyNetworks = compose.services[proxy].networks ?? [];
    const subnets = proxyNetworks.flatMap(
      (network) => compose.networks[network]?.ipam?.config?.map((c) => c.subnet) ?? [],
    );
    expect(subnets).toHaveLength(1);
    for (const name of named((_, s) => isApi(s)))
      expect([name, compose.services[name].environment?.LUODI_TRUSTED_PROXIES]).toEqual([name, subnets[0]]);
  });

  it('starts the apps only on healthy databases, and the proxy only on healthy API instances', () => {
    const databases = ['postgres', ...named((_, s) => isKurrentDb(s))];
    for (const name of named((_, s) => isApi(s) || isProjector(s))) {
      const dependsOn = compose.services[name].depends_on ?? {};
      expect(databases.map((db) => [name, db, dependsOn[db]?.condition])).toEqual(
        databases.map((db) => [name, db, 'service_healthy']),
      );
    }
    const proxy = named((_, s) => /^nginx:/.test(imageOf(s)))[0];
    const proxyDependsOn = compose.services[proxy].depends_on ?? {};
    expect(named((_, s) => isApi(s)).map((api) => proxyDependsOn[api]?.condition)).toEqual([
      'service_healthy',
      'service_healthy',
    ]);
  });

  it('publishes a port from the proxy only', () => {
    expect(named((_, s) => (s.ports ?? []).length > 0)).toEqual(named((_, s) => /^nginx:/.test(imageOf(s))));
  });

  it('keeps data in named volumes, declared at the top level', () => {
    const mounts = services.flatMap(([, s]) => (s.volumes ?? []).map((v) => v.split(':')[0]));
    const namedSources = mounts.filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    expect(namedSources.filter((source) => !(source in compose.volumes))).toEqual([]);
    for (const [name, s] of services.filter(([, svc]) => isKurrentDb(svc) || /^postgres:/.test(imageOf(svc)))) {
      expect({ name, dataVolume: (s.volumes ?? []).some((v) => /^[a-z0-9-]+-data:\/var\/lib\//.test(v)) }).toEqual({
        name,
        dataVolume: true,
      });
    }
  });
});

describe('docker/nginx.conf', () => {
  it('balances over exactly the API instances of the compose file', () => {
    const servers = [...read('nginx.conf').matchAll(/^\s*server\s+([a-z0-9-]+):3000\b/gm)].map((m) => m[1]);
    expect(servers.sort()).toEqual(named((_, s) => isApi(s)).sort());
  });

  it("sends the API's security headers on every answer, its own errors too, each once", () => {
    const conf = read('nginx.conf');
    const added = new Map(
      [...conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((m) => [m[1], m[2]]),
    );
    const directives = (csp: string) =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/).join(' '))
        .filter(Boolean)
        .sort();
    expect(directives(added.get('Content-Security-Policy') ?? '')).toEqual(
      Object.entries(CSP_DIRECTIVES)
        .map(([name, values]) => [name, ...values].join(' '))
        .sort(),
    );
    expect(added.get('X-Content-Type-Options')).toBe('nosniff');
    expect(added.get('X-Frame-Options')).toBe('DENY');
    expect(added.get('Referrer-Policy')).toBe('no-referrer');
    const hidden = [...conf.matchAll(/^\s*proxy_hide_header\s+([\w-]+);/gm)].map((m) => m[1]);
    expect(hidden.sort()).toEqual([...added.keys()].sort());
    // Any add_header inside a location would drop the server's ones there.
    expect([...conf.matchAll(/^ {8,}add_header\b/gm)]).toEqual([]);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds on a pinned Node 20 image in every stage', () => {
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    expect(bases.filter((b) => !/^node:20\.\d+\.\d+-/.test(b) || !isPinned(b))).toEqual([]);
  });

  it('installs only production dependencies in the final stage and runs as a non-root user', () => {
    const final = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(final).toMatch(/^RUN npm (ci|install) --omit=dev/m);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK /m);
  });

  it('starts the entry points that the build produces and the compose file runs', () => {
    // Node's own options (the heap budget) come before the script.
    const cmd = /^CMD \["node", (?:"--[^"]+", )*"([^"]+)"\]/m.exec(dockerfile)?.[1];
    const projector = compose.services.projector.command?.[1];
    expect(cmd).toBeDefined();
    expect(dockerfile).toContain(`test -f ${cmd}`);
    expect(dockerfile).toContain(`test -f ${projector}`);
  });
});
