import type { Page } from 'playwright-core';

/** View 1: a region at a glance. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  /** Resolves once the region's assessment and key figures are on screen. */
  async waitForReady(): Promise<void> {
    await this.page.locator('[data-testid="overview"][data-ready="true"]').waitFor();
  }

  /** Resolves once every key figure's sparkline is drawn (ECharts loads after the figures). */
  async waitForSparklines(): Promise<void> {
    const count = await this.keyFigures().count();
    // A string, evaluated in the page (the tests are compiled without the DOM library).
    await this.page.waitForFunction(
      `document.querySelectorAll('[data-testid="sparkline"][data-drawn="true"] canvas').length === ${count}`,
    );
  }

  regionTitle() {
    return this.page.getByTestId('region-title');
  }

  async chooseRegion(name: string): Promise<void> {
    await this.page.getByTestId('region-select').click();
    await this.page.locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`).click();
  }

  /** The count shown for an assessment status (`off-track`, …). */
  async count(status: string): Promise<number> {
    return Number(
      await this.page.getByTestId(`count-${status}`).locator('.ant-statistic-content').innerText(),
    );
  }

  bindingSummary() {
    return this.page.getByTestId('binding-summary');
  }

  /** Names in the attention list as shown (first page). */
  attentionNames(): Promise<string[]> {
    return this.page.getByTestId('attention-link').allInnerTexts();
  }

  keyFigures() {
    return this.page.getByTestId('key-figure');
  }

  figure(indicatorId: string) {
    return this.page.locator(`[data-testid="key-figure"][data-indicator="${indicatorId}"]`);
  }

  async figureValue(indicatorId: string): Promise<string> {
    return this.figure(indicatorId).getByTestId('key-figure-value').innerText();
  }

  townNote() {
    return this.page.getByTestId('town-note');
  }
}
