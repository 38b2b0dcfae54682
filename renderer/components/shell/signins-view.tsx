import { Grid } from '../grid/grid';

export function SigninsView() {
  return <Grid />;
}
