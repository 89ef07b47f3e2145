import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { IconName } from './components/Icon';

/** The dashboard's pages (DESIGN.md "Dashboard"), in navigation order; each is its own chunk. */
export interface PageEntry {
  path: string;
  label: string;
  icon: IconName;
  /** Pages that read the filter bar show it. */
  filtered: boolean;
  component: LazyExoticComponent<ComponentType>;
}

const LOADERS = {
  '/': () => import('../overview/components/OverviewPage'),
  '/sentiment': () => import('../sentiment/components/SentimentPage'),
  '/response': () => import('../response/components/ResponsePage'),
  '/value': () => import('../value/components/ValuePage'),
  '/customers': () => import('../customers/components/CustomersPage'),
  '/data': () => import('../data/components/DataPage'),
} as const;

/**
 * Starts loading the chunk of the page at `pathname` at once, while the shell still waits for the
 * workspace: otherwise the page's code would only be asked for after that round trip.
 */
export function preloadPage(pathname: string): void {
  const load = (LOADERS as Record<string, (() => Promise<unknown>) | undefined>)[pathname];
  void load?.().catch(() => undefined);
}

export const PAGES: readonly PageEntry[] = [
  {
    path: '/',
    label: 'Overview',
    icon: 'overview',
    filtered: true,
    component: lazy(LOADERS['/']),
  },
  {
    path: '/sentiment',
    label: 'Sentiment & amplification',
    icon: 'sentiment',
    filtered: true,
    component: lazy(LOADERS['/sentiment']),
  },
  {
    path: '/response',
    label: 'Response',
    icon: 'response',
    filtered: true,
    component: lazy(LOADERS['/response']),
  },
  {
    path: '/value',
    label: 'Value',
    icon: 'value',
    filtered: true,
    component: lazy(LOADERS['/value']),
  },
  {
    path: '/customers',
    label: 'Customers',
    icon: 'customers',
    filtered: false,
    component: lazy(LOADERS['/customers']),
  },
  {
    path: '/data',
    label: 'Data',
    icon: 'data',
    filtered: false,
    component: lazy(LOADERS['/data']),
  },
];
