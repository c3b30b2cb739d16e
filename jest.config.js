/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // NestJS 12 ships ES modules; let swc turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm)/)'],
  moduleNameMapper: {
    '^@luodi/event-store/kurrentdb$': '<rootDir>/libs/event-store/src/kurrentdb/kurrentdb-event-store',
    '^@luodi/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // TypeScript sources win over any stray compiled .js beside them.
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // One PostgreSQL server for the run (embedded unless DATABASE_URL is set); each test file
  // creates its own database on it.
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 120000,
};
