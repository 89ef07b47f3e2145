import { createContext, useContext } from 'react';
import type { Narrowing } from '../drill';

export interface DrillActions {
  /** Opens the rows behind a figure: the page's filter narrowed by what was clicked. */
  openDrill: (title: string, ...by: Narrowing[]) => void;
}

export const DrillContext = createContext<DrillActions | null>(null);

export function useDrill(): DrillActions {
  const actions = useContext(DrillContext);
  if (!actions) throw new Error('useDrill() outside <DrillProvider>');
  return actions;
}
