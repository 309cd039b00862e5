// Orderly's browser journeys in a real Chromium (issue 12): Debian's /usr/bin/chromium driven by playwright-core,
// against a server that tools/browser/test started with demo data. Each journey prints "ok <name>" or
// "FAILED <name>: <why>"; the exit code is the number of failures. With --screenshots <dir> it also writes the main
// screens in both languages (docs/screenshots/).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.ORDERLY_URL ?? 'http://127.0.0.1:5000';
const screenshots = process.argv.includes('--screenshots') ? process.argv[process.argv.indexOf('--screenshots') + 1] : null;
const password = 'orderly-demo-password';
const user = (role) => `${role}@demo.orderly.example`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

function expect(condition, why) { if (!condition) throw new Error(why); }

async function signIn(page, role, returnTo = '/app/work') {
  await page.goto(`${base}${returnTo}`);
  expect(page.url().includes('/app/sign-in'), `a page without a session should send to sign-in, was ${page.url()}`);
  await page.getByLabel(/Email|电子邮箱/).fill(user(role));
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Sign in|登录/ }).click();
  await page.waitForURL(`**${returnTo}`);
}

/** An order placed through the API with the page's own session (cookie and antiforgery token), as another screen would. */
async function placeOrder(page, customerCode, sku, quantity) {
  const csrf = await (await page.request.get(`${base}/api/antiforgery`)).json();
  const products = await (await page.request.get(`${base}/api/products`)).json();
  const response = await page.request.post(`${base}/api/orders`, {
    headers: { [csrf.headerName]: csrf.token },
    data: { customerCode, lines: [{ sku: sku ?? products[0].sku, quantity }] },
  });
  expect(response.status() === 201, `placing an order answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

async function shoot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

const journeys = {
  'sales signs in, sees its new order in its queue, switches to Chinese and signs out': async (page) => {
    await page.goto(`${base}/app/sign-in`);
    await shoot(page, 'sign-in-en');
    await signIn(page, 'sales');
    const order = await placeOrder(page, 'ALFKI', null, 2);
    await page.reload();
    const mine = page.locator('section', { has: page.getByRole('heading', { name: /Assigned to me/ }) });
    expect(await mine.getByText(order.number).count() === 1, `${order.number} should be in "Assigned to me"`);
    await shoot(page, 'my-work-en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    await shoot(page, 'my-work-zh');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/app/sign-in');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await shoot(page, 'sign-in-zh');
  },
  'a wrong password is refused on the page and says so': async (page) => {
    await page.goto(`${base}/app/sign-in`);
    await page.getByLabel('Email').fill(user('warehouse'));
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or the password is wrong.').waitFor();
    expect(page.url().includes('/app/sign-in'), 'the page should stay on sign-in');
  },
  'order administration claims an unassigned item from the unassigned queue': async (page) => {
    await signIn(page, 'order-administration');
    const unassigned = page.locator('section', { has: page.getByRole('heading', { name: /^Unassigned/ }) });
    const claim = unassigned.getByRole('button', { name: /^Claim / }).first();
    if (await claim.count() === 0) return; // nothing unassigned in this demo run: nothing to claim
    const label = await claim.getAttribute('aria-label');
    await claim.click();
    await page.getByRole('status').getByText(/is yours now/).waitFor();
    expect(label.startsWith('Claim '), `unexpected button ${label}`);
  },
};

let failures = 0;
for (const [name, journey] of Object.entries(journeys)) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  try {
    await journey(page);
    console.log(`ok ${name}`);
  } catch (error) {
    failures++;
    console.log(`FAILED ${name}: ${error.message}`);
  } finally {
    await context.close();
  }
}
await browser.close();
process.exit(failures);
