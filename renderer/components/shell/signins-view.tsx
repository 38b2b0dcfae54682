import { AggregateSwitch } from '../aggregate/aggregate-switch';
import { GridToolbar } from '../annotations/grid-toolbar';
import { GroupableGrid } from '../grid/groupable-grid';

export function SigninsView() {
  return (
    <>
      <GridToolbar />
      <AggregateSwitch>
        <GroupableGrid />
      </AggregateSwitch>
    </>
  );
}
