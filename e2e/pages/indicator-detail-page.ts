import type { Page } from 'playwright-core';

/** View 3: one row of a plan in detail. */
export class IndicatorDetailPage {
  constructor(readonly page: Page) {}

  /** Resolves once the assessment and (for a computed indicator) its provenance are on screen. */
  async waitForReady(): Promise<void> {
    await this.page.locator('[data-testid="indicator-detail"][data-ready="true"]').waitFor();
  }

  async waitForChart(testId = 'trend-chart'): Promise<void> {
    await this.page.locator(`[data-testid="${testId}"][data-drawn="true"] canvas`).waitFor();
  }

  title() {
    return this.page.getByTestId('indicator-title');
  }

  actual() {
    return this.page.getByTestId('detail-actual');
  }

  target() {
    return this.page.getByTestId('detail-target');
  }

  projection() {
    return this.page.getByTestId('detail-projection');
  }

  definitionId() {
    return this.page.getByTestId('definition-id');
  }

  /** The provenance table's rows as cell texts. */
  async provenanceRows(): Promise<string[][]> {
    const rows = this.page.getByTestId('provenance-table').locator('tr.ant-table-row');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < count; i++) out.push(await rows.nth(i).locator('td').allInnerTexts());
    return out;
  }

  /** Towns with a value, largest first, as `name=value` (the bars' data). */
  async townBars(): Promise<string[]> {
    await this.waitForChart('town-chart');
    const data = await this.page.getByTestId('town-breakdown').getAttribute('data-towns');
    return data ? data.split(';') : [];
  }

  historyYears() {
    return this.page.getByTestId('manual-history-year');
  }
}
