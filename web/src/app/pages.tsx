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

export const PAGES: readonly PageEntry[] = [
  {
    path: '/',
    label: 'Overview',
    icon: 'overview',
    filtered: true,
    component: lazy(() => import('../overview/components/OverviewPage')),
  },
  {
    path: '/sentiment',
    label: 'Sentiment & amplification',
    icon: 'sentiment',
    filtered: true,
    component: lazy(() => import('../sentiment/components/SentimentPage')),
  },
  {
    path: '/response',
    label: 'Response',
    icon: 'response',
    filtered: true,
    component: lazy(() => import('../response/components/ResponsePage')),
  },
  {
    path: '/value',
    label: 'Value',
    icon: 'value',
    filtered: true,
    component: lazy(() => import('../value/components/ValuePage')),
  },
  {
    path: '/customers',
    label: 'Customers',
    icon: 'customers',
    filtered: false,
    component: lazy(() => import('../customers/components/CustomersPage')),
  },
  {
    path: '/data',
    label: 'Data',
    icon: 'data',
    filtered: false,
    component: lazy(() => import('../data/components/DataPage')),
  },
];
