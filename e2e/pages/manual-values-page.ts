import type { Download, Locator, Page } from 'playwright-core';

/** View 5: hand-entered values of the rows the records cannot determine, and their approval. */
export class ManualValuesPage {
  constructor(readonly page: Page) {}

  indicatorRows() {
    return this.page.getByTestId('manual-rows').locator('tr.ant-table-row');
  }

  async waitForRows(): Promise<void> {
    await this.indicatorRows().first().waitFor();
  }

  /** The entries table's row of one indicator and year. */
  entry(name: string, year: number): Locator {
    return this.page
      .getByTestId('manual-entries')
      .locator('tr.ant-table-row')
      .filter({ hasText: name })
      .filter({ has: this.page.locator('td', { hasText: new RegExp(`^${year}$`) }) });
  }

  dialog() {
    return this.page.getByRole('dialog').last();
  }

  /** Opens the entry form of an indicator and fills it; answers without saving. */
  async fillNew(name: string, year: number, value: string, source: string): Promise<void> {
    await this.indicatorRows().filter({ hasText: name }).getByTestId('manual-add').click();
    await this.dialog().waitFor();
    // The form opens on the latest free year; the choice is checked, as a click during the dropdown's opening
    // animation can miss — and then the dropdown may close under the click, which would wait for an option
    // that is gone: each attempt gets a few seconds, then the dropdown is opened again.
    const select = this.page.getByTestId('manual-year');
    for (let attempt = 0; attempt < 5; attempt++) {
      await select.click();
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year} 年` })
        .click({ timeout: 3000 })
        .catch(() => undefined);
      if (await select.getByText(`${year} 年`).isVisible()) break;
    }
    await select.getByText(`${year} 年`).waitFor();
    await this.page.getByTestId('manual-value').fill(value);
    await this.page.getByTestId('manual-source').fill(source);
  }

  /** Opens the edit form of an entry and sets its value (and, for an approved value, the reason). */
  async fillEdit(name: string, year: number, value: string): Promise<void> {
    await this.act(name, year, /^修\s*改$/);
    await this.dialog().waitFor();
    await this.page.getByTestId('manual-value').fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('manual-save').click();
  }

  formError() {
    return this.dialog().locator('.ant-form-item-explain-error');
  }

  async act(name: string, year: number, button: RegExp): Promise<void> {
    await this.entry(name, year).getByRole('button', { name: button }).click();
  }

  async returnWithReason(name: string, year: number, reason: string): Promise<void> {
    await this.act(name, year, /^退\s*回$/);
    await this.page.getByTestId('manual-return-reason').fill(reason);
    await this.page.getByTestId('manual-return-confirm').click();
  }

  status(name: string, year: number) {
    return this.entry(name, year).getByTestId('manual-status');
  }

  async history(name: string, year: number): Promise<string[][]> {
    await this.act(name, year, /修改记录/);
    const rows = this.page.getByTestId('manual-history').locator('tr.ant-table-row');
    await rows.first().waitFor();
    const texts: string[][] = [];
    for (const row of await rows.all()) texts.push(await row.locator('td').allInnerTexts());
    return texts;
  }

  /** Uploads a filled template; answers the notice the page shows. */
  async importTemplate(file: string): Promise<string> {
    await this.page.locator('input[type=file][accept=".xlsx"]').setInputFiles(file);
    const notice = this.page.locator('.ant-message-notice', { hasText: '导入完成' });
    await notice.waitFor();
    return notice.innerText();
  }

  async downloadTemplate(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('manual-template').click();
    return download;
  }
}
