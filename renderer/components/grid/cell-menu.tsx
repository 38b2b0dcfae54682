// Right-click menu on a grid cell: pivot on the value (filter / exclude) or copy it.
import { useEffect } from 'react';
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
  useEffect(() => {
    const close = () => onClose();
    window.addEventListener('mousedown', close);
    window.addEventListener('blur', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('blur', close);
      window.removeEventListener('keydown', close);
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
    <div className="menu" style={{ left: Math.min(menu.x, window.innerWidth - 260), top: Math.min(menu.y, window.innerHeight - 120) }} role="menu">
      <div className="menu-title">{label}</div>
      {item(empty ? 'Show only empty values' : 'Filter to this value', () => apply(empty ? { column: menu.column, op: 'isNull', values: [] } : { column: menu.column, op: 'in', values: [menu.value!] }), isTime)}
      {item(empty ? 'Hide empty values' : 'Exclude this value', () => apply(empty ? { column: menu.column, op: 'notNull', values: [] } : { column: menu.column, op: 'notIn', values: [menu.value!] }), isTime)}
      {item('Copy value', () => {
        void navigator.clipboard?.writeText(menu.text);
        onClose();
      })}
    </div>
  );
}
