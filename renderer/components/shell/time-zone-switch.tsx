// The case's display zone: UTC, this machine's zone, or any IANA zone (validated against the runtime's
// list). The choice is saved in the case and remembered as the default for cases without one.
import { useState } from 'react';
import { attempt } from '../../actions/attempt';
import { setCaseTimeZone } from '../../actions/case';
import { isValidTimeMode, knownTimeZones, offsetsLabel } from '../../format/time';
import { savePref } from '../../store/prefs';
import { useStore } from '../../store/store';
import type { TimeMode } from '../../store/ui-slice';
import { Popover } from '../common/popover';

export function chooseTimeZone(mode: TimeMode): void {
  const s = useStore.getState();
  s.setTimeMode(mode);
  savePref('timeMode', mode);
  if (!s.caseInfo) return;
  // Only the case summary changes: no view needs to re-query its rows. The answer sets the zone
  // again in case a case.changed event carrying the previous zone arrived meanwhile.
  void attempt(() => setCaseTimeZone(mode));
}

export function TimeZoneSwitch() {
  const mode = useStore((s) => s.timeMode);
  const info = useStore((s) => s.caseInfo);
  const named = mode !== 'utc' && mode !== 'local';
  const span = info?.timeMin != null && info.timeMax != null ? offsetsLabel(info.timeMin, info.timeMax, mode) : null;
  return (
    <div className="tz-switch" role="group" aria-label="Time zone" title={span ? `Offsets in this case: ${span}` : undefined}>
      <div className="segmented">
        <button className={mode === 'utc' ? 'on' : ''} aria-pressed={mode === 'utc'} onClick={() => chooseTimeZone('utc')} data-testid="tz-utc">
          UTC
        </button>
        <button
          className={mode === 'local' ? 'on' : ''}
          aria-pressed={mode === 'local'}
          onClick={() => chooseTimeZone('local')}
          data-testid="tz-local"
          title={`This computer's zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}
        >
          Local
        </button>
      </div>
      <Popover label={<>{named ? mode : 'Zone'} ▾</>} className={named ? 'btn toggle on' : 'btn'} align="right" testId="tz-zone" title="Show times in another time zone (saved in the case)">
        {(close) => <ZonePicker current={named ? mode : ''} onPick={(z) => (chooseTimeZone(z), close())} />}
      </Popover>
    </div>
  );
}

function ZonePicker({ current, onPick }: { current: string; onPick(zone: string): void }) {
  const [text, setText] = useState(current);
  const [zones] = useState(knownTimeZones);
  const zone = text.trim();
  const valid = zone !== '' && zone !== 'utc' && zone !== 'local' && isValidTimeMode(zone);
  return (
    <form
      className="tz-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onPick(zone);
      }}
    >
      <label>
        IANA time zone
        <input
          autoFocus
          className="input"
          list="tz-list"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="e.g. America/New_York"
          data-testid="tz-input"
          aria-invalid={zone !== '' && !valid}
        />
      </label>
      <datalist id="tz-list">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {zone !== '' && !valid && (
        <div className="error small" role="alert" data-testid="tz-error">
          Unknown time zone “{zone}”: pick one from the list.
        </div>
      )}
      <button className="btn primary" type="submit" disabled={!valid} data-testid="tz-apply">
        Show times in this zone
      </button>
    </form>
  );
}
