/** What `status` says of the saved defaults: the profile in force and each saved value it took, with where it is from. */
import { printable } from '../../domain/printable';
import { sourceWords } from '../../domain/settings';
import type { CommandDeps } from '../shared/deps';

export function settingsCheck(deps: CommandDeps): { ok: boolean; said: string } | undefined {
  const settings = deps.settings;
  if (!settings) return undefined;
  const used = settings.used.map((u) => `${u.name} ${printable(u.value)} (${sourceWords(u.from)})`);
  if (settings.profile === undefined && used.length === 0) return undefined;
  const profile = settings.profile !== undefined ? `profile ${settings.profile}` : 'no profile';
  return {
    ok: true,
    said: `${profile}; ${used.length > 0 ? `saved defaults in force: ${used.join(', ')}` : 'no saved default in force'}`,
  };
}
