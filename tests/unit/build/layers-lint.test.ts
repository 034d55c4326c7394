// @vitest-environment node
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers of lib/ are kept by the linter (eslint.config.js): an import that points up the
 * layers is an error, whichever way the path is written; imports that point down are fine.
 */
const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layers the linter keeps', () => {
  // The first lint loads the config and the TypeScript parser: seconds on a busy machine, which
  // belong to no one case.
  beforeAll(async () => {
    await eslint.lintText('', { filePath: 'lib/i18n.ts' });
  }, 60_000);

  it.each([
    ['lib/tiktok/classify.ts', "import { registerDb } from '../register/db';\nvoid registerDb;\n"],
    [
      'lib/tiktok/labels/en.ts',
      "import type { Grant } from '@/lib/register/schema';\nexport type G = Grant;\n",
    ],
    [
      'lib/tiktok/flow.ts',
      "import { CompanionPanel } from '../../components/overlay/CompanionPanel';\nvoid CompanionPanel;\n",
    ],
    [
      'lib/register/rules.ts',
      "import { onMessage } from '../messaging/protocol';\nvoid onMessage;\n",
    ],
    [
      'lib/register/import/apply.ts',
      "import { loadSettings } from '../../reminders/settings';\nvoid loadSettings;\n",
    ],
    [
      'lib/register/queries.ts',
      "import type { TabContext } from '@/lib/background/tab-context';\nexport type T = TabContext;\n",
    ],
    ['lib/i18n.ts', "import { LABELS } from './tiktok/selectors';\nvoid LABELS;\n"],
    [
      'lib/tiktok/observe.ts',
      "import type { FlowFacts } from '../checklists/types';\nexport type F = FlowFacts;\n",
    ],
    [
      'lib/register/rules.ts',
      "import type { ChecklistId } from '@/lib/checklists';\nexport type C = ChecklistId;\n",
    ],
    [
      'lib/checklists/engine.ts',
      "import { updateGrant } from '../register/grants';\nvoid updateGrant;\n",
    ],
    [
      'lib/checklists/facts.ts',
      "import type { ProtocolMap } from '@/lib/messaging/protocol';\nexport type P = ProtocolMap;\n",
    ],
    [
      'lib/checklists/add-member.ts',
      "import { ChecklistRunner } from '../overlay/runner';\nvoid ChecklistRunner;\n",
    ],
    [
      'lib/checklists/shared.ts',
      "import { createOverlayStore } from '../../components/overlay/store';\nvoid createOverlayStore;\n",
    ],
    [
      'lib/reminders/state.ts',
      "import { onMessage } from '../messaging/protocol';\nvoid onMessage;\n",
    ],
    [
      'lib/reminders/schedule.ts',
      "import { registerReminderHandlers } from '@/lib/background/reminder-handlers';\nvoid registerReminderHandlers;\n",
    ],
    [
      'lib/reminders/campaigns.ts',
      "import { checklistById } from '../checklists';\nvoid checklistById;\n",
    ],
    [
      'lib/campaigns/store.ts',
      "import { loadReminderSettings } from '../reminders/settings';\nvoid loadReminderSettings;\n",
    ],
    [
      'lib/campaigns/words.ts',
      "import type { ProtocolMap } from '@/lib/messaging/protocol';\nexport type P = ProtocolMap;\n",
    ],
    [
      'lib/campaigns/scope.ts',
      "import { CampaignView } from '../../components/campaigns/CampaignView';\nvoid CampaignView;\n",
    ],
    [
      'lib/overlay/dock.ts',
      "import type { OverlayStore } from '../../components/overlay/store';\nexport type S = OverlayStore;\n",
    ],
    [
      'lib/overlay/runner.ts',
      "import { loadTabContext } from '@/lib/background/tab-context';\nvoid loadTabContext;\n",
    ],
    [
      'lib/overlay/frame-record.ts',
      "import { registerDb } from '../register/db';\nvoid registerDb;\n",
    ],
    [
      'lib/messaging/protocol.ts',
      "import type { TabContext } from '../background/tab-context';\nexport type T = TabContext;\n",
    ],
    [
      'lib/messaging/companion.ts',
      "import { OVERLAY_FLAG } from '@/lib/overlay/flag';\nvoid OVERLAY_FLAG;\n",
    ],
    [
      'lib/messaging/popup.ts',
      "import { listGrantViews } from '../register/grants';\nvoid listGrantViews;\n",
    ],
    [
      'lib/messaging/senders.ts',
      "import { checklistById } from '@/lib/checklists';\nvoid checklistById;\n",
    ],
    [
      'lib/background/handlers.ts',
      "import { App } from '../../entrypoints/popup/app';\nvoid App;\n",
    ],
    [
      'lib/content-script/navigations.ts',
      "import { classifyUrl } from '../tiktok/routes';\nvoid classifyUrl;\n",
    ],
    [
      'lib/settings/schema.ts',
      "import { DEFAULT_REVIEW_CADENCE_DAYS } from '../register/schema';\nvoid DEFAULT_REVIEW_CADENCE_DAYS;\n",
    ],
    [
      'lib/settings/index.ts',
      "import type { ReminderPlan } from '@/lib/reminders/schedule';\nexport type R = ReminderPlan;\n",
    ],
    ['lib/settings/schema.ts', "import { t } from '../i18n';\nvoid t;\n"],
    [
      'lib/tiktok/routes.ts',
      "import { DEFAULT_REVIEW_CADENCE_DAYS } from '@/lib/settings/schema';\nvoid DEFAULT_REVIEW_CADENCE_DAYS;\n",
    ],
    ['lib/content-script/navigations.ts', "import { t } from '@/lib/i18n';\nvoid t;\n"],
  ])('refuses, in %s, an import from a layer above', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/is below .* in the layers|takes only types from/);
  });

  it('names the layer and the rule it breaks', async () => {
    const [above] = await layerErrors(
      'lib/reminders/state.ts',
      "import { onMessage } from '../messaging/protocol';\nvoid onMessage;\n",
    );
    expect(above).toContain('lib/reminders is below lib/messaging');
    const [code] = await layerErrors(
      'lib/overlay/frame-record.ts',
      "import { registerDb } from '../register/db';\nvoid registerDb;\n",
    );
    expect(code).toContain('lib/overlay takes only types from lib/register');
  });

  it.each([
    [
      'lib/register/rules.ts',
      "import { classifyUrl } from '../tiktok/routes';\nvoid classifyUrl;\n",
    ],
    ['lib/register/import/apply.ts', "import { t } from '@/lib/i18n';\nvoid t;\n"],
    [
      'lib/background/handlers.ts',
      "import { registerDb } from '../register/db';\nvoid registerDb;\n",
    ],
    [
      'lib/checklists/shared.ts',
      "import { findControl } from '../tiktok/controls';\nvoid findControl;\n",
    ],
    [
      'lib/overlay/runner.ts',
      "import { checklistById } from '../checklists';\nvoid checklistById;\n",
    ],
    [
      'lib/background/checklist-handlers.ts',
      "import type { ChecklistProgress } from '@/lib/checklists';\nexport type P = ChecklistProgress;\n",
    ],
    [
      'lib/tiktok/flow.ts',
      "import { defineExtensionMessaging } from '@webext-core/messaging';\nvoid defineExtensionMessaging;\n",
    ],
    [
      'lib/reminders/campaigns.ts',
      "import { scopeDescription } from '../campaigns/words';\nvoid scopeDescription;\n",
    ],
    [
      'lib/overlay/frame-record.ts',
      "import type { Grant } from '../register/schema';\nexport type G = Grant;\n",
    ],
    [
      'lib/messaging/protocol.ts',
      "import type { HeldQuestion } from '@/lib/register/held-types';\nexport type H = HeldQuestion;\n",
    ],
    [
      'lib/overlay/hint.ts',
      "import type { GrantHint } from '../messaging/companion';\nexport type H = GrantHint;\n",
    ],
    [
      'lib/background/reminder-handlers.ts',
      "import { runReminders } from '../reminders/run';\nvoid runReminders;\n",
    ],
    [
      'lib/register/grants.ts',
      "import { DEFAULT_REVIEW_CADENCE_DAYS } from '../settings/schema';\nvoid DEFAULT_REVIEW_CADENCE_DAYS;\n",
    ],
    [
      'lib/reminders/run.ts',
      "import { loadReminderSettings } from '@/lib/settings';\nvoid loadReminderSettings;\n",
    ],
  ])(
    'accepts, in %s, an import from the same layer, one below, or a package',
    async (file, code) => {
      expect(await layerErrors(file, code)).toEqual([]);
    },
  );

  it.each([
    [
      'components/register/GrantList.tsx',
      "import { listGrantViews } from '@/lib/register/grants';\nvoid listGrantViews;\n",
    ],
    [
      'components/options/DueReminders.tsx',
      "import type { GrantInfo } from '../../lib/reminders/schedule';\nexport type G = GrantInfo;\n",
    ],
    [
      'components/overlay/HeldCard.tsx',
      "import type { OverlayStore } from '@/lib/overlay/store';\nexport type S = OverlayStore;\n",
    ],
    [
      'components/popup/PopupApp.tsx',
      "import { FOCUS_COMPANION_COMMAND } from '@/lib/background/commands';\nvoid FOCUS_COMPANION_COMMAND;\n",
    ],
  ])(
    'refuses, in %s, an import of lib/ past its index.ts or of the background',
    async (file, code) => {
      const errors = await layerErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/through each module's index\.ts|never import lib\/background/);
    },
  );

  it.each([
    [
      'components/register/GrantList.tsx',
      "import { listGrantViews } from '@/lib/register';\nvoid listGrantViews;\n",
    ],
    [
      'components/overlay/HeldCard.tsx',
      "import type { OverlayStore } from '@/lib/overlay';\nexport type S = OverlayStore;\n",
    ],
    ['components/options/OptionsApp.tsx', "import { t } from '@/lib/i18n';\nvoid t;\n"],
  ])('accepts, in %s, an import of a module of lib/ through its index.ts', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
