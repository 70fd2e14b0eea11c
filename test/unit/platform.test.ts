/**
 * Each system's rules, with the platform handed in so that every row runs on any machine: how
 * `az` is started, where the state lives, which clipboard tool is tried, and the tenant that may
 * reach az at all.
 */
import { describe, expect, it } from 'vitest';
import { azInvocation, cacheFolder, privateFolder, stateFolder } from '../../src/domain/platform';
import { clipboardTools } from '../../src/term/clipboard';
import { parseConnectOptions } from '../../src/cli/scope';

const TOKEN_ARGS = ['account', 'get-access-token', '--output', 'json', '--resource', 'https://management.azure.com'];

describe('starting az', () => {
  it.each(['linux', 'darwin'] as const)('on %s: az itself, the arguments as they are', (platform) => {
    expect(azInvocation(TOKEN_ARGS, platform, {})).toEqual({ file: 'az', args: TOKEN_ARGS });
  });

  it('on Windows: az.cmd through cmd.exe /d /s /c, each argument quoted, the line passed verbatim', () => {
    expect(azInvocation(TOKEN_ARGS, 'win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: [
        '/d',
        '/s',
        '/c',
        '"az "account" "get-access-token" "--output" "json" "--resource" "https://management.azure.com""',
      ],
      windowsVerbatimArguments: true,
    });
    expect(azInvocation(['login'], 'win32', {}).file).toBe('cmd.exe');
  });

  it.each([
    ['a variable', '%USERPROFILE%'],
    ['a quote that would end the quoting', 'a" & calc "'],
    ['a line break', 'a\r\nb'],
  ])('on Windows, %s is refused, not passed to cmd.exe', (_label, arg) => {
    expect(() => azInvocation(['login', '--tenant', arg], 'win32', {})).toThrow('cannot pass');
    expect(azInvocation(['login', '--tenant', arg], 'linux', {}).args).toContain(arg);
  });
});

describe('the state folder', () => {
  it.each([
    ['linux', { XDG_STATE_HOME: '/srv/state' }, '/srv/state/nginxaas-keys'],
    ['linux', { HOME: '/home/ada' }, '/home/ada/.local/state/nginxaas-keys'],
    ['linux', {}, '/fallback/.local/state/nginxaas-keys'],
    ['darwin', { HOME: '/Users/ada' }, '/Users/ada/.local/state/nginxaas-keys'],
    ['darwin', { XDG_STATE_HOME: '/Users/ada/state', HOME: '/Users/ada' }, '/Users/ada/state/nginxaas-keys'],
    ['win32', { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'C:\\Users\\ada\\AppData\\Local\\nginxaas-keys'],
    ['win32', { USERPROFILE: 'D:\\ada' }, 'D:\\ada\\AppData\\Local\\nginxaas-keys'],
    ['win32', { XDG_STATE_HOME: 'C:\\xdg' }, 'C:\\fallback\\AppData\\Local\\nginxaas-keys'],
  ] as const)('on %s with %j: %s', (platform, env, folder) => {
    const home = platform === 'win32' ? 'C:\\fallback' : '/fallback';
    expect(stateFolder(platform, env, home)).toBe(folder);
  });
});

describe('the cache folder (the code cache of the program)', () => {
  it.each([
    ['linux', { XDG_CACHE_HOME: '/x/cache' }, '/x/cache/nginxaas-keys'],
    ['linux', { HOME: '/home/ana' }, '/home/ana/.cache/nginxaas-keys'],
    // A relative one is ignored, as the XDG base directory specification says.
    ['linux', { XDG_CACHE_HOME: 'relcache', HOME: '/home/ana' }, '/home/ana/.cache/nginxaas-keys'],
    ['darwin', {}, '/fallback/.cache/nginxaas-keys'],
    ['win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, undefined],
  ] as const)('on %s with %j: %s', (platform, env, folder) => {
    expect(cacheFolder(platform, env, '/fallback')).toBe(folder);
  });

  const ours = { isDirectory: true, isSymbolicLink: false, uid: 1000, mode: 0o40700 };
  it.each([
    ['ours, 0700', ours, true],
    ['ours, 0500', { ...ours, mode: 0o40500 }, true],
    ['ours, 0750 (the group may enter)', { ...ours, mode: 0o40750 }, false],
    ['ours, 0777', { ...ours, mode: 0o40777 }, false],
    ['ours, 0701 (others may pass through)', { ...ours, mode: 0o40701 }, false],
    ["another user's, 0700", { ...ours, uid: 1001 }, false],
    ["root's, 0700", { ...ours, uid: 0 }, false],
    ['a link', { ...ours, isSymbolicLink: true }, false],
    ['a file', { ...ours, isDirectory: false }, false],
  ])('%s: private is %s', (_label, facts, expected) => {
    expect(privateFolder(facts, 1000)).toBe(expected);
  });
});

describe('the system clipboard', () => {
  it.each([
    ['win32', {}, ['clip.exe']],
    ['darwin', {}, ['pbcopy']],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['wl-copy']],
    ['linux', { DISPLAY: ':0' }, ['xclip', 'xsel']],
    ['linux', { WSL_DISTRO_NAME: 'Debian' }, ['clip.exe']],
    ['linux', {}, []],
  ] as const)('on %s with %j: %j', (platform, env, tools) => {
    expect(clipboardTools(env, platform).map((tool) => tool.command)).toEqual(tools);
  });
});

describe('--tenant', () => {
  it.each(['72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com', 'organizations'])(
    '%s is taken',
    (tenant) => {
      expect(parseConnectOptions({ tenant }, {}).tenant).toBe(tenant);
    },
  );

  it.each(['%TEMP%', 'a b', 'contoso"&calc', '../x'])('%j is refused before anything starts', (tenant) => {
    expect(() => parseConnectOptions({ tenant }, {})).toThrow(/is not a tenant/);
  });
});
