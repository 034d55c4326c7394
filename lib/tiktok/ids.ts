/**
 * A TikTok ID as its pages and URLs write it: a Business Center's `org_id`, an ad account's
 * `aadvid`, a partner's BC ID. They are 19 digits today; 6 to 25 allows older and future ones
 * without letting a count, a year or a phone number pass for one.
 */
export const TIKTOK_ID_DIGITS = '[0-9]{6,25}';

/** A whole string that is one TikTok ID. */
export const TIKTOK_ID = new RegExp(`^${TIKTOK_ID_DIGITS}$`);
