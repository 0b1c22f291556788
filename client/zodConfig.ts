/** Imported first by every browser entry (the page and each worker): zod compiles fast parsers with
 *  `new Function`, which the server's CSP (no 'unsafe-eval') refuses, so it is told not to try. */
import { z } from 'zod';

z.config({ jitless: true });
