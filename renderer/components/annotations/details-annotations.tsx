// The annotation strip of the details pane: star / tags / notes on the selected sign-in, or on its
// user or IP address (so an account or an address can be marked once for the whole case).
import '../../styles/annotations.css';
import { useState } from 'react';
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { TargetAnnotator } from './target-annotator';

type Subject = 'signin' | 'user' | 'ip';
type Values = Record<string, string | number | null>;

function textOf(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || String(value).trim() === '' ? null : String(value);
}

export function DetailsAnnotations({ rid, values }: { rid: number; values: Values }) {
  const [subject, setSubject] = useState<Subject>('signin');
  const user = textOf(values.user_principal_name);
  const ip = textOf(values.ip_address);
  const targets: Record<Subject, AnnotationTarget | null> = {
    signin: { type: 'signin', rid },
    user: user ? { type: 'user', key: user } : null,
    ip: ip ? { type: 'ip', key: ip } : null,
  };
  const active = targets[subject] ? subject : 'signin';
  const target = targets[active]!;
  const labels: Record<Subject, string> = { signin: 'This sign-in', user: 'User', ip: 'IP address' };
  return (
    <section className="details-annot" aria-label="Annotations" data-testid="details-annotations">
      <div className="da-head">
        <span className="da-label">Annotate</span>
        <div className="segmented small" role="group" aria-label="What to annotate">
          {(Object.keys(labels) as Subject[]).map((k) => (
            <button
              key={k}
              className={active === k ? 'on' : ''}
              aria-pressed={active === k}
              disabled={!targets[k]}
              title={k === 'user' ? (user ?? 'No user') : k === 'ip' ? (ip ?? 'No IP address') : `Sign-in #${rid}`}
              onClick={() => setSubject(k)}
              data-testid={`annotate-${k}`}
            >
              {labels[k]}
            </button>
          ))}
        </div>
        {active !== 'signin' && <span className="da-key mono muted">{active === 'user' ? user : ip}</span>}
      </div>
      <TargetAnnotator key={JSON.stringify(target)} target={target} testId={`annotator-${active}`} />
    </section>
  );
}
