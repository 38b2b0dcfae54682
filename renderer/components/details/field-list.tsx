// Label/value rows of the details tabs. Values are untrusted text: rendered as text nodes only.
import type { ReactNode } from 'react';
import type { Condition } from '../../../shared/model/filter-spec';
import { formatCell, isMonoColumn } from '../../format/cells';
import { formatStamp, toMs } from '../../format/time';
import { useStore } from '../../store/store';

export type Values = Record<string, string | number | null>;

export interface FieldSpec {
  column: string;
  label?: string;
  /** Offer a one-click "filter to this value" pivot. */
  pivot?: boolean;
  extra?: ReactNode;
}

export function FieldList({ values, fields }: { values: Values; fields: FieldSpec[] }) {
  const mode = useStore((s) => s.timeMode);
  return (
    <dl className="fields">
      {fields.map((f) => {
        const raw = values[f.column] ?? null;
        const ms = f.column === 'created_at' ? toMs(raw) : null;
        const text = ms !== null ? formatStamp(ms, mode, true) : formatCell(f.column, raw, mode);
        return (
          <div className="field" key={f.column}>
            <dt>{f.label ?? f.column}</dt>
            <dd className={isMonoColumn(f.column) ? 'mono' : undefined}>
              {text === '' ? <span className="muted">—</span> : <span className="field-value">{text}</span>}
              {f.pivot && raw !== null && raw !== '' && <PivotButton column={f.column} value={raw} />}
              {f.extra}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function PivotButton({ column, value, label = 'filter' }: { column: string; value: string | number; label?: string }) {
  const condition: Condition = { column, op: 'in', values: [value] };
  return (
    <button className="pivot" title="Filter to this value" onClick={() => useStore.getState().setColumnCondition(column, condition)}>
      {label}
    </button>
  );
}
