import { createContext, useContext } from 'react';
import type { Narrowing, Population } from '../drill';

export interface DrillActions {
  /** Opens the messages behind a figure: the page's filter narrowed by what was clicked. */
  openDrill: (title: string, ...by: Narrowing[]) => void;
  /** Opens the customers behind a value figure: its population, the filter narrowed by what was clicked. */
  openCustomers: (title: string, population: Population, ...by: Narrowing[]) => void;
}

export const DrillContext = createContext<DrillActions | null>(null);

export function useDrill(): DrillActions {
  const actions = useContext(DrillContext);
  if (!actions) throw new Error('useDrill() outside <DrillProvider>');
  return actions;
}
