/**
 * Upper bounds for stored text. Generous on purpose (a WordPress name may be 245 characters, a
 * hostile one 10,000): they exist to stop a runaway page or file from filling the disk, not to
 * trim what people write.
 */
export const MAX_NAME_LENGTH = 20_000;
export const MAX_KEY_LENGTH = 25_000;
export const MAX_URL_LENGTH = 8_192;
export const MAX_WHY_LENGTH = 20_000;
export const MAX_NOTE_LENGTH = 500_000;
export const MAX_ID_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 2_000;
/** A "same person as…" search: a name or handle, not a document. */
export const MAX_SEARCH_LENGTH = 200;
