// Time range of the filter: presets anchored at the END of the evidence (an offline case has no
// meaningful "now"), or explicit bounds typed in the current UTC/local mode.
import { useState } from 'react';
import { formatDateTime, fromInputValue, toInputValue, zoneLabel } from '../../format/time';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';

const PRESETS: Array<[string, number]> = [
  ['Last hour', 3_600_000],
  ['Last 24 hours', 86_400_000],
  ['Last 7 days', 7 * 86_400_000],
  ['Last 30 days', 30 * 86_400_000],
];

export function TimeRange() {
  const from = useStore((s) => s.filter.timeFrom);
  const to = useStore((s) => s.filter.timeTo);
  const mode = useStore((s) => s.timeMode);
  const label = from === undefined && to === undefined ? 'Whole case' : `${from !== undefined ? formatDateTime(from, mode) : '…'} → ${to !== undefined ? formatDateTime(to, mode) : '…'}`;
  return (
    <Popover
      label={
        <>
          <span className="muted">Date</span> {label}
        </>
      }
      title="Time range"
      className="btn time-btn"
      testId="time-range"
    >
      {(close) => <TimeRangeForm onDone={close} />}
    </Popover>
  );
}

function TimeRangeForm({ onDone }: { onDone: () => void }) {
  const mode = useStore((s) => s.timeMode);
  const info = useStore((s) => s.caseInfo);
  const filter = useStore((s) => s.filter);
  const end = info?.timeMax ?? Date.now();
  const [fromText, setFromText] = useState(toInputValue(filter.timeFrom ?? info?.timeMin ?? end - 86_400_000, mode));
  const [toText, setToText] = useState(toInputValue(filter.timeTo ?? end + 1000, mode));
  const set = (f: number | undefined, t: number | undefined) => {
    useStore.getState().setTimeRange(f, t);
    onDone();
  };
  const parsedFrom = fromInputValue(fromText, mode);
  const parsedTo = fromInputValue(toText, mode);
  const valid = parsedFrom !== null && parsedTo !== null && parsedFrom < parsedTo;
  return (
    <div className="time-form">
      <div className="tf-presets">
        <button className="menu-item" onClick={() => set(undefined, undefined)}>
          Whole case
        </button>
        {PRESETS.map(([label, span]) => (
          <button key={label} className="menu-item" onClick={() => set(end + 1 - span, end + 1)}>
            {label} <span className="muted">of the evidence</span>
          </button>
        ))}
      </div>
      <div className="tf-custom">
        <label>
          From ({zoneLabel(end, mode)})
          <input className={`input mono${parsedFrom === null ? ' invalid' : ''}`} placeholder="YYYY-MM-DD HH:mm:ss" value={fromText} onChange={(e) => setFromText(e.target.value)} />
        </label>
        <label>
          To (exclusive)
          <input
            className={`input mono${parsedTo === null ? ' invalid' : ''}`}
            placeholder="YYYY-MM-DD HH:mm:ss"
            value={toText}
            onChange={(e) => setToText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && valid && set(parsedFrom, parsedTo)}
          />
        </label>
        <button className="btn small primary" disabled={!valid} onClick={() => valid && set(parsedFrom, parsedTo)}>
          Apply range
        </button>
      </div>
    </div>
  );
}
