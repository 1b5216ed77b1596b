/** Types of scripts/playground.mjs, for the browser test that imports it. */

/** buildPage bundles `srcDir/main.ts` into `outDir/main.js` with the page's assets; resolves to the bundle's size in bytes. */
export function buildPage(srcDir: string, outDir: string): Promise<number>;

/** A ServedPage is a running static server: its base URL and how to stop it. */
export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/** servePage serves dir on 127.0.0.1 (port 0 picks a free one). */
export function servePage(dir: string, port?: number): Promise<ServedPage>;
