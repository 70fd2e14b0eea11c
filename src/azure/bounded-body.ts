/**
 * Every answer is read with a cap and within the request's deadline: a body that trickles a byte a
 * second, never ends, or runs to hundreds of megabytes ends the request with words, instead of
 * hanging a cron job or crashing with ERR_STRING_TOO_LONG. The pipeline streams the body to this
 * policy (the innermost, each attempt), which reads it and hands the text on as if buffered.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** ARM's largest pages are a few megabytes; Resource Graph's, of 1000 rows, some more. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const EVERY_STATUS = new Set(Array.from({ length: 500 }, (_, i) => i + 100));

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'ERESPONSETOOLARGE';
}

export function boundedBodyPolicy(maxBytes = MAX_BODY_BYTES): PipelinePolicy {
  return {
    name: 'boundedBody',
    async sendRequest(request, next) {
      request.streamResponseStatusCodes = EVERY_STATUS;
      const response = await next(request);
      const stream = response.readableStreamBody;
      if (!stream) return response;
      response.bodyAsText = await readCapped(stream, maxBytes, request.abortSignal, request.url);
      delete response.readableStreamBody;
      return response;
    },
  };
}

interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

function readCapped(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  signal: AbortSignalLike | undefined,
  url: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const destroy = () => (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    const finish = (error?: Error) => {
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onAbort = () => finish(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        const host = new URL(url).host;
        finish(
          new BodyTooLargeError(
            `the answer from ${host} was larger than ${maxBytes / 1024 / 1024} MiB; it was not read`,
          ),
        );
        return;
      }
      chunks.push(buffer);
    });
    stream.on('end', () => finish());
    stream.on('error', (error: Error) => finish(error));
  });
}
