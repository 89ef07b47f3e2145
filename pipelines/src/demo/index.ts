export { loadDemoWorkspace, resolveDemoOptions, DemoWorkspaceExistsError, DEFAULT_DEMO_SEED, DEFAULT_DEMO_CUSTOMERS, MAX_DEMO_CUSTOMERS } from './load-demo-workspace';
export type { DemoWorkspaceOptions, DemoWorkspaceSummary } from './load-demo-workspace';
export { generateDemo, generateDemoIdentities, DEMO_HISTORY_DAYS, type DemoOptions, type DemoRows } from './generator';
export { DEMO_TRUE_EFFECTS, CHANNEL_PROFILES, COMPETITOR_PROFILES, DEMO_CHANNELS, DEMO_SEGMENTS, EXPERIENCES, type Experience } from './effects';
export { DEMO_BRANDS, OWN_BRAND, COMPETITORS } from './world';
export { measureDemo, type DemoMeasurement } from './measure';
