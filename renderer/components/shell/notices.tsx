import { useEffect } from 'react';
import { useStore } from '../../store/store';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const lost = useStore((s) => s.connectionLost);
  useEffect(() => {
    const infos = notices.filter((n) => n.kind === 'info');
    if (!infos.length) return;
    const t = setTimeout(() => infos.forEach((n) => useStore.getState().dismiss(n.id)), 6000);
    return () => clearTimeout(t);
  }, [notices]);
  return (
    <div className="notices" aria-live="polite">
      {lost && <div className="notice error">Connection to SigninScope lost: {lost} Restart `npm run serve` and open the new link.</div>}
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`}>
          <span className="grow">{n.text}</span>
          <button className="btn icon" onClick={() => useStore.getState().dismiss(n.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
