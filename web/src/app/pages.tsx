import { lazy, useState, type ComponentType } from 'react';
import type { IconName } from './components/Icon';

/** The dashboard's pages (DESIGN.md "Dashboard"), in navigation order; each is its own chunk. */
export interface PageEntry {
  path: string;
  label: string;
  icon: IconName;
  /** Pages that read the filter bar show it. */
  filtered: boolean;
  component: ComponentType;
}

const LOADERS = {
  '/': () => import('../overview/components/OverviewPage'),
  '/sentiment': () => import('../sentiment/components/SentimentPage'),
  '/response': () => import('../response/components/ResponsePage'),
  '/value': () => import('../value/components/ValuePage'),
  '/customers': () => import('../customers/components/CustomersPage'),
  '/data': () => import('../data/components/DataPage'),
} as const;

type PageModule = { default: ComponentType };
const loaded = new Map<string, ComponentType>();

function load(path: keyof typeof LOADERS): Promise<PageModule> {
  return LOADERS[path]().then((module: PageModule) => {
    loaded.set(path, module.default);
    return module;
  });
}

/**
 * Starts loading the chunk of the page at `pathname` at once, while the shell still waits for the
 * workspace: otherwise the page's code would only be asked for after that round trip.
 */
export function preloadPage(pathname: string): void {
  if (Object.hasOwn(LOADERS, pathname)) void load(pathname as keyof typeof LOADERS).catch(() => undefined);
}

/**
 * A page that renders at once when its chunk is already loaded (preloadPage), and through
 * React.lazy otherwise. A lazy page always suspends on its first render, even when its chunk is
 * there, and React holds back a revealed Suspense boundary for 300 ms after its fallback showed:
 * on a first visit that cost the Overview 300 ms.
 */
function pageComponent(path: keyof typeof LOADERS): ComponentType {
  const Lazy = lazy(() => load(path));
  function Page() {
    // Fixed for the page's life: switching from Lazy to the loaded component would remount it.
    const [Component] = useState(() => loaded.get(path) ?? Lazy);
    return <Component />;
  }
  return Page;
}

export const PAGES: readonly PageEntry[] = [
  {
    path: '/',
    label: 'Overview',
    icon: 'overview',
    filtered: true,
    component: pageComponent('/'),
  },
  {
    path: '/sentiment',
    label: 'Sentiment & amplification',
    icon: 'sentiment',
    filtered: true,
    component: pageComponent('/sentiment'),
  },
  {
    path: '/response',
    label: 'Response',
    icon: 'response',
    filtered: true,
    component: pageComponent('/response'),
  },
  {
    path: '/value',
    label: 'Value',
    icon: 'value',
    filtered: true,
    component: pageComponent('/value'),
  },
  {
    path: '/customers',
    label: 'Customers',
    icon: 'customers',
    filtered: false,
    component: pageComponent('/customers'),
  },
  {
    path: '/data',
    label: 'Data',
    icon: 'data',
    filtered: false,
    component: pageComponent('/data'),
  },
];
