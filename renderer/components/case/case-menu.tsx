// "Case ▾": start a new case, close the open one, or open the demo: one button, so the top bar still
// fits at 1280 px.
import { attempt } from '../../actions/attempt';
import { openDemo as openDemoCase } from '../../actions/case';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { leaveCase } from './case-lifecycle';

export function CaseMenu() {
  const info = useStore((s) => s.caseInfo);
  const empty = !info || (!info.path && info.signins === 0 && info.sources.length === 0);
  const openDemo = () => attempt(openDemoCase);
  return (
    <Popover label="Case ▾" testId="case-menu" title="New case, close case, demo case">
      {(close) => (
        <div className="case-menu" role="menu">
          <button className="menu-item" role="menuitem" onClick={() => (close(), void leaveCase('new'))} data-testid="new-case-button" title="Start an empty case (the open one is autosaved first)">
            New case
          </button>
          <button className="menu-item" role="menuitem" disabled={empty} onClick={() => (close(), void leaveCase('close'))} data-testid="close-case-button" title="Close the open case">
            Close case
          </button>
          <button
            className="menu-item"
            role="menuitem"
            onClick={() => (close(), void openDemo())}
            data-testid="open-demo-button"
            title="The generated demo case (Northwind Traders); evidence imported while it is open goes into a new case"
          >
            Open demo case
          </button>
        </div>
      )}
    </Popover>
  );
}
