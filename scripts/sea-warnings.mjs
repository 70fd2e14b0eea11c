// What build-sea.mjs passes on of postject's stderr. postject's ELF reader (LIEF) says "warning:
// Can't find string offset for section name '.note…'" of each note section of node's Linux binary
// whose name is not in its string table: the notes are read and written back as they are, the
// injection is whole (the executable runs: test/e2e/standalone.test.ts), and nothing about it can
// be acted on by whoever builds. Exactly those lines are left out; anything else is passed on.
const HARMLESS = /^warning: Can't find string offset for section name '\.note(\.\d+)?'$/;

/** The lines of `stderr` worth showing, without the empty ones. */
export function worthShowing(stderr) {
  return stderr.split(/\r?\n/).filter((line) => line !== '' && !HARMLESS.test(line));
}
