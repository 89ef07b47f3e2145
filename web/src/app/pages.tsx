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

interface Plan {
  audience: string;
  questions: readonly string[];
}

/** A page not built yet: it says what it will answer, rather than being a dead link. */
function comingNext(title: string, plan: Plan): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const { ComingNextPage } = await import('./components/ComingNextPage');
    return { default: () => <ComingNextPage title={title} {...plan} /> };
  });
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
    component: comingNext('Sentiment & amplification', {
      audience: 'Marketing director',
      questions: [
        'How is brand sentiment moving, where, and why?',
        'Which experiences are being amplified, and how far do they travel?',
        'How do we compare with competitors — share of voice, by sentiment?',
      ],
    }),
  },
  {
    path: '/response',
    label: 'Response',
    icon: 'response',
    filtered: true,
    component: comingNext('Response', {
      audience: 'CX lead',
      questions: [
        'Which messages do we miss, on which channel, for which segment?',
        'How fast do we answer — p50 and p90, in calendar and business time?',
        'Does answering improve sentiment?',
        'What is in the unanswered queue right now, worst first?',
      ],
    }),
  },
  {
    path: '/value',
    label: 'Value',
    icon: 'value',
    filtered: true,
    component: comingNext('Value', {
      audience: 'Executive',
      questions: [
        'What is a customer worth by segment (predicted CLV, P(alive))?',
        'How much value is at risk from poor service?',
        'Do answered customers stay longer and spend more?',
      ],
    }),
  },
  {
    path: '/customers',
    label: 'Customers',
    icon: 'customers',
    filtered: false,
    component: comingNext('Customers', {
      audience: 'CX lead and account teams',
      questions: [
        'Search a customer by name or handle',
        'A 360° timeline across every channel, with value and sentiment',
      ],
    }),
  },
  {
    path: '/data',
    label: 'Data',
    icon: 'data',
    filtered: false,
    component: comingNext('Data', {
      audience: 'Analysts and admins',
      questions: ['What was loaded, when, and how much was rejected — and why?', 'Which CLV model runs are current?'],
    }),
  },
];
