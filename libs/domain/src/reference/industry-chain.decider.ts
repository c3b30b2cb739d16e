import { Decider, DomainCommand, DomainEvent } from '../kernel/decider';
import { conflict, DomainError, notFound } from '../kernel/domain.error';
import { optionalText, requiredText } from '../kernel/validation';

/**
 * The industry chains (产业链) projects are filed under: reference data the admin maintains, like
 * the departments. Projects keep the chain's Chinese name (`industryChain`), so a chain is never
 * renamed in Chinese; only its English name (`nameEn`) can be given or changed.
 */
export interface IndustryChain {
  name: string;
  nameEn?: string;
}

/** The whole catalogue is the state: names are unique across it. */
export type IndustryChainCatalogue = IndustryChain[];

export type AddIndustryChain = DomainCommand<'AddIndustryChain', { name: string; nameEn?: string }>;
/** `nameEn` null or blank clears the English name. */
export type NameIndustryChainInEnglish = DomainCommand<
  'NameIndustryChainInEnglish',
  { name: string; nameEn: string | null }
>;
export type IndustryChainCommand = AddIndustryChain | NameIndustryChainInEnglish;

export type IndustryChainAdded = DomainEvent<'IndustryChainAdded', IndustryChain & { occurredAt: string }>;
export type IndustryChainNamedInEnglish = DomainEvent<
  'IndustryChainNamedInEnglish',
  { name: string; nameEn?: string; occurredAt: string }
>;
export type IndustryChainEvent = IndustryChainAdded | IndustryChainNamedInEnglish;

export const IndustryChainErrorCode = {
  INDUSTRY_CHAIN_ALREADY_EXISTS: 'INDUSTRY_CHAIN_ALREADY_EXISTS',
  INDUSTRY_CHAIN_NOT_FOUND: 'INDUSTRY_CHAIN_NOT_FOUND',
  /** A project names a chain that is not in the catalogue. */
  UNKNOWN_INDUSTRY_CHAIN: 'UNKNOWN_INDUSTRY_CHAIN',
} as const;

const NAME_MAX = 100;

export const industryChainErrors = {
  alreadyExists: (name: string): DomainError =>
    conflict(IndustryChainErrorCode.INDUSTRY_CHAIN_ALREADY_EXISTS, `The industry chain "${name}" already exists.`),
  notFound: (name: string): DomainError =>
    notFound(IndustryChainErrorCode.INDUSTRY_CHAIN_NOT_FOUND, `There is no industry chain "${name}".`),
};

export const industryChainDecider: Decider<IndustryChainCatalogue, IndustryChainCommand, IndustryChainEvent> = {
  initialState: () => [],

  decide(command, catalogue) {
    const occurredAt = command.metadata.now;
    const name = requiredText(command.data.name, 'name', NAME_MAX);
    const existing = catalogue.find((chain) => chain.name === name);
    const nameEn = optionalText(command.data.nameEn ?? undefined, 'nameEn', NAME_MAX);
    switch (command.type) {
      case 'AddIndustryChain':
        if (existing) throw industryChainErrors.alreadyExists(name);
        return [{ type: 'IndustryChainAdded', data: withEnglish({ name, occurredAt }, nameEn) }];
      case 'NameIndustryChainInEnglish':
        if (!existing) throw industryChainErrors.notFound(name);
        // Giving the name it already has changes nothing.
        if (existing.nameEn === nameEn) return [];
        return [{ type: 'IndustryChainNamedInEnglish', data: withEnglish({ name, occurredAt }, nameEn) }];
    }
  },

  evolve(catalogue, event) {
    switch (event.type) {
      case 'IndustryChainAdded':
        return [...catalogue, withEnglish({ name: event.data.name }, event.data.nameEn)];
      case 'IndustryChainNamedInEnglish':
        return catalogue.map((chain) =>
          chain.name === event.data.name ? withEnglish({ name: chain.name }, event.data.nameEn) : chain,
        );
    }
  },
};

function withEnglish<T extends object>(value: T, nameEn: string | undefined): T & { nameEn?: string } {
  return nameEn === undefined ? value : { ...value, nameEn };
}
