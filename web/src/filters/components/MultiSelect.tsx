import { useEffect, useId, useRef, useState } from 'react';

export interface Option {
  value: string;
  label: string;
  /** A short note after the label, e.g. "competitor". */
  note?: string;
}

export interface MultiSelectProps {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/**
 * A dropdown of checkboxes. Nothing selected means "all", as in the URL. Keyboard: the button
 * opens it, Tab moves through the checkboxes, Space toggles, Escape closes and returns focus.
 */
export function MultiSelect({ label, options, selected, onChange }: MultiSelectProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A value from a shared link may not be an option here (another workspace's brand): it still
  // filters, so it still counts.
  const summary =
    selected.length === 0
      ? 'All'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
        : `${selected.length} selected`;

  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div
      className="multiselect"
      ref={root}
      onBlur={(event) => {
        // Tabbing out of the list closes it, as clicking elsewhere does.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`filter-button${selected.length > 0 ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="filter-button-label">{label}</span>
        <span className="filter-button-value">{summary}</span>
        <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
          <path d="M1 3l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div className="multiselect-panel" id={panelId} role="group" aria-label={label}>
          {options.length === 0 && <p className="multiselect-empty">Nothing to choose from yet.</p>}
          {options.map((option) => (
            <label key={option.value} className="multiselect-option">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={() => toggle(option.value)} />
              <span>{option.label}</span>
              {option.note && <span className="multiselect-note">{option.note}</span>}
            </label>
          ))}
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange([])}>
              Clear — show all
            </button>
          )}
        </div>
      )}
    </div>
  );
}
