import type { Page } from 'playwright-core';

/** View 4: one indicator across the loaded plans. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async waitForReady(): Promise<void> {
    await this.page.locator('[data-testid="compare"][data-ready="true"]').waitFor();
  }

  async waitForChart(): Promise<void> {
    await this.page.locator('[data-testid="compare-chart"][data-drawn="true"] canvas').waitFor();
  }

  async chooseIndicator(typed: string, option: string): Promise<void> {
    await this.page.getByTestId('indicator-select').click();
    await this.page.keyboard.type(typed);
    await this.page.locator('.ant-select-item-option', { hasText: option }).first().click();
  }

  async waitForRows(count: number): Promise<void> {
    await this.page
      .getByTestId('compare-table')
      .locator('tr.ant-table-row')
      .nth(count - 1)
      .waitFor();
  }

  title() {
    return this.page.getByTestId('compare-title');
  }

  /** The table's rows as cell texts. */
  async rows(): Promise<string[][]> {
    const rows = this.page.getByTestId('compare-table').locator('tr.ant-table-row');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < count; i++) out.push(await rows.nth(i).locator('td').allInnerTexts());
    return out;
  }
}
