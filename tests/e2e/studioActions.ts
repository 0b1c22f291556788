/** Drives the studio like an author, counting every user action (a click, a key, a drag, a typed
 *  value), and knows where a plan cell is on screen from the canvas's own camera attributes. */
import type { Locator, Page } from '@playwright/test';

export class Actions {
  count = 0;
  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }

  async key(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }

  /** Types a value into a field and confirms it with Enter: one action. */
  async type(target: Locator, text: string): Promise<void> {
    this.count += 1;
    await target.fill(text);
    await target.press('Enter');
  }

  async select(target: Locator, value: string): Promise<void> {
    this.count += 1;
    await target.selectOption(value);
  }

  async cellPoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const c = this.page.locator('canvas.plan-canvas');
    const box = await c.boundingBox();
    const z = Number(await c.getAttribute('data-zoom'));
    const cx = Number(await c.getAttribute('data-x'));
    const cy = Number(await c.getAttribute('data-y'));
    return { x: (box?.x ?? 0) + cx + (x + 0.5) * z, y: (box?.y ?? 0) + cy + (y + 0.5) * z };
  }

  async clickCell(x: number, y: number): Promise<void> {
    this.count += 1;
    const p = await this.cellPoint(x, y);
    await this.page.mouse.click(p.x, p.y);
  }

  async drag(from: [number, number], to: [number, number]): Promise<void> {
    this.count += 1;
    const a = await this.cellPoint(...from);
    const b = await this.cellPoint(...to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await this.page.mouse.move(b.x, b.y, { steps: 4 });
    await this.page.mouse.up();
  }
}
