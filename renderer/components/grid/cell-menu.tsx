// Right-click menu on a grid cell: pivot on the value (filter / exclude) or copy it.
import { useEffect, useRef } from 'react';
import type { Condition } from '../../../shared/model/filter-spec';
import { columnLabel } from '../../format/cells';
import { useStore } from '../../store/store';

export interface CellMenuState {
  x: number;
  y: number;
  column: string;
  value: string | number | null;
  text: string;
}

export function CellMenu({ menu, onClose }: { menu: CellMenuState; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('.menu-item:not(:disabled)')?.focus({ preventScroll: true }), []);
  useEffect(() => {
    const close = () => onClose();
    // The menu works from the keyboard (↑ ↓ Home End, Tab, Enter); Esc or any other key closes it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' && ref.current?.contains(document.activeElement) && moveFocus(ref.current, e)) return;
      if (e.key === 'Escape' || !MENU_KEYS.has(e.key)) {
        if (e.key === 'Escape') e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('blur', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('blur', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const label = columnLabel(menu.column, useStore.getState().timeMode);
  const apply = (condition: Condition) => {
    useStore.getState().setColumnCondition(menu.column, condition);
    onClose();
  };
  const isTime = menu.column === 'created_at';
  const empty = menu.value === null || menu.value === '';
  const item = (text: string, action: () => void, disabled = false) => (
    <button className="menu-item" disabled={disabled} onMouseDown={(e) => e.stopPropagation()} onClick={action}>
      {text}
    </button>
  );
  return (
    <div className="menu" ref={ref} style={{ left: Math.min(menu.x, window.innerWidth - 260), top: Math.min(menu.y, window.innerHeight - 120) }} role="menu">
      <div className="menu-title">{label}</div>
      {item(
        empty ? 'Show only empty values' : 'Filter to this value',
        () => apply(empty ? { column: menu.column, op: 'isNull', values: [] } : { column: menu.column, op: 'in', values: [menu.value!] }),
        isTime,
      )}
      {item(
        empty ? 'Hide empty values' : 'Exclude this value',
        () => apply(empty ? { column: menu.column, op: 'notNull', values: [] } : { column: menu.column, op: 'notIn', values: [menu.value!] }),
        isTime,
      )}
      {item('Copy value', () => {
        void navigator.clipboard?.writeText(menu.text);
        onClose();
      })}
    </div>
  );
}

const MENU_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'Tab', 'Enter', ' ']);

/** Arrow keys, Home and End move between the enabled items; true when the key was one of them. */
function moveFocus(menu: HTMLElement, e: KeyboardEvent): boolean {
  const items = [...menu.querySelectorAll<HTMLButtonElement>('.menu-item:not(:disabled)')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
  if (to === undefined || items.length === 0) return false;
  e.preventDefault();
  items[(to + items.length) % items.length]!.focus();
  return true;
}
