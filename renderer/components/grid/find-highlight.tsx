// Marks the find text inside a cell's shown text (ASCII case-insensitive, as the backend matches).
import { asciiLower } from '../../../shared/model/find';

export function FindHighlight({ text, query }: { text: string; query: string }) {
  const parts: Array<string | { match: string }> = [];
  const hay = asciiLower(text);
  const needle = asciiLower(query);
  let at = 0;
  for (let i = hay.indexOf(needle); i >= 0 && needle; i = hay.indexOf(needle, i + needle.length)) {
    if (i > at) parts.push(text.slice(at, i));
    parts.push({ match: text.slice(i, i + needle.length) });
    at = i + needle.length;
  }
  if (at === 0) return <>{text}</>;
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <mark key={i} className="find-mark">
            {p.match}
          </mark>
        ),
      )}
    </>
  );
}
