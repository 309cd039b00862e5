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
  // the language is remembered per user, and a journey before may have switched this one to Chinese
  if (await page.locator('#language').inputValue() !== 'en') {
    await page.locator('#language').selectOption('en');
    await page.locator('.orderly-bar-form button[type="submit"]').click();
    await page.locator('html[lang="en"]').waitFor();
  }
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

/** Sends a change to the API with the page's session (its cookie and antiforgery token), as a screen would. */
async function apiSend(page, method, path, data) {
  const csrf = await (await page.request.get(`${base}/api/antiforgery`)).json();
  const response = await page.request.fetch(`${base}${path}`, { method, headers: { [csrf.headerName]: csrf.token, 'Content-Type': 'application/json' }, data: data ?? {} });
  expect(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** A new browser (its own cookies) signed in as the demo user of <role>, on <returnTo>. */
async function session(role, returnTo) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await signIn(page, role, returnTo);
  return page;
}

/** Waits until the order page shows <status> (the API's name, e.g. OnHold). */
async function statusIs(page, status) {
  await page.locator(`.order-status[data-status="${status}"]`).first().waitFor();
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
  'an order goes from entry through review, two part shipments, invoice and payment to the customer seeing it paid, then is closed': async (page) => {
    const requested = new Date(Date.now() + 45 * 86400000).toISOString().slice(0, 10);
    await signIn(page, 'sales', '/app/orders/new');
    await page.getByLabel('Customer code').fill('ALFKI');
    await page.getByLabel('Requested date').fill(requested);
    await page.getByLabel('SKU of line 1').fill('CHAI-24');
    await page.getByLabel('Quantity of line 1').fill('4');
    await page.getByLabel('Agreed unit price of line 1').fill('15');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Review would hold this order if it were submitted now').waitFor();
    await shoot(page, 'order-entry-en');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/app\/orders\/[0-9a-f-]+\?done=place/);
    const path = new URL(page.url()).pathname;
    const number = (await page.locator('#order-number').textContent()).trim();
    await page.getByRole('button', { name: 'Submit' }).click();
    await statusIs(page, 'OnHold');

    const review = await session('review', '/app/orders');
    await review.getByLabel('Order number').fill(number);
    await review.getByRole('button', { name: 'Search' }).click();
    await review.waitForURL(`**${path}`);
    await review.getByLabel(/Reason or note/).fill('price agreed with the customer for this order');
    await review.getByRole('button', { name: 'Approve' }).click();
    await statusIs(review, 'Approved');

    await page.goto(`${base}${path}`);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await statusIs(page, 'Confirmed');

    const warehouse = await session('warehouse', path);
    await warehouse.getByRole('button', { name: 'Reserve' }).click();
    await warehouse.getByText('Done: Reserve.').waitFor();
    await warehouse.getByLabel('Line 1 CHAI-24 (reserved 4 case)').fill('3');
    await warehouse.getByRole('button', { name: 'Ship' }).click();
    await statusIs(warehouse, 'Fulfilling');
    await warehouse.getByLabel('Line 1 CHAI-24 (reserved 1 case)').waitFor();
    await warehouse.getByRole('button', { name: 'Ship' }).click();
    await statusIs(warehouse, 'Shipped');
    expect(await warehouse.locator('[data-document="shipment"]').count() === 2, 'two shipments in the document flow');

    const finance = await session('finance', path);
    await finance.getByRole('button', { name: 'Invoice' }).click();
    await statusIs(finance, 'Invoiced');
    await finance.getByRole('button', { name: 'Record payment' }).click();
    await statusIs(finance, 'Paid');
    await shoot(finance, 'order-detail-en');

    const customer = await session('customer', path);
    await statusIs(customer, 'Paid');
    await customer.locator('[data-customer-status="paid"]').getByText('Where your order stands').waitFor();
    expect(await customer.locator('.order-timeline li').filter({ hasText: 'Partly shipped' }).count() === 1, 'the timeline shows the first part shipment');
    expect(await customer.locator('[data-document="shipment"]').count() === 2, 'the customer sees both shipments');
    expect(await customer.locator('[data-document="payment"]').count() === 1, 'the customer sees the payment');
    expect(await customer.getByText('Who has it').count() === 0, 'the work items are not the customer\'s');
    await customer.getByLabel('Language').selectOption('zh-CN');
    await customer.getByRole('button', { name: 'Switch' }).click();
    await customer.locator('.order-status[data-status="Paid"]').getByText('已付款').waitFor();
    await shoot(customer, 'order-detail-zh');

    // paid in full: finance closes the order, the last step of its journey
    await finance.reload();
    await finance.getByRole('button', { name: 'Close', exact: true }).click();
    await statusIs(finance, 'Closed');
    for (const other of [review, warehouse, finance, customer]) await other.context().close();
  },
  'a second user\'s stale action is refused with a clear message': async (page) => {
    await signIn(page, 'order-administration', '/app/orders');
    const order = await placeOrder(page, 'ALFKI', 'SYRUP-12', 1);
    await page.goto(`${base}/app/orders/${order.id}`);
    const other = await session('sales', `/app/orders/${order.id}`);
    await other.getByRole('button', { name: 'Submit' }).click();
    await other.getByText('Done: Submit.').waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').getByText('Someone else changed this order after you opened it').waitFor();
    await other.context().close();
  },
  'a customer cannot open another customer\'s order by its address': async (page) => {
    await signIn(page, 'order-administration', '/app/orders');
    const theirs = await placeOrder(page, 'BLAUS', 'SYRUP-12', 1);
    await page.reload();
    await shoot(page, 'orders-en');
    if (screenshots) {
      await page.getByLabel('Language').selectOption('zh-CN');
      await page.getByRole('button', { name: 'Switch' }).click();
      await page.getByRole('heading', { name: '订单' }).waitFor();
      await shoot(page, 'orders-zh');
      await page.goto(`${base}/app/orders/new`);
      await page.getByRole('heading', { name: '新订单' }).waitFor();
      await shoot(page, 'order-entry-zh');
    }
    const customer = await session('customer', '/app/orders');
    const response = await customer.goto(`${base}/app/orders/${theirs.id}`);
    expect(response.status() === 404, `another customer's order should be 404, was ${response.status()}`);
    await customer.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await customer.getByText(theirs.number).count() === 0, 'nothing of the order is shown');
    await customer.context().close();
  },
  'a breached SLA shows on the management dashboard': async (page) => {
    // management sets a one-minute SLA for entering urgent orders on a round-the-clock calendar, so a step breaches now
    await signIn(page, 'management', '/app/dashboard');
    const always = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(d => [d, ['00:00-24:00']]));
    await apiSend(page, 'PUT', '/api/workflow/calendars/always', { name: 'Round the clock', timeZone: 'UTC', hours: always });
    await apiSend(page, 'PUT', '/api/workflow/slas', { step: 'enter', priority: 1, budgetMinutes: 1, calendar: 'always' });
    const sales = await session('sales', '/app/work');
    await apiSend(sales, 'POST', '/api/orders', { customerCode: 'ALFKI', priority: 1, lines: [{ sku: 'SYRUP-12', quantity: 1 }] });
    await sales.context().close();
    await page.waitForTimeout(62000);
    await apiSend(page, 'POST', '/api/workflow/sla-watch');
    await page.reload();
    const breaches = Number(await page.locator('.open-breaches').getAttribute('data-breaches'));
    expect(breaches >= 1, `the dashboard should count the breach, counted ${breaches}`);
    await page.locator('tr[data-department="sales"].state-breached').waitFor();
    await shoot(page, 'dashboard-en');
    if (screenshots) {
      await page.getByLabel('Language').selectOption('zh-CN');
      await page.getByRole('button', { name: 'Switch' }).click();
      await page.getByRole('heading', { name: '管理看板' }).waitFor();
      await shoot(page, 'dashboard-zh');
    }
  },
  'management adds an allocation rule, tries it on an order and saves a view; a purchase order is sent, confirmed and received': async (page) => {
    await signIn(page, 'management', '/app/admin/allocation');
    await page.getByRole('heading', { name: 'Allocation rules', exact: true }).waitFor();
    const name = `Alfreds desk ${Date.now()}`; // the journeys may run twice against one server
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.locator('#department').selectOption('review');
    await page.getByLabel('Demo review').check();
    await page.getByLabel('Customer code').fill('ALFKI');
    await page.getByRole('button', { name: 'Add a rule' }).last().click();
    await page.getByText(`Rule '${name}' saved.`).waitFor();
    const sales = await session('sales', '/app/work');
    const order = await placeOrder(sales, 'ALFKI', 'CHAI-24', 1);
    await sales.context().close();
    await page.getByLabel('Order number').fill(order.number);
    await page.locator('#dry-run-step').selectOption('review');
    await page.getByRole('button', { name: 'Try the rules' }).click();
    await page.locator('.dry-run-step .would-go', { hasText: 'Demo review' }).waitFor();
    await shoot(page, 'allocation-en');
    if (screenshots) {
      await page.getByLabel('Language').selectOption('zh-CN');
      await page.getByRole('button', { name: 'Switch' }).click();
      await page.getByRole('heading', { name: '分配规则', exact: true }).waitFor();
      await shoot(page, 'allocation-zh');
      await page.locator('#language').selectOption('en');
      await page.locator('.orderly-bar-form button[type="submit"]').click();
      await page.locator('html[lang="en"]').waitFor();
    }
    await page.goto(`${base}/app/orders?sku=CHAI-24`);
    await page.locator(`tr[data-order="${order.number}"]`).waitFor();
    await page.getByLabel('Save these filters as').fill(`Chai ${Date.now()}`);
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByText(/View 'Chai \d+' saved\./).waitFor();

    const buyer = await session('procurement', '/app/procurement');
    const po = await apiSend(buyer, 'POST', '/api/purchase-orders', { supplierCode: 'PRIME', warehouseCode: 'MAIN', lines: [{ sku: 'CHAI-24', quantity: 20 }] });
    await buyer.goto(`${base}/app/procurement`);
    await buyer.getByRole('link', { name: po.number }).click();
    await buyer.getByRole('button', { name: 'Send to supplier' }).click();
    await buyer.getByText('Done: Send to supplier.').waitFor();
    await buyer.getByLabel('Date the supplier promised').fill(new Date(Date.now() + 10 * 864e5).toISOString().slice(0, 10));
    await buyer.getByRole('button', { name: 'Confirm', exact: true }).click();
    await buyer.getByText('Done: Confirm.').waitFor();
    const clerk = await session('warehouse', `/app/procurement/purchase-orders/${po.id}`);
    await clerk.getByLabel('Quantity received for line 1').fill('12');
    await clerk.getByRole('button', { name: 'Receive line 1' }).click();
    await clerk.getByText('Done: Goods received.').waitFor();
    await clerk.locator('li[data-receipt]').first().waitFor();
    await buyer.reload();
    await shoot(buyer, 'purchase-order-en');
    if (screenshots) {
      await buyer.getByLabel('Language').selectOption('zh-CN');
      await buyer.getByRole('button', { name: 'Switch' }).click();
      await buyer.getByRole('heading', { name: /采购订单/ }).waitFor();
      await shoot(buyer, 'purchase-order-zh');
    }
    await clerk.context().close();
    await buyer.context().close();
  },
  'the warehouse, procurement and finance screens open for their departments': async (page) => {
    const screens = [
      ['warehouse', '/app/warehouse', 'Warehouse', '仓库', 'warehouse'],
      ['procurement', '/app/procurement', 'Procurement', '采购', 'procurement'],
      ['finance', '/app/finance?customer=ALFKI', 'Finance', '财务', 'finance'],
    ];
    for (const [role, path, heading, chinese, name] of screens) {
      const person = await session(role, path);
      await person.getByRole('heading', { name: heading, exact: true }).waitFor();
      await shoot(person, `${name}-en`);
      if (screenshots) {
        await person.getByLabel('Language').selectOption('zh-CN');
        await person.getByRole('button', { name: 'Switch' }).click();
        await person.getByRole('heading', { name: chinese, exact: true }).waitFor();
        await shoot(person, `${name}-zh`);
      }
      await person.context().close();
    }
    await page.goto(`${base}/app/sign-in`);
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
    console.log(`FAILED ${name}: ${error.message} (at ${page.url()})`);
    if (process.env.ORDERLY_FAILURE_SHOTS) await page.screenshot({ path: join(process.env.ORDERLY_FAILURE_SHOTS, `failed-${failures}.png`), fullPage: true });
  } finally {
    await context.close();
  }
}
await browser.close();
process.exit(failures);
