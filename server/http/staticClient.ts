/** Serves the built client (dist/client) with an SPA fallback to index.html for page routes. Without a
 *  build it answers page routes with a short hint instead of failing; it never serves /api. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

export const CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));

export function staticClient(dir = CLIENT_DIR): Express {
  const app = express();
  app.disable('x-powered-by');
  const index = `${dir}/index.html`;
  app.use(express.static(dir, { index: false, fallthrough: true }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) {
      next();
      return;
    }
    // Checked per request so a build made while the server runs is picked up.
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The client is not built. Run `npm run build`, or use `npm run dev`.\n');
      return;
    }
    res.sendFile(index);
  });
  return app;
}
