import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The platform's user data dir for Afterview, used when neither `--data` nor `AFTERVIEW_DATA`
 * is given: XDG on Linux, Application Support on macOS, %APPDATA% on Windows.
 */
export function defaultDataDir(env: Record<string, string | undefined>, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Afterview');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Afterview');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'afterview');
}
