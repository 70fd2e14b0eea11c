/** A file system error in words, for messages about the files the program reads and writes. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EEXIST: 'a file of that name appeared meanwhile',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return (code && words[code]) ?? (error as Error)?.message ?? String(error);
}
