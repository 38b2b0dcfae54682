// The workbench's views. Sessions, Map, Detections and Annotations are reserved for the issues that
// add them: register a component here and the tab appears.
import type { ComponentType } from 'react';
import { EvidenceView } from '../evidence/evidence-view';
import { OverviewPanel } from '../overview/overview-panel';
import type { ViewId } from '../../store/ui-slice';
import { SigninsView } from './signins-view';
import { SessionsView } from '../sessions/sessions-view';
import { MapView } from '../map/map-view';
import { DetectionsView } from '../detections/detections-view';
import { AnnotationsView } from '../annotations/annotations-view';

export interface ViewDef {
  id: ViewId;
  label: string;
  component: ComponentType | null;
}

export const VIEWS: readonly ViewDef[] = [
  { id: 'signins', label: 'Sign-ins', component: SigninsView },
  { id: 'overview', label: 'Overview', component: OverviewPanel },
  { id: 'sessions', label: 'Sessions', component: SessionsView },
  { id: 'map', label: 'Map', component: MapView },
  { id: 'detections', label: 'Detections', component: DetectionsView },
  { id: 'annotations', label: 'Annotations', component: AnnotationsView },
  { id: 'evidence', label: 'Evidence', component: EvidenceView },
];
