/**
 * The kinds in SPEC §3's order: classification is "first match wins" over this array.
 */
import { direct } from './direct.js';
import { http } from './http.js';
import { openwhisk } from './openwhisk.js';
import { streaming } from './streaming.js';

/** kinds lists the four signature kinds in the order they are tried. */
export const kinds = [http, openwhisk, streaming, direct] as const;
