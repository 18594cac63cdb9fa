import type { Page } from 'playwright-core';

/** The frame around every view: header and language switch. */
export class AppShell {
  constructor(readonly page: Page) {}

  header() {
    return this.page.locator('.ant-layout-header');
  }

  async switchLanguage(label: '中文' | 'EN'): Promise<void> {
    await this.page.locator('.ant-segmented-item', { hasText: label }).click();
  }
}
