import { DomainError } from '../kernel/domain.error';
import { IndustryChainCommand, industryChainDecider, IndustryChainEvent } from './industry-chain.decider';

const NOW = '2026-12-02T08:00:00.000Z';
const given = (...events: IndustryChainEvent[]) =>
  events.reduce(industryChainDecider.evolve, industryChainDecider.initialState());
const added = (name: string, nameEn?: string): IndustryChainEvent => ({
  type: 'IndustryChainAdded',
  data: { name, ...(nameEn ? { nameEn } : {}), occurredAt: NOW },
});
const when = (command: Omit<IndustryChainCommand, 'metadata'>, state = given()) =>
  industryChainDecider.decide({ ...command, metadata: { now: NOW } } as IndustryChainCommand, state);
const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('industry chain decider', () => {
  it('adds a chain, its names trimmed, the English name optional', () => {
    expect(when({ type: 'AddIndustryChain', data: { name: ' 氢能 ', nameEn: ' Hydrogen ' } })).toEqual([
      { type: 'IndustryChainAdded', data: { name: '氢能', nameEn: 'Hydrogen', occurredAt: NOW } },
    ]);
    expect(when({ type: 'AddIndustryChain', data: { name: '氢能' } })).toEqual([
      { type: 'IndustryChainAdded', data: { name: '氢能', occurredAt: NOW } },
    ]);
  });

  it('409 INDUSTRY_CHAIN_ALREADY_EXISTS for a name taken', () => {
    const error = errorOf(() => when({ type: 'AddIndustryChain', data: { name: '氢能 ' } }, given(added('氢能'))));
    expect({ kind: error.kind, code: error.code }).toEqual({ kind: 'conflict', code: 'INDUSTRY_CHAIN_ALREADY_EXISTS' });
  });

  it('a blank name is invalid, naming the field', () => {
    const error = errorOf(() => when({ type: 'AddIndustryChain', data: { name: '  ' } }));
    expect({ kind: error.kind, field: error.field }).toEqual({ kind: 'invalid', field: 'name' });
  });

  it('gives, changes and clears the English name of an existing chain', () => {
    const state = given(added('氢能'));
    const named = when({ type: 'NameIndustryChainInEnglish', data: { name: '氢能', nameEn: 'Hydrogen' } }, state);
    expect(named).toEqual([
      { type: 'IndustryChainNamedInEnglish', data: { name: '氢能', nameEn: 'Hydrogen', occurredAt: NOW } },
    ]);
    const after = given(added('氢能'), ...named);
    expect(after).toEqual([{ name: '氢能', nameEn: 'Hydrogen' }]);
    expect(when({ type: 'NameIndustryChainInEnglish', data: { name: '氢能', nameEn: null } }, after)).toEqual([
      { type: 'IndustryChainNamedInEnglish', data: { name: '氢能', occurredAt: NOW } },
    ]);
  });

  it('naming it as it is already named changes nothing', () => {
    const state = given(added('氢能', 'Hydrogen'));
    expect(when({ type: 'NameIndustryChainInEnglish', data: { name: '氢能', nameEn: 'Hydrogen' } }, state)).toEqual([]);
  });

  it('404 INDUSTRY_CHAIN_NOT_FOUND when naming a chain that does not exist', () => {
    const error = errorOf(() => when({ type: 'NameIndustryChainInEnglish', data: { name: '氢能', nameEn: 'H' } }));
    expect({ kind: error.kind, code: error.code }).toEqual({ kind: 'not-found', code: 'INDUSTRY_CHAIN_NOT_FOUND' });
  });
});
