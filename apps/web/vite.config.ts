import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server; `npm run dev` runs both, TANDEM_API_URL points the dev proxy elsewhere.
const apiUrl = process.env.TANDEM_API_URL ?? 'http://localhost:3000';
const proxied = { target: apiUrl, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
    },
  },
});
