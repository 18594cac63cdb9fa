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
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .click();
  }

  async filterNature(label: string): Promise<void> {
    await this.page.getByTestId('nature-filter').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .click();
    await this.page.keyboard.press('Escape');
  }

  /** Hovers the target of a row and answers the tooltip's text (the parsed meaning). */
  async targetMeaning(name: string): Promise<string> {
    await this.rows().filter({ hasText: name }).first().getByTestId('target-text').hover();
    const tooltip = this.page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').last();
    await tooltip.waitFor();
    return tooltip.innerText();
  }

  /** Chooses the assessment year and waits for its assessment: the last actual column is then that year's. */
  async chooseYear(year: number): Promise<void> {
    await this.page.getByTestId('year-select').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year} 年` })
      .click();
    await this.table()
      .locator('thead tr')
      .last()
      .locator('th')
      .last()
      .filter({ hasText: new RegExp(`^${year}$`) })
      .waitFor();
  }

  async statuses(): Promise<(string | null)[]> {
    return this.rows()
      .getByTestId('status-tag')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
  }

  async filterStatus(label: string): Promise<void> {
    await this.page.getByTestId('status-filter').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .click();
    await this.page.keyboard.press('Escape');
  }

  /** The status tag of the row whose indicator cell is `name`. */
  statusOf(name: string) {
    return this.rows().filter({ hasText: name }).first().getByTestId('status-tag');
  }

  /** The text of a row's actual in a year (the value, with 填 when it was entered by hand). */
  async actual(name: string, year: number): Promise<string> {
    const years = await this.table().locator('thead tr').last().locator('th').allInnerTexts();
    const row = this.rows().filter({ hasText: name }).first();
    // Year cells are the last columns but one (the projection follows them).
    const cells = row.locator('td');
    const count = await cells.count();
    return cells.nth(count - 1 - years.length + years.indexOf(String(year))).innerText();
  }

  bindingSummary() {
    return this.page.getByTestId('binding-summary');
  }

  async exportXlsx(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-xlsx').click();
    return download;
  }
}
