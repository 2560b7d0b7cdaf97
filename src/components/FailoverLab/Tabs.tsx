import React from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

interface TabListProps<T extends string> {
  tabs: readonly {id: T; label: string}[];
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix of the tabs' and panels' ids (one per lab). */
  idPrefix: string;
  label: string;
}

/** ARIA tabs: one tab stop, arrow keys move between tabs (and choose them), Home and End jump. */
export function TabList<T extends string>({tabs, selected, onSelect, idPrefix, label}: TabListProps<T>): React.JSX.Element {
  const move = (event: React.KeyboardEvent, index: number) => {
    const keys: Record<string, number> = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1};
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(target.id);
    document.getElementById(`${idPrefix}-${target.id}`)?.focus();
  };
  return (
    <div className={`${styles.tabs} fl-print-hide`} role="tablist" aria-label={label}>
      {tabs.map((item, index) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={`${idPrefix}-${item.id}`}
          aria-selected={selected === item.id}
          aria-controls={selected === item.id ? `${idPrefix}-${item.id}-panel` : undefined}
          tabIndex={selected === item.id ? 0 : -1}
          className={clsx(styles.tab, selected === item.id && styles.tabActive)}
          onClick={() => onSelect(item.id)}
          onKeyDown={(event) => move(event, index)}>
          {item.label}
        </button>
      ))}
    </div>
  );
}

interface TabPanelProps {
  idPrefix: string;
  tab: string;
  hidden?: boolean;
  className?: string;
  children: React.ReactNode;
}

/** The panel of one tab. */
export function TabPanel({idPrefix, tab, hidden = false, className, children}: TabPanelProps): React.JSX.Element {
  return (
    <div role="tabpanel" id={`${idPrefix}-${tab}-panel`} aria-labelledby={`${idPrefix}-${tab}`} hidden={hidden} className={clsx(styles.panel, className)}>
      {children}
    </div>
  );
}
