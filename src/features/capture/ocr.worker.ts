/**
 * The OCR child process: reads one image sent by its parent over IPC, answers with what
 * tesseract.js read, and exits. It exists so that a decoder failure (libpng or libjpeg giving up
 * inside tesseract.js's worker, which escapes as an uncaught error) or an out-of-memory ends this
 * process only: the parent turns its exit into an import error, and the server or CLI lives on.
 * Built to dist/cli/ocr-worker.js beside the CLI; run from source through tsx in development.
 * Only ever started as a process: importing it elsewhere would make that process answer IPC.
 */
import { englishModelDir } from './ocr-model';

/** What the parent sends: the image bytes. */
export interface OcrRequest {
  image: Uint8Array;
}

/** What the child answers: the text and Tesseract's mean confidence, or why it could not read. */
export type OcrReply = { ok: true; text: string; confidence: number } | { ok: false; message: string };

async function recognize(image: Uint8Array): Promise<OcrReply> {
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishModelDir(),
    gzip: true,
    // Offline, and nothing written into the working directory.
    cacheMethod: 'none',
    // tesseract.js reports a failed decode here and also rejects the job; the rejection is enough.
    errorHandler: () => {},
  });
  try {
    const result = await worker.recognize(Buffer.from(image));
    return { ok: true, text: result.data.text, confidence: result.data.confidence };
  } finally {
    await worker.terminate();
  }
}

function reply(message: OcrReply): void {
  process.send?.(message, () => process.exit(0));
}

if (process.send) {
  process.once('message', (request: OcrRequest) => {
    recognize(request.image).then(reply, (e: unknown) =>
      reply({ ok: false, message: e instanceof Error ? e.message : String(e) }),
    );
  });
}
