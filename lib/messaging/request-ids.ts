/**
 * The TikTok id as requests are checked for it. The one piece of the register's code a contract
 * uses: requests are checked with the register's own id schema, so the background refuses at the
 * door exactly the ids the register would. Only the background parses the request schemas; the
 * companion and the pages take their types.
 */
// eslint-disable-next-line no-restricted-imports
import { tiktokId } from '../register/schema';

export const requestedTikTokId = tiktokId;
