import type { KeyboardEvent } from 'react';

/**
 * Keyboard for a table of records: each row is one Tab stop; ↑/↓ (and Home/End) move between rows, Enter acts on
 * the focused one. Used by the case results and the referral queue.
 */
export function rowKeys(onEnter: () => void) {
  return (event: KeyboardEvent<HTMLTableRowElement>) => {
    const row = event.currentTarget;
    const rows = () => [...(row.parentElement?.children ?? [])] as HTMLElement[];
    const move = (target: Element | null | undefined) => {
      event.preventDefault();
      (target as HTMLElement | null)?.focus();
    };
    if (event.target !== row) return; // keys inside a control of the row are the control's
    if (event.key === 'ArrowDown') move(row.nextElementSibling);
    else if (event.key === 'ArrowUp') move(row.previousElementSibling);
    else if (event.key === 'Home') move(rows()[0]);
    else if (event.key === 'End') move(rows().at(-1));
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onEnter();
    }
  };
}
