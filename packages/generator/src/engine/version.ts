/** Engine version: with the config and seed it determines the output bytes. */
export const ENGINE_VERSION = '1.0.0';

/** Rows per block. Random streams are keyed by block, so this is part of reproducibility. */
export const BLOCK_ROWS = 4096;
