import type { Page } from 'playwright-core';

/** View 9: resident lookup (search, one resident with the timeline, reveal with a reason). */
export class ResidentsPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.locator('tr.ant-table-row');
  }

  row(id: number) {
    return this.page.locator(`tr.ant-table-row[data-row-key="${id}"]`);
  }

  total() {
    return this.page.getByTestId('resident-total');
  }

  async search(q: string): Promise<void> {
    await this.page.locator('#resident-q').fill(q);
    await this.page.getByRole('button', { name: /查\s*询|Search/ }).click();
  }

  async rowTexts(id: number): Promise<string[]> {
    return this.row(id).locator('td').allInnerTexts();
  }

  async open(id: number): Promise<void> {
    await this.row(id).getByRole('link').click();
  }

  facts() {
    return this.page.getByTestId('resident-facts');
  }

  /** The value shown beside a label of the resident's facts. */
  async fact(label: string): Promise<string> {
    const item = this.facts().locator('.ant-descriptions-item', { hasText: label }).first();
    return item.locator('.ant-descriptions-item-content').innerText();
  }

  entries() {
    return this.page.getByTestId('timeline-entry');
  }

  timelineCount() {
    return this.page.getByTestId('timeline-count');
  }

  revealButton() {
    return this.page.getByTestId('reveal-button');
  }

  async reveal(reason: string): Promise<void> {
    await this.revealButton().click();
    await this.page.locator('#reveal-reason').fill(reason);
    await this.page
      .locator('.ant-modal')
      .getByRole('button', { name: /查\s*看|Reveal/ })
      .click();
    await this.page.getByTestId('revealed-tag').waitFor();
  }

  notFound() {
    return this.page.getByTestId('resident-not-found');
  }
}
