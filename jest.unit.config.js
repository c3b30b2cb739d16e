// `npm run test:unit`: the specs that need no server, in seconds. Every spec under apps/ and libs/
// is one, except those listed here; everything under test/ needs PostgreSQL (or a browser) and
// runs only in `npm test`. Without the global PostgreSQL setup, `pg` is a stub that throws, so a
// spec that needs a database and is missing here fails at once, naming this list.
const { globalSetup, globalTeardown, ...base } = require('./jest.config');

const SERVER_SPECS = [
  '<rootDir>/libs/event-store/src/handle-command.spec.ts',
  '<rootDir>/libs/event-store/src/postgres/',
  '<rootDir>/libs/event-store/src/kurrentdb/kurrentdb-event-store.spec.ts',
  '<rootDir>/libs/read-models/src/projector/',
  '<rootDir>/libs/read-models/src/project-facts/project-cohort.spec.ts',
  '<rootDir>/apps/api/src/scorecards/scorecard-tallies.spec.ts',
  '<rootDir>/apps/api/src/scorecards/scorecard-work-facts.spec.ts',
];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.{ts,tsx}'],
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...SERVER_SPECS],
  moduleNameMapper: { ...base.moduleNameMapper, '^pg$': '<rootDir>/test/support/no-database.stub.ts' },
};
