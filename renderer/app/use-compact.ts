// True on short windows (1280x720 and the like), where the timeline gets shorter so the grid keeps
// at least 20 rows on screen.
import { useEffect, useState } from 'react';

const QUERY = '(max-height: 820px)';

export function useCompactHeight(): boolean {
  const [compact, setCompact] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const mq = window.matchMedia(QUERY);
    const onChange = () => setCompact(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return compact;
}
