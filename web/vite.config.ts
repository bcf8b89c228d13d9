import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The front end builds into dist/web, which `afterview serve` serves (scripts: build:web). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // Inline assets would need a looser CSP; keep every asset a file.
    assetsInlineLimit: 0,
    // The charts chunk is large but only the Insights page loads it; the initial bundle is what counts.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4317', '/feed': 'http://127.0.0.1:4317' } },
});
