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
    await this.chooseStatus(fields.status);
    await this.page.getByTestId('item-note').fill(fields.note);
    await this.page.getByTestId('item-save').click();
    await this.page.getByTestId('item-save').waitFor({ state: 'detached' });
  }

  /**
   * The form is saved with what the select shows: a lost click would save the department alone. On a
   * loaded machine a click on an option while the dropdown still opens can be lost (CI, 6 Dec): the choice
   * is made again until the select shows it, three times at most.
   */
  private async chooseStatus(status: string): Promise<void> {
    const select = this.page.getByTestId('item-status-select');
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: status,
    });
    for (let attempt = 1; ; attempt++) {
      // A lost click may leave the dropdown open: clicking the select again would close it.
      if (!(await option.isVisible())) await select.click();
      await option.click();
      try {
        await select.filter({ hasText: status }).waitFor({ timeout: 5000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  summary() {
    return this.page.getByTestId('tasks-summary');
  }
}
