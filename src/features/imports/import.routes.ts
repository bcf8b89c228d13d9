/**
 * HTTP routes for imports, for the web app's Import page and its "scan a business card" button:
 * `POST /api/imports/preview` reads a file and answers what it says and what saving would do;
 * `POST /api/imports` saves a confirmed bundle (or a file as it is) in one transaction.
 */
import { invalid } from '../../core/errors';
import { parseInput } from '../../core/validate';
import type { FeatureRoutes } from '../route-kit';
import { type ImportPreview, previewImport } from './import.reader';
import {
  applyImportSchema,
  captureBundleSchema,
  type ImportFileInput,
  importFileSchema,
  importPreviewView,
  importResultView,
} from './import.schemas';
import { applyImport } from './import.service';

/** Base64 of a 20 MB photo, with room for the JSON around it. */
const IMPORT_BODY_LIMIT = 28 * 1024 * 1024;

function bytesOf(file: ImportFileInput): Uint8Array {
  if (file.text !== undefined) return new TextEncoder().encode(file.text);
  return Buffer.from(file.contentBase64 ?? '', 'base64');
}

async function preview(
  ctx: Parameters<typeof previewImport>[0],
  file: ImportFileInput,
): Promise<ImportPreview> {
  if (/\.json$/i.test(file.fileName)) {
    throw invalid(
      'fileName: backups (.json) are restored with `afterview import`, not previewed.',
      'fileName',
    );
  }
  return previewImport(
    ctx,
    { name: file.fileName, bytes: bytesOf(file) },
    file.csvMapping ? { csvMapping: file.csvMapping } : {},
  );
}

export const importRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.post(
    '/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        description: 'Read an invite, vCard, CSV, schedule or card photo; nothing is saved.',
        body: importFileSchema,
        response: { 200: importPreviewView },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      const p = await preview(ctx, req.body);
      const plan = await applyImport(ctx, p.bundle, { fileName: req.body.fileName, dryRun: true });
      return {
        kind: p.kind,
        understood: p.bundle,
        ...(p.csv && { csv: p.csv }),
        ...(p.ocrText !== undefined && { ocrText: p.ocrText }),
        plan,
      };
    },
  );

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        description: 'Save a confirmed bundle (or read and save a file) in one transaction.',
        body: applyImportSchema,
        response: { 200: importResultView },
      },
    },
    async (req) => {
      const ctx = await contextOf(req);
      const { bundle, file, opportunityId, interviewId } = req.body;
      if ((bundle === undefined) === (file === undefined)) {
        throw invalid('bundle: send exactly one of bundle or file.', 'bundle');
      }
      const toSave = bundle
        ? parseInput(captureBundleSchema, bundle, 'bundle')
        : (await preview(ctx, file as ImportFileInput)).bundle;
      const fileName = req.body.fileName ?? file?.fileName;
      return applyImport(ctx, toSave, {
        ...(fileName !== undefined && { fileName }),
        ...(opportunityId !== undefined && { opportunityId }),
        ...(interviewId !== undefined && { interviewId }),
      });
    },
  );
};
