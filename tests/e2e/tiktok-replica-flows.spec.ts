import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { expect, test } from './fixtures';

// The replicas' flows are real in Chromium too: later checklist tests drive them like a user.

test('Invite Member: email → Standard → Next → ad account → Confirm → "Invitation sent", a Pending row', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcMembersEs); // Spanish, bui- grid, one page of members
  await page.getByRole('button', { name: 'Invitar miembro' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitar miembro' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Correo(s) electrónico(s)').fill('nuevo@example.com');
  await dialog.getByLabel('Estándar').check();
  await dialog.getByRole('button', { name: 'Siguiente' }).click();
  await dialog.getByRole('checkbox', { name: /Tienda Sol MX/ }).check();
  await dialog.getByRole('button', { name: 'Confirmar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('Invitación enviada');
  const row = page.getByRole('row').filter({ hasText: 'nuevo@example.com' });
  await expect(row).toContainText('Pendiente');
  await expect(page.getByText('5 registros en total')).toBeVisible();
});

test('Remove a member: Remove → Confirm → confirmation code → the row disappears', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcMembers);
  const row = page.getByRole('row').filter({ hasText: 'dana@brightlane-agency.com' });
  await row.getByRole('button', { name: 'View' }).click();
  const drawer = page.getByRole('dialog', { name: 'Member details' });
  await drawer.getByRole('button', { name: 'Remove' }).click();
  await page
    .getByRole('dialog', { name: 'Remove member?' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  const code = page.getByRole('dialog', { name: 'Enter the confirmation code' });
  await code.getByLabel('Confirmation code').fill('123456');
  await code.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toContainText('Member removed');
  await expect(row).toHaveCount(0);
  await expect(page.getByText('13 Records in Total')).toBeVisible();
});

test('Add Partners: BC ID → Next → ad account + permission → Confirm adds the partner', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcPartners);
  await page.getByRole('button', { name: 'Add Partners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Partners' });
  await dialog.getByLabel("Partner's BC ID").fill('7089012345678901234');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('checkbox', { name: /Northwind EU/ }).check();
  await dialog.getByLabel('Permission: Northwind EU').selectOption('analyst');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row').filter({ hasText: '7089012345678901234' })).toBeVisible();
  await expect(page.getByText('4 Records in Total')).toBeVisible();
});

test("an ad account's Members tab: Assign new member → Confirm; Partner tab raises only", async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcAssetMembers);
  await page.getByRole('button', { name: 'Assign new member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign new member' });
  await dialog.getByLabel('Member', { exact: true }).selectOption({ label: 'Priya Natarajan' });
  await dialog.getByLabel('Permission').selectOption('analyst');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Priya Natarajan' })).toContainText(
    'Analyst',
  );

  await page.getByRole('tab', { name: 'Partner' }).click();
  await expect(page).toHaveURL(/tab=partner/);
  const permission = page.getByLabel('Permission: Brightlane Agency');
  await expect(permission.locator('option[value=analyst]')).toBeDisabled();
  await permission.selectOption('admin');
  await expect(page.getByRole('alert')).toContainText('Changes saved');
});
