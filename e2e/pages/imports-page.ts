import type { Download, Page } from 'playwright-core';

/** View 6: plan documents and record files in. */
export class ImportsPage {
  constructor(readonly page: Page) {}

  /** Reads a plan document without storing it: the parsed table shows with a save button. */
  async previewPlan(file: string): Promise<void> {
    await this.page.getByTestId('plan-upload').locator('input[type=file]').setInputFiles(file);
    await this.page.getByTestId('plan-preview').click();
    await this.previewResult().waitFor();
  }

  previewResult() {
    return this.page.getByTestId('plan-preview-result').first();
  }

  /** Saves what the preview showed. */
  async confirmImport(): Promise<void> {
    await this.page.getByTestId('plan-import').click();
    await this.planResult().waitFor();
  }

  async importPlan(file: string): Promise<void> {
    await this.previewPlan(file);
    await this.confirmImport();
  }

  planResult() {
    return this.page.getByTestId('plan-import-result').first();
  }

  async importRecords(
    file: { name: string; mimeType: string; buffer: Buffer },
    skipInvalid: boolean,
  ): Promise<void> {
    await this.page.locator('input[type=file][accept*=ndjson]').setInputFiles(file);
    if (skipInvalid) await this.page.getByTestId('skip-invalid').click();
    await this.page.getByTestId('records-import').click();
    await this.recordsReport().waitFor();
  }

  recordsReport() {
    return this.page.locator('.ant-card', { hasText: '导入业务数据' }).locator('tr.ant-table-row').first();
  }

  indicatorsRefreshed() {
    return this.page.getByTestId('indicators-refreshed');
  }

  async downloadRejects(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('download-rejects').click();
    return download;
  }
}
