export function worthShowing(stderr: string): string[];
