import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useFilters } from '../../filters/hooks/useFilters';
import { narrow, type Drill, type Narrowing, type Population } from '../drill';
import { DrillContext } from '../hooks/useDrill';
import { DrillDownDialog } from './DrillDownDialog';

/** One drill-down dialog per page: any chart or table of the page opens it with its narrowing. */
export function DrillProvider({ children }: { children: ReactNode }) {
  const { filter } = useFilters();
  const [drill, setDrill] = useState<Drill | null>(null);

  const openDrill = useCallback(
    (title: string, ...by: Narrowing[]) => setDrill({ title, filter: by.reduce(narrow, filter), rows: 'messages' }),
    [filter],
  );
  const openCustomers = useCallback(
    (title: string, population: Population, ...by: Narrowing[]) =>
      setDrill({ title, filter: by.reduce(narrow, filter), rows: 'customers', population }),
    [filter],
  );
  const actions = useMemo(() => ({ openDrill, openCustomers }), [openDrill, openCustomers]);

  return (
    <DrillContext.Provider value={actions}>
      {children}
      {drill && <DrillDownDialog drill={drill} onClose={() => setDrill(null)} />}
    </DrillContext.Provider>
  );
}
