import { registerBackgroundHandlers } from '@/lib/background/handlers';

export default defineBackground({
  // Wiring only: every listener is registered synchronously here (house style, pattern 1).
  main() {
    registerBackgroundHandlers();
  },
});
