import { ConfirmHost } from '../common/confirm';
import { PartialImportBanner } from '../case/partial-import-banner';
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
      {/* Everything between the top bar and the status bar is the main landmark (axe: region). */}
      <main className="app-main">
        <PartialImportBanner />
        <ImportProgress />
        <FilterBar />
        <TimelinePanel />
        <Workspace />
      </main>
      <StatusBar />
      <OpenDialog />
      <SaveDialog />
      <PageDrop />
      <ConfirmHost />
      <Notices />
    </div>
  );
}
