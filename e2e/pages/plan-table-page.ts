import type { Download, Page } from 'playwright-core';

/** View 2: a plan's indicator table. */
export class PlanTablePage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByTestId('plan-indicator-table');
  }

  rows() {
    return this.table().locator('tr.ant-table-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows().first().waitFor();
  }

  title() {
    return this.page.getByTestId('plan-title');
  }

  rowCount() {
    return this.page.getByTestId('row-count');
  }

  /** The texts of the cells of the row whose indicator cell is `name`. */
  async rowTexts(name: string): Promise<string[]> {
    return this.rows().filter({ hasText: name }).first().locator('td').allInnerTexts();
  }

  async columnTitles(): Promise<string[]> {
    return this.table().locator('thead th').allInnerTexts();
  }

  async choosePlan(label: string): Promise<void> {
    await this.page.getByTestId('plan-select').click();
    await this.page.locator('.ant-select-item-option', { hasText: label }).click();
  }

  async filterNature(label: string): Promise<void> {
    await this.page.getByTestId('nature-filter').click();
    await this.page.locator('.ant-select-item-option', { hasText: label }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Hovers the target of a row and answers the tooltip's text (the parsed meaning). */
  async targetMeaning(name: string): Promise<string> {
    await this.rows().filter({ hasText: name }).first().getByTestId('target-text').hover();
    const tooltip = this.page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').last();
    await tooltip.waitFor();
    return tooltip.innerText();
  }

  async exportXlsx(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-xlsx').click();
    return download;
  }
}
