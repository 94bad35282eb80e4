import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** A local S3-compatible server (s3rver, objects in a temp folder) on a free port of 127.0.0.1. */
export async function startS3(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'synoptic-pipeline-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The object-store settings of a store at `endpoint`, as the pipeline reads them from its environment. */
export const s3Env = (endpoint: string) => ({
  OBJECT_STORE: 's3',
  S3_ENDPOINT: endpoint,
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
});

/** One write of (a piece of) a part object, as the proxy saw it. */
export type PartWrite = {
  /** The object key within the bucket, e.g. `jobs/…/people/part-00000.csv`. */
  key: string;
  /** PutObject, or UploadPart of a multipart upload. */
  kind: 'PutObject' | 'UploadPart';
  /** The SDK's id of one operation: the same for every try the SDK itself makes of it. */
  invocation: string;
  /** One try of writing the object: the multipart upload id, or the PutObject's invocation. */
  upload: string;
  /** The SDK's own try of the operation (1 …) and how many it makes at most. */
  sdkAttempt: number;
  sdkMaxAttempts: number;
  /** What the proxy did: passed it on (with the store's status) or injected a fault. */
  outcome: number | 'reset' | 'slowdown' | 'denied';
};

/** What to do with a write of a part: pass it on, or answer with a fault. */
export type FaultRule = (write: Omit<PartWrite, 'outcome'>) => 'pass' | 'reset' | 'slowdown' | 'deny';

const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fault-proxy</RequestId></Error>`;

/**
 * An HTTP proxy in front of an S3 endpoint that injects faults into writes of part objects
 * (`…/part-NNNNN.ext`, PutObject and UploadPart) as `rule` says, and records every such write.
 * Everything else (listing, deleting, multipart bookkeeping) passes untouched.
 */
export async function startFaultProxy(target: string): Promise<{
  endpoint: string;
  writes: PartWrite[];
  setRule: (rule: FaultRule) => void;
  stop: () => Promise<void>;
}> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const writes: PartWrite[] = [];
  let rule: FaultRule = () => 'pass';

  const forward = (req: IncomingMessage, res: ServerResponse, onStatus?: (status: number) => void) => {
    // The Host header is passed as it came: the client signed it.
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        onStatus?.(answer.statusCode ?? 0);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    // Path style: /{bucket}/{key}.
    const key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
    const isPartWrite =
      req.method === 'PUT' && /(^|\/)part-\d+\.\w+$/.test(key) && !url.searchParams.has('uploads');
    if (!isPartWrite) return forward(req, res);
    const invocation = String(req.headers['amz-sdk-invocation-id'] ?? '');
    const [, attempt = '1', max = '1'] =
      /attempt=(\d+); max=(\d+)/.exec(String(req.headers['amz-sdk-request'])) ?? [];
    const write = {
      key,
      kind: url.searchParams.has('partNumber') ? ('UploadPart' as const) : ('PutObject' as const),
      invocation,
      upload: url.searchParams.get('uploadId') ?? invocation,
      sdkAttempt: Number(attempt),
      sdkMaxAttempts: Number(max),
    };
    const action = rule(write);
    if (action === 'pass') {
      const record: PartWrite = { ...write, outcome: 0 };
      writes.push(record);
      return forward(req, res, (status) => {
        record.outcome = status;
      });
    }
    if (action === 'reset') {
      writes.push({ ...write, outcome: 'reset' });
      req.socket.destroy();
      return;
    }
    writes.push({ ...write, outcome: action === 'deny' ? 'denied' : 'slowdown' });
    // Read the whole body first, as a real store does, so the client sees the answer, not a broken pipe.
    req.resume();
    req.on('end', () => {
      const [status, body] =
        action === 'deny'
          ? [403, s3Error('AccessDenied', 'Access Denied')]
          : [503, s3Error('SlowDown', 'Please reduce your request rate.')];
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    writes,
    setRule: (next) => {
      rule = next;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
