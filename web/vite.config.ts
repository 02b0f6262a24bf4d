import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Pages load per route (routes.tsx): no chunk should come near the warning limit.
// The API server (server/) listens on 3000; in production it also serves web/dist.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
