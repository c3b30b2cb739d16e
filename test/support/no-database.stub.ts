/**
 * Stands in for `pg` in `npm run test:unit` (jest.unit.config.js): a spec there that reaches for
 * PostgreSQL fails at once with how to fix it, instead of hanging or finding a server by chance.
 */
const refuse = (): never => {
  throw new Error(
    'npm run test:unit runs without PostgreSQL: a spec that needs it belongs under test/ or in SERVER_SPECS of jest.unit.config.js',
  );
};

export class Pool {
  constructor() {
    refuse();
  }
}

export class Client {
  constructor() {
    refuse();
  }
}
