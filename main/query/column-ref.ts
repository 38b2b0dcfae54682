// Column names arriving from the renderer are only ever turned into SQL through this allowlist
// (the catalogue), never interpolated as given.
import { COLUMN_BY_KEY, type ColumnDef } from '../../shared/model/columns';
import { GRID_COLUMN_BY_KEY } from '../../shared/model/grid-columns';
import { storedName } from '../db/schema';
import { invalidInput } from './errors';

export function resolveColumn(key: string): ColumnDef {
  const col = COLUMN_BY_KEY.get(key);
  if (!col) throw invalidInput(`unknown column "${key.slice(0, 64)}"`);
  return col;
}

/** A stored column or one of the grid's annotation columns (tags, starred). */
export function resolveGridColumn(key: string): ColumnDef {
  const col = GRID_COLUMN_BY_KEY.get(key);
  if (!col) throw invalidInput(`unknown column "${key.slice(0, 64)}"`);
  return col;
}

/** The physical column over `signin_data d` (a string id for 'dict' columns). */
export function storedRef(col: ColumnDef): string {
  return `d.${storedName(col)}`;
}

export function isNumeric(col: ColumnDef): boolean {
  return col.storage === 'int' || col.storage === 'real' || col.storage === 'bool' || col.storage === 'time';
}
