/** Where the English OCR model is on disk: the `@tesseract.js-data/eng` npm package, never a CDN. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The directory holding `eng.traineddata.gz` (integer "best" LSTM model: accurate and small). */
export function englishModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}
