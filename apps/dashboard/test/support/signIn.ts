import type { Page } from 'playwright-core';

/** Fills the Helios sign-in form of the page and submits it. */
export async function signIn(page: Page, password: string, username = 'admin'): Promise<void> {
  const login = page.getByTestId('helios-login');
  await login.locator('input[name=username]').fill(username);
  await login.locator('input[name=password]').fill(password);
  await login.getByRole('button', { name: 'Sign in' }).click();
}
