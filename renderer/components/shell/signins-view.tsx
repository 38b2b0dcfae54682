import { AggregateSwitch } from '../aggregate/aggregate-switch';
import { GridToolbar } from '../annotations/grid-toolbar';
import { Grid } from '../grid/grid';

export function SigninsView() {
  return (
    <>
      <GridToolbar />
      <AggregateSwitch>
        <Grid />
      </AggregateSwitch>
    </>
  );
}
