import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Dev (`npm run dev`): Vite proxies the API to the server on port 3000, or to CHANGAI_API_URL. */
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': process.env.CHANGAI_API_URL ?? 'http://localhost:3000' } },
});
