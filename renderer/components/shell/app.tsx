import { ConfirmHost } from '../common/confirm';
import { ImportProgress } from '../evidence/import-progress';
import { PageDrop } from '../evidence/page-drop';
import { OpenDialog } from '../evidence/open-dialog';
import { SaveDialog } from '../evidence/save-dialog';
import { FilterBar } from '../filters/filter-bar';
import { TimelinePanel } from '../timeline/timeline-panel';
import { Notices } from './notices';
import { StatusBar } from './status-bar';
import { TopBar } from './top-bar';
import { Workspace } from './workspace';

export function App() {
  return (
    <div className="app">
      <TopBar />
      <ImportProgress />
      <FilterBar />
      <TimelinePanel />
      <Workspace />
      <StatusBar />
      <OpenDialog />
      <SaveDialog />
      <PageDrop />
      <ConfirmHost />
      <Notices />
    </div>
  );
}
