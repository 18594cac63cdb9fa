import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  }

  errorMessage() {
    return this.page.locator('.ant-message-error');
  }
}
