import { SelectHTMLAttributes } from 'react';
import { localName, useIndustryChains } from '../reference';

/**
 * The industry chains as a pick list: a filter or a submission names a chain of the admin's list,
 * never free text (a typo once made a new chain on the dashboard). A value outside the list (an
 * old link, a chain since renamed) stays shown, so the box always says what the URL filters by.
 */
export function ChainSelect({
  value,
  onChange,
  empty,
  ...attributes // id and aria-* from a Field
}: {
  value: string;
  onChange: (value: string) => void;
  empty: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const chains = useIndustryChains();
  const listed = chains.some((chain) => chain.name === value);
  return (
    <select {...attributes} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{empty}</option>
      {value && !listed ? <option value={value}>{value}</option> : null}
      {chains.map((chain) => (
        <option key={chain.name} value={chain.name}>
          {localName(chain.name, chain.nameEn)}
        </option>
      ))}
    </select>
  );
}
