/** Sends the statements this server generates on to an external LRS (xAPI 1.0.3, HTTP Basic), in
 *  batches, resuming from the database after an outage or a restart. Never changes a statement. */
import type { XapiStore } from '../store/XapiStore';
import { XAPI_VERSION } from './Statement';

export interface LrsForwardConfig {
  /** The LRS's endpoint, e.g. https://lrs.example.vn/xapi (statements go to <url>/statements). */
  url: string;
  username: string;
  password: string;
}

export interface ForwarderOptions {
  /** How often to look for statements to send when nothing nudges the forwarder. */
  intervalMs?: number;
  /** The longest wait between tries while the LRS is unreachable or failing. */
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
}

const BATCH = 50;

/** Statuses that say this statement will never be accepted as it is: stop sending it. */
const REFUSED = new Set([400, 409, 413]);

export class LrsForwarder {
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private pass: Promise<void> | null = null;
  /** No tries before this time (ms since epoch) after a failure; doubles up to maxBackoffMs. */
  private retryAt = 0;
  private backoffMs = 0;
  private closed = false;

  constructor(
    private readonly store: XapiStore,
    config: LrsForwardConfig,
    private readonly options: ForwarderOptions = {},
  ) {
    this.endpoint = `${config.url.replace(/\/+$/, '')}/statements`;
    this.headers = {
      'content-type': 'application/json',
      'x-experience-api-version': XAPI_VERSION,
      authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`,
    };
    this.intervalMs = options.intervalMs ?? 10_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
  }

  start(): void {
    this.nudge();
    this.timer = setInterval(() => this.nudge(), this.intervalMs);
    this.timer.unref();
  }

  /** Asks for a pass soon (new statements were stored); a pass already running will pick them up. */
  nudge(): void {
    if (this.closed || this.pass || Date.now() < this.retryAt) return;
    this.pass = this.forwardAll()
      .then(
        () => {
          this.backoffMs = 0;
          this.retryAt = 0;
        },
        (error: unknown) => {
          this.backoffMs = Math.min(this.maxBackoffMs, Math.max(Math.min(this.intervalMs, this.maxBackoffMs), this.backoffMs * 2));
          this.retryAt = Date.now() + this.backoffMs;
          this.options.onError?.(error);
        },
      )
      .finally(() => (this.pass = null));
  }

  private async forwardAll(): Promise<void> {
    for (;;) {
      const batch = await this.store.unforwarded(BATCH);
      if (batch.length === 0 || this.closed) return;
      const res = await fetch(this.endpoint, { method: 'POST', headers: this.headers, body: JSON.stringify(batch.map((b) => b.statement)) });
      await res.arrayBuffer();
      if (res.ok) {
        await this.store.markForwarded(batch.map((b) => b.id));
      } else if (REFUSED.has(res.status)) {
        // The LRS refused the batch as a whole; one at a time tells the refused statements from the rest.
        for (const b of batch) await this.forwardOne(b.id, b.statement);
      } else {
        throw new Error(`the LRS at ${this.endpoint} answered ${res.status} ${res.statusText}`);
      }
    }
  }

  private async forwardOne(id: string, statement: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.endpoint}?statementId=${encodeURIComponent(id)}`, { method: 'PUT', headers: this.headers, body: JSON.stringify(statement) });
    const text = await res.text();
    if (res.ok) await this.store.markForwarded([id]);
    else if (REFUSED.has(res.status)) await this.store.markForwardRefused(id, `${res.status}: ${text.slice(0, 500)}`);
    else throw new Error(`the LRS at ${this.endpoint} answered ${res.status} ${res.statusText}`);
  }

  /** Resolves when no pass is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }
}
