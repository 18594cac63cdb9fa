import type { Download, Page } from 'playwright-core';

/** View 7: monitoring reports. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async waitForForm(): Promise<void> {
    await this.page.getByTestId('report-xlsx').waitFor();
  }

  async choosePlan(label: string): Promise<void> {
    await this.page.getByTestId('plan-select').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .click();
  }

  async chooseKind(label: string): Promise<void> {
    await this.page.getByTestId('report-kind').getByText(label).click();
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByTestId('report-year').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year} 年` })
      .click();
  }

  yearShown() {
    return this.page
      .getByTestId('report-year')
      .locator('.ant-select-content, .ant-select-selection-item')
      .first();
  }

  async download(format: 'xlsx' | 'pdf'): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.page.getByTestId(`report-${format}`).click();
    return download;
  }

  htmlLink() {
    return this.page.getByTestId('report-html');
  }
}
