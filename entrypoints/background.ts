import { registerFocusCommand } from '@/lib/background/commands';
import { registerBackgroundHandlers } from '@/lib/background/handlers';
import { registerReminderHandlers } from '@/lib/background/reminder-handlers';

export default defineBackground({
  // Wiring only: every listener is registered synchronously here.
  main() {
    registerBackgroundHandlers();
    registerReminderHandlers();
    registerFocusCommand();
  },
});
