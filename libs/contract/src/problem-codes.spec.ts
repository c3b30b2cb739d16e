import { conferenceErrors, DomainError, enterpriseErrors, projectErrors } from '@luodi/domain';
import { PROBLEMS } from './problem-codes';

const STATUS_BY_KIND = { invalid: 400, 'not-found': 404, forbidden: 403, conflict: 409 } as const;

describe('the problem registry', () => {
  it('registers every code the domain errors raise, with the status of their kind', () => {
    const factories = [projectErrors, enterpriseErrors, conferenceErrors].flatMap((errors) => Object.values(errors));
    // Every factory takes zero to two strings; 'closed' needs one of its known statuses.
    const raised = factories.map((factory) => (factory as (...args: string[]) => DomainError)('withdrawn', 'field'));
    const unregistered = raised.filter(
      (error) =>
        !(PROBLEMS as Record<string, { statuses: readonly number[] }>)[error.code]?.statuses.includes(
          STATUS_BY_KIND[error.kind],
        ),
    );
    expect(unregistered.map((error) => `${error.code} ${error.kind}`)).toEqual([]);
  });
});
