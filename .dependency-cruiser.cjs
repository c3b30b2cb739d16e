/**
 * The direction of dependencies between Luodi's parts, checked by `npm run lint:deps`
 * (dependency-cruiser). Why each rule exists is in its comment; docs/architecture.md has the map.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain holds the pure deciders: no framework, driver or other package, and nothing of the rest of the code base, so it can be tested and reused without any of them. Only Node.js built-ins (node:crypto, ...) are allowed.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      // Built-ins resolve without their node: prefix, so they are matched by type.
      to: { pathNot: '^libs/domain/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'libs-do-not-import-apps',
      comment:
        'The libraries are the inner layers; the apps compose them. A lib importing an app would turn that around.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'projector-does-not-import-api',
      comment:
        'apps/projector is its own process and must not reach into the API app; code both need belongs in a lib (libs/platform for the database and the projection metrics, libs/read-models, libs/event-store).',
      severity: 'error',
      from: { path: '^apps/projector/' },
      to: { path: '^apps/api/src/' },
    },
    {
      name: 'contract-is-plain',
      comment:
        "libs/contract (the registry of problem codes) is read by the API, the web app and the web's tests alike: it may import the domain (for its codes) and nothing else, no framework or driver.",
      severity: 'error',
      from: { path: '^libs/contract/' },
      to: { pathNot: ['^libs/contract/', '^libs/domain/'] },
    },
    {
      name: 'web-imports-no-server-code',
      comment:
        'apps/web/src runs in the browser (vite.config.ts is build-time Node code): outside apps/web it may import types only (erased at build), never server code that would be bundled.',
      severity: 'error',
      from: { path: '^apps/web/src/', pathNot: '\\.spec\\.tsx?$' },
      to: { pathNot: ['^apps/web/', '(^|/)node_modules/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-specs-import-no-server-code',
      comment:
        "The web's unit tests may read the registry of problem codes (libs/contract, to check every code has a wording) and the domain, but nothing of the server proper.",
      severity: 'error',
      from: { path: '^apps/web/src/.+\\.spec\\.tsx?$' },
      to: {
        path: [
          '^apps/api/',
          '^apps/projector/',
          '^libs/event-store/',
          '^libs/read-models/',
          '^libs/forecast/',
          '^libs/platform/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-circular-in-libs',
      comment:
        'A cycle between modules of a lib makes its layering unclear; reported as a warning until the existing ones are untangled.',
      severity: 'warn',
      from: { path: '^libs/' },
      to: { path: '^libs/', circular: true },
    },
    {
      name: 'resolvable',
      comment:
        'Every import must resolve, the @luodi/* path aliases included: an unresolved import would slip past the rules above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // Not node_modules: excluding it would drop the imports of packages the rules look at.
    exclude: { path: '(^|/)dist/' },
    // Type-only imports are seen (and labelled type-only) so the web rule can tell them apart.
    tsPreCompilationDeps: true,
    // Resolves the @luodi/* aliases as the compiler does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
