/**
 * A TikTok ID as its pages and URLs write it: a Business Center's `org_id`, an ad account's
 * `aadvid`, a partner's BC ID. They are 19 digits today; 6 to 25 allows older and future ones
 * without letting a count, a year or a phone number pass for one.
 */
export const TIKTOK_ID = /^[0-9]{6,25}$/;
