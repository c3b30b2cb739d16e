import { KeyboardEvent, ReactNode, useId, useState } from 'react';
import { Department } from '../api';
import { useI18n } from '../i18n';
import { localName } from '../reference';

interface Props {
  label: string;
  departments: Department[];
  /** The chosen codes, in the order they were chosen. */
  value: string[];
  onChange: (codes: string[]) => void;
  /** A code that may not be chosen here (the lead department). */
  excluded?: string;
  invalid?: boolean;
  /** The field errors, under the box. */
  children?: ReactNode;
}

/** Whether a department matches what was typed: its Chinese or English name, or its code. */
function matches(department: Department, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [department.name, department.nameEn ?? '', department.code].some((text) => text.toLowerCase().includes(q));
}

/**
 * A searchable multi-select (the ARIA combobox pattern): a text box filtering a list of the
 * departments not yet chosen, the chosen ones as removable chips. Sixteen-odd checkboxes took
 * the whole form and cut long names; here every name wraps and is found by a few characters.
 */
export function DepartmentMultiSelect({ label, departments, value, onChange, excluded, invalid, children }: Props) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const options = departments.filter((d) => d.code !== excluded && !value.includes(d.code) && matches(d, query));
  const current = Math.min(active, options.length - 1);
  const name = (code: string) => {
    const department = byCode.get(code);
    return department ? localName(department.name, department.nameEn) : code;
  };

  const choose = (code: string) => {
    onChange([...value, code]);
    setQuery('');
    setActive(0);
  };
  const remove = (code: string) => onChange(value.filter((c) => c !== code));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(options.length - 1, current + step)));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted option; it must not submit the plan half-filled.
      if (open && options[current]) {
        event.preventDefault();
        choose(options[current].code);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      remove(value[value.length - 1]);
    }
  };

  return (
    <div className={`field multi-select${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {value.length > 0 ? (
        <ul className="chips" aria-label={t('form.chosen', { label })}>
          {value.map((code) => (
            <li key={code} className="chip">
              <span className="chip-text">{name(code)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('form.removeChosen', { name: name(code) })}
                onClick={() => remove(code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[current] ? `${id}-${options[current].code}` : undefined}
        aria-invalid={invalid || undefined}
        placeholder={t('form.searchDepartment')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 ? (
        <ul id={listId} role="listbox" className="options" aria-label={label}>
          {options.map((d, index) => (
            <li
              key={d.code}
              id={`${id}-${d.code}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'option option-active' : 'option'}
              // Keeps the focus in the text box, so the list stays open for the next choice.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(d.code)}
            >
              {localName(d.name, d.nameEn)} <span className="muted">{d.code}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && options.length === 0 ? (
        <p className="options options-none" role="status">
          {t('form.noDepartmentMatch')}
        </p>
      ) : null}
      {children}
    </div>
  );
}
