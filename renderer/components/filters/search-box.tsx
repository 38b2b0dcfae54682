// Free-text search over the text columns; applied after a short pause in typing.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store/store';

export function SearchBox() {
  const text = useStore((s) => s.filter.text ?? '');
  const [value, setValue] = useState(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setValue(text), [text]);
  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    useStore.getState().setText(v);
  };
  return (
    <input
      className="input search"
      type="search"
      placeholder="Search all text (user, app, IP, IDs, user agent…)"
      aria-label="Search"
      data-testid="search"
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        if (timer.current) clearTimeout(timer.current);
        const v = e.target.value;
        timer.current = setTimeout(() => commit(v), 350);
      }}
      onKeyDown={(e) => e.key === 'Enter' && commit(value)}
    />
  );
}
