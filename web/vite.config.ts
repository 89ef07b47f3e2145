import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The api serves web/dist at / and the GraphQL endpoint at /graphql on one port; in development
// Vite serves the app and forwards /graphql to a running api (`npm start`).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each page loads: bench/src/web reads it to measure initial JavaScript per page.
    manifest: true,
    // ECharts (about 600 kB, 200 kB gzipped, with only the parts registered in charts/echarts.ts)
    // is one chunk loaded only by pages with charts, after their figures show.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        // React, Apollo and ECharts change less often than the app: separate, long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:3000' },
  },
});
