/** Vite build and dev server for the browser client (client/ -> dist/client). The texture atlas is packed
 *  from assets/ first; Phaser goes into its own chunk that only the play route loads; the dev server
 *  forwards the API and Colyseus to the server. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { atlas } from './scripts/atlasPlugin';
import { serviceWorker } from './scripts/serviceWorkerPlugin';

const SERVER = 'http://localhost:2567';

export default defineConfig({
  root: 'client',
  plugins: [atlas(), react(), serviceWorker()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Phaser alone is about 1.2 MB minified; the warning would only restate that.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/matchmake': SERVER,
      // Colyseus rooms connect on /<processId>/<roomId>?sessionId=...; client routes never carry that query.
      '^/[^/?]+/[^/?]+\\?sessionId=': { target: SERVER, ws: true },
    },
  },
});
