import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { recordGrant } from '@/lib/register';
import { defaultReviewCadence } from '@/lib/settings';
import { GrantForm } from '../register/GrantForm';

/**
 * The popup's quick add form. Loaded only when asked for (the popup's first screen does not
 * need the form, the write rules or their validation).
 */
export default function QuickAdd({
  onAdded,
  onCancel,
}: {
  onAdded: (notice: string) => void;
  onCancel: () => void;
}) {
  return (
    <GrantForm
      compact
      testId="quick-add"
      onCancel={onCancel}
      onSubmit={async (draft) => {
        await recordGrant(registerDb(), draft, {
          source: 'manual',
          now: new Date(),
          defaultCadenceDays: await defaultReviewCadence(),
        });
        onAdded(t('popup_added'));
      }}
    />
  );
}
