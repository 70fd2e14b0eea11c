/** Bad usage or bad input: one line for the person, exit code 2, and never a request sent. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command being used, when known: its own help is the one to read. */
  command?: string;
}
