/**
 * A file cache of computed holiday dates, so `afterview today` does not load date-holidays
 * (several MB of rules, moment and moment-timezone: about 0.2 s of CPU) on every run once a
 * region's years are known. Entries are keyed by region and year and stamped with the
 * date-holidays version that computed them: an upgrade with corrected rules recomputes.
 *
 * A cache must never break the command it speeds up: an unreadable, corrupt or unwritable file
 * is treated as empty and the dates are computed as if there were no cache.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where computed `region:year` → dates entries are kept between processes. */
export interface HolidayCacheStore {
  read(): Map<string, string[]>;
  write(entries: Map<string, string[]>): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The installed date-holidays version ('' when it cannot be read: then nothing is cached): from
 * the package.json in the nearest node_modules above this module, the folder `import()` loads it
 * from. Walked by hand first: require's resolver cost every `afterview today` ~3 ms of CPU.
 */
function dateHolidaysVersion(): string {
  try {
    for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
      const file = join(dir, 'node_modules', 'date-holidays', 'package.json');
      if (existsSync(file)) return versionIn(JSON.parse(readFileSync(file, 'utf8')));
      if (dirname(dir) === dir) break;
    }
    // Found no node_modules folder above (Yarn Plug'n'Play, say): ask Node's resolver. node:module
    // is fetched only then: importing it loads the ES module loader into every CLI start.
    const modules = process.getBuiltinModule?.('node:module');
    return modules ? versionIn(modules.createRequire(import.meta.url)('date-holidays/package.json')) : '';
  } catch {
    return '';
  }
}

const versionIn = (manifest: unknown): string =>
  typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : '';

/** A JSON file cache at `path` (created with its folder on first write). */
export function fileHolidayCache(path: string): HolidayCacheStore {
  let version: string | undefined;
  const currentVersion = () => {
    version ??= dateHolidaysVersion();
    return version;
  };
  return {
    read() {
      const out = new Map<string, string[]>();
      try {
        const doc = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; entries?: unknown };
        if (!doc || doc.version !== currentVersion() || !currentVersion()) return out;
        if (!doc.entries || typeof doc.entries !== 'object') return out;
        for (const [key, dates] of Object.entries(doc.entries as Record<string, unknown>)) {
          if (Array.isArray(dates) && dates.every((d) => typeof d === 'string' && DATE.test(d))) {
            out.set(key, dates as string[]);
          }
        }
      } catch {
        // No cache yet, or a damaged one: compute afresh.
      }
      return out;
    },
    write(entries) {
      if (!currentVersion()) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(
          tmp,
          JSON.stringify({ version: currentVersion(), entries: Object.fromEntries(entries) }),
        );
        renameSync(tmp, path);
      } catch {
        // A read-only data dir only costs speed.
      }
    },
  };
}
