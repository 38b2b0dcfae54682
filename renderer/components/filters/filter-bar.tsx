import { AddFilter } from './add-filter';
import { FilterChips } from './filter-chips';
import { QuickFilters } from './quick-filters';
import { SearchBox } from './search-box';
import { TimeRange } from './time-range';

export function FilterBar() {
  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="fb-row">
        <TimeRange />
        <SearchBox />
        <AddFilter />
        <QuickFilters />
      </div>
      <FilterChips />
    </section>
  );
}
