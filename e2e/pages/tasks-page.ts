import type { Page } from 'playwright-core';

/** View 8: key tasks and projects. */
export class TasksPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('plan-items').locator('tr.ant-table-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows().first().waitFor();
  }

  row(heading: string) {
    return this.rows().filter({
      has: this.page.getByTestId('item-heading').getByText(heading, { exact: true }),
    });
  }

  async edit(heading: string, fields: { department: string; status: string; note: string }): Promise<void> {
    await this.row(heading).getByTestId('item-edit').click();
    await this.page.getByTestId('item-department').fill(fields.department);
    await this.page.getByTestId('item-status-select').click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fields.status })
      .click();
    // The form is saved with what the select shows: a lost click would save the department alone.
    await this.page.getByTestId('item-status-select').filter({ hasText: fields.status }).waitFor();
    await this.page.getByTestId('item-note').fill(fields.note);
    await this.page.getByTestId('item-save').click();
    await this.page.getByTestId('item-save').waitFor({ state: 'detached' });
  }

  summary() {
    return this.page.getByTestId('tasks-summary');
  }
}
