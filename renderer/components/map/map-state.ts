// State of the Map view that outlives a tab switch (the view unmounts when hidden): where the map
// looks, which layers show, and whose travel path is drawn. Only this view reads it.
import { create } from 'zustand';

export interface MapViewport {
  center: [number, number];
  zoom: number;
}

interface MapViewState {
  viewport: MapViewport;
  showCountries: boolean;
  showPoints: boolean;
  travelUser: string | null;
  setViewport(viewport: MapViewport): void;
  setLayer(layer: 'showCountries' | 'showPoints', on: boolean): void;
  setTravelUser(user: string | null): void;
}

export const WORLD: MapViewport = { center: [30, 10], zoom: 2 };

export const useMapView = create<MapViewState>()((set) => ({
  viewport: WORLD,
  showCountries: true,
  showPoints: true,
  travelUser: null,
  setViewport: (viewport) => set({ viewport }),
  setLayer: (layer, on) => set({ [layer]: on } as Pick<MapViewState, typeof layer>),
  setTravelUser: (travelUser) => set({ travelUser }),
}));
