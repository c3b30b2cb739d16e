/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
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
  moduleNameMapper: { '^@luodi/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports.globalSetup = '<rootDir>/test/support/global-setup.mjs';
module.exports.globalTeardown = '<rootDir>/test/support/global-teardown.mjs';
