// The Detections tab: run the rules, read the findings (list + the open one), tune the rules.
import '../../styles/detections.css';
import '../../styles/annotations.css';
import { runningJob } from '../../store/job-slice';
import { useStore } from '../../store/store';
import { useDetectionsView } from './detections-state';
import { DetectionsToolbar } from './detections-toolbar';
import { FindingDetail } from './finding-detail';
import { FindingsList } from './findings-list';
import { RuleDetails } from './rule-info';
import { RulesList } from './rules-list';
import { SEVERITY_RANK } from './severity';
import { StaleBanner } from './stale-banner';
import { useDetectionStatus, useFindingMarks, useFindings, useRules } from './use-detections-data';

export function DetectionsView() {
  const { rules, byId, error: rulesError } = useRules();
  const { findings, total, error } = useFindings();
  const marks = useFindingMarks();
  const status = useDetectionStatus();
  const staleRules = new Set(status?.staleRuleIds ?? []);
  const view = useDetectionsView();
  const selectedId = useStore((s) => s.selectedFinding);
  const summary = useStore((s) => s.detectionSummary);
  const signins = useStore((s) => s.caseInfo?.signins ?? 0);
  const running = useStore((s) => runningJob(s, 'detections') !== null);

  const shown = (findings ?? []).filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[view.minSeverity] && (!view.ruleFilter || f.ruleId === view.ruleFilter));
  const selected = findings?.find((f) => f.id === selectedId) ?? null;
  const titles = new Map([...byId].map(([id, r]) => [id, r.title]));
  const lastRun = new Map((summary?.rules ?? []).map((r) => [r.ruleId, r]));
  const selectedRule = view.selectedRule ? byId.get(view.selectedRule) : undefined;

  return (
    <div className="detections-view" data-testid="detections-view">
      <DetectionsToolbar rules={rules ?? []} shown={shown.length} total={total} lastRunAt={status?.lastRunAt ?? null} />
      {status && !running && <StaleBanner status={status} />}
      <div className="det-body">
        <section className="det-main">
          {(error || rulesError) && <div className="error pad">{error ?? rulesError}</div>}
          {view.mode === 'rules' && rules && <RulesList rules={rules} findings={findings ?? []} lastRun={lastRun} />}
          {view.mode === 'findings' && findings && shown.length > 0 && <FindingsList findings={shown} ruleTitles={titles} marks={marks} staleRules={staleRules} />}
          {view.mode === 'findings' && findings && shown.length === 0 && (
            <div className="det-empty muted" data-testid="no-findings">
              {total > 0 ? (
                <p>No finding matches these filters.</p>
              ) : running ? (
                <p>Running the rules…</p>
              ) : signins === 0 ? (
                <p>This case has no sign-ins yet: import evidence first.</p>
              ) : (
                <>
                  <p>No findings stored in this case.</p>
                  <p className="small">
                    Run detections to check {rules?.filter((r) => r.enabled).length ?? 'the'} rules against its sign-ins: password sprays, brute force, MFA fatigue, impossible travel, legacy
                    authentication and more.
                  </p>
                </>
              )}
            </div>
          )}
        </section>
        <div className="det-side">
          {view.mode === 'findings' ? (
            <FindingDetail finding={selected} rule={selected ? byId.get(selected.ruleId) : undefined} stale={!!selected && staleRules.has(selected.ruleId)} />
          ) : selectedRule ? (
            <aside className="details" aria-label="Rule details">
              <div className="details-body" tabIndex={0} role="region" aria-label="Rule details">
                <RuleDetails rule={selectedRule} />
              </div>
            </aside>
          ) : (
            <aside className="details empty">
              <p className="muted">Select a rule to read its logic and adjust its thresholds.</p>
            </aside>
          )}
        </div>
      </div>
    </div>
  );
}
