export { startServer, DEMO_WORKSPACE_ID, type RunningServer, type StartServerOptions } from './server';
export { AppModule, GRAPHQL_PATH, SCHEMA_FILE } from './app.module';
export { AppConfig, API_VARIABLES } from './config/app-config';
export { Clock, FixedClock, SystemClock } from './common/clock';
