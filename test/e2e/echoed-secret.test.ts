/**
 * A server whose 400 quotes the request's secret, in each encoding servers use (issue 31, case
 * 7): `create` through the built binary never shows the key on stderr or in the JSON on stdout,
 * in text or JSON, and the error keeps Azure's code. The oracle decodes independently of the
 * program's masking.
 */
import { describe, expect, it } from 'vitest';
import { ECHO_ENCODINGS, echoMessage } from '../../src/emulator/echo';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

/** A key with every character an encoder treats specially. */
const SECRET = `Ech0"\\+/~!<&>'=%Key9`;

/** What a person could turn the output back into: it as is, and each way it might be decoded. */
function decodedOutput(text: string): string[] {
  const tryDecode = (decode: () => string) => {
    try {
      return decode();
    } catch {
      return '';
    }
  };
  const base64Runs = (text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []).flatMap((run) =>
    [0, 1, 2, 3].flatMap((start) => {
      const decoded = Buffer.from(run.slice(start), 'base64').toString('latin1');
      return [decoded, unescapeJson(decoded)];
    }),
  );
  const percent = tryDecode(() => decodeURIComponent(text.replace(/\+/g, ' ')));
  return [
    text,
    percent,
    tryDecode(() => unescape(text)),
    tryDecode(() => decodeURIComponent(decodeURIComponent(text))),
    tryDecode(() => JSON.parse(`"${text.replace(/\n/g, '\\n').replace(/(?<!\\)"/g, '\\"')}"`) as string),
    unescapeJson(text),
    unescapeJson(unescapeJson(text)),
    text
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name] ?? whole),
    ...base64Runs,
  ];
}

/** JSON's escapes of the characters a key may hold, undone once. */
const unescapeJson = (text: string) => text.replace(/\\(["\\/])/g, '$1');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  excl: '!',
  tilde: '~',
  plus: '+',
  sol: '/',
  bsol: '\\',
};

function expectNoSecret(output: string, secret = SECRET): void {
  // Also with the line breaks and padding a screen puts into a long word taken out.
  for (const text of [output, output.replace(/\s+/g, '')])
    for (const reading of decodedOutput(text)) expect(reading).not.toContain(secret);
}

describe('a 400 that quotes the secret it was sent', () => {
  it('the emulator does quote it in each encoding (else the tests below would prove nothing)', () => {
    const body = JSON.stringify({ properties: { secretText: SECRET } });
    for (const encoding of ECHO_ENCODINGS) {
      const message = echoMessage(encoding, body) ?? '';
      expect(
        decodedOutput(message).some((reading) => reading.includes(SECRET)),
        encoding,
      ).toBe(true);
    }
  });

  it.each(ECHO_ENCODINGS)('create never shows the key when Azure quotes it as %s', async (encoding) => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'PUT',
      path: '/apiKeys/',
      status: 400,
      code: 'InvalidSecretText',
      echoSecret: encoding,
      times: 2,
    });
    const text = await runCli(['create', ...WEB_ARGV, '--name', `echo-${encoding}`, '--secret-stdin', '--verbose'], {
      env,
      input: SECRET,
    });
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain('InvalidSecretText');
    expect(text.stderr).toMatch(/•••|its words are hidden because they may quote the key/);
    expectNoSecret(text.stderr);
    expectNoSecret(text.stdout);

    const json = await runCli(
      ['create', ...WEB_ARGV, '--name', `echo-${encoding}-json`, '--secret-stdin', '-o', 'json'],
      { env, input: SECRET },
    );
    expect(json.code, json.stderr).toBe(1);
    const document = JSON.parse(json.stdout) as { error?: { code?: string; message?: string } };
    expect(document.error?.code).toBe('InvalidSecretText');
    expectNoSecret(json.stdout);
    expectNoSecret(json.stderr);
    expect(emulator.world.snapshot().keys.some((k) => k.secret === SECRET)).toBe(false);
  });
});

describe('other servers that quote the key they were sent', () => {
  it('Key Vault: a refused store that quotes the value never shows it', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'PUT',
      path: '/secrets/',
      status: 400,
      code: 'BadParameter',
      echoSecret: 'json',
      withToken: true,
    });
    const result = await runCli(
      [
        'create',
        ...WEB_ARGV,
        '--name',
        'vault-echo',
        '--secret-stdin',
        '--emit',
        `keyvault=https://${DEMO_VAULT}/secrets/vault-echo`,
      ],
      { env, input: SECRET },
    );
    expect(emulator.requests.some((r) => r.method === 'PUT' && r.path.includes('/secrets/') && r.status === 400)).toBe(
      true,
    );
    // The hand-off's failure is said beside the created key, on stdout.
    expect(result.stdout).toMatch(/keyvault: could not store it .*(•••|its words are hidden)/);
    expectNoSecret(result.stderr);
    expectNoSecret(result.stdout);
  });

  it('the dataplane: a refused check that quotes the ApiKey header never shows the key', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'GET',
      path: '/packages',
      // Not a refusal (401 is tried again for 30 s, as a new key may be slow to arrive).
      status: 400,
      code: 'BadRequest',
      echoSecret: 'percent-lower',
      times: -1,
    });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'plane-echo', '--secret-stdin', '--verify', '-o', 'json'],
      {
        env,
        input: SECRET,
      },
    );
    expect(emulator.requests.some((r) => r.path.endsWith('/packages') && r.status === 400)).toBe(true);
    expect(JSON.parse(result.stdout).verification.message).toMatch(/answered HTTP 400: .*•••|its words are hidden/);
    expect(`${result.stdout}${result.stderr}`).toMatch(/•••|its words are hidden/);
    expectNoSecret(result.stderr);
    expectNoSecret(result.stdout);
  });
});

describe('words that masking cannot be sure of', () => {
  it("are hidden, saying why, with Azure's code and status kept", async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'PUT',
      path: '/apiKeys/',
      status: 400,
      code: 'InvalidSecretText',
      echoSecret: 'percent-twice',
    });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'twice', '--secret-stdin', '-o', 'json'], {
      env,
      input: SECRET,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'InvalidSecretText',
      message: 'the server answered HTTP 400; its words are hidden because they may quote the key or the sign-in token',
    });
  });
});

describe('the sign-in token', () => {
  it.each(['html-hex', 'percent', 'percent-lower', 'form', 'escape', 'base64'] as const)(
    'quoted back by ARM as %s (an error page, a URL, a form) is never shown',
    async (encoding) => {
      const { env, emulator } = await cliWorld();
      emulator.faults.add({
        method: 'GET',
        path: '/apiKeys',
        status: 400,
        code: 'BadRequest',
        echoSecret: encoding,
        times: -1,
      });
      const result = await runCli(['list', ...WEB_ARGV, '-o', 'json'], { env });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('BadRequest');
      expectNoSecret(result.stdout, emulator.token);
      expectNoSecret(result.stderr, emulator.token);
    },
  );
});

describe("the faces' screens, when Azure quotes the key it was sent", () => {
  it.each(['json', 'base64-body'] as const)(
    'the wizard says why Azure refused (its code kept) and never draws the key (quoted as %s)',
    async (encoding) => {
      const { env, emulator } = await cliWorld();
      emulator.faults.add({
        method: 'PUT',
        path: '/apiKeys/',
        status: 400,
        code: 'InvalidSecretText',
        echoSecret: encoding,
      });
      const run = runInPty(process.execPath, [BIN, '-d', 'web-01'], env, { cols: 120, rows: 34 });
      const answers: [screen: string, chunk: string][] = [
        ['Keys of web-01', 'n'],
        ['Name the key', 'echoed-key\r'],
        ['When should the key expire?', '\r'],
        ['The key value', `${SECRET}\r`],
        ['CREATE a new key', '\r'],
      ];
      for (const [screen, chunk] of answers) {
        await run.waitFor(screen);
        run.pty.write(chunk);
      }
      await run.waitFor('Azure did not create the key');
      expect(run.screen()).toContain('(InvalidSecretText)');
      run.pty.write(KEY.ctrlC);
      await run.exit;
      expectNoSecret(run.raw());
      expectNoSecret(run.text());
    },
  );

  it('the line face (--plain) says why Azure refused and never prints the key', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'PUT',
      path: '/apiKeys/',
      status: 400,
      code: 'InvalidSecretText',
      echoSecret: 'html-named',
    });
    const run = runInPty(process.execPath, [BIN, '--plain', '-d', 'web-01'], env, { cols: 160, rows: 50 });
    const answers: [question: string, words: string][] = [
      ['? n new · r N rotate', 'n'],
      ['? Key name', 'plain-echo'],
      ['? Expiry: a number', ''],
      ['? Key (hidden', SECRET],
      ['? Create it? y creates', 'y'],
    ];
    for (const [question, words] of answers) {
      await run.waitFor(question);
      run.pty.write(`${words}\r`);
    }
    await run.waitFor('(InvalidSecretText).', 20_000);
    run.pty.write(KEY.ctrlC);
    run.pty.write(KEY.ctrlC);
    await run.exit;
    expectNoSecret(run.raw());
    expectNoSecret(run.text());
  });
});
