// Passphrase limits, without zod so the renderer can check as the user types without loading the contract.

/** Shortest and longest passphrase accepted. Long passphrases (a sentence in Chinese) are encouraged. */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 128;
