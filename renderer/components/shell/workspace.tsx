// View tabs on the left, details of the selected sign-in on the right (resizable).
import { useRef, useState } from 'react';
import { loadPref, savePref } from '../../store/prefs';
import { useStore } from '../../store/store';
import { DetailsPane } from '../details/details-pane';
import { ColumnChooser } from '../grid/column-chooser';
import { VIEWS } from './views';

export function Workspace() {
  const view = useStore((s) => s.view);
  const info = useStore((s) => s.caseInfo);
  // 31% of the window by default: about 500 px at 1600 px, where the detail tabs fit on one line.
  const [detailsWidth, setDetailsWidth] = useState(() => loadPref('detailsWidth', Math.round(Math.min(560, Math.max(380, window.innerWidth * 0.31)))));
  const drag = useRef<{ x: number; w: number } | null>(null);
  const active = VIEWS.find((v) => v.id === view && v.component) ?? VIEWS[0]!;
  const Active = active.component!;
  const errors = info?.sources.reduce((a, s) => a + s.errors, 0) ?? 0;
  return (
    <div className="workspace">
      <section className="main-view">
        <nav className="tabs view-tabs" aria-label="Views">
          <div role="tablist" className="tablist">
            {VIEWS.filter((v) => v.component).map((v) => (
              <button
                key={v.id}
                role="tab"
                aria-selected={active.id === v.id}
                className={active.id === v.id ? 'on' : ''}
                onClick={() => useStore.getState().setView(v.id)}
                data-testid={`view-${v.id}`}
              >
                {v.label}
                {v.id === 'evidence' && errors > 0 && <span className="tab-count bad">{errors}</span>}
              </button>
            ))}
          </div>
          <span className="grow" />
          {active.id === 'signins' && <ColumnChooser />}
        </nav>
        <div className="view-body">
          <Active />
        </div>
      </section>
      {active.id === 'signins' && (
        <>
          <div
            className="splitter"
            role="separator"
            aria-orientation="vertical"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              drag.current = { x: e.clientX, w: detailsWidth };
            }}
            onPointerMove={(e) => drag.current && setDetailsWidth(Math.max(300, Math.min(900, drag.current.w - (e.clientX - drag.current.x))))}
            onPointerUp={() => {
              drag.current = null;
              savePref('detailsWidth', detailsWidth);
            }}
          />
          <div className="details-wrap" style={{ width: detailsWidth }}>
            <DetailsPane />
          </div>
        </>
      )}
    </div>
  );
}
