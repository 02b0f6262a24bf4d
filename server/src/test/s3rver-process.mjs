// An s3rver in its own process (see s3.ts): node --openssl-legacy-provider s3rver-process.mjs <dir> <bucket>
// s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers through
// its legacy provider; a process of its own also makes "the store is down" a real stopped server.
// Prints {"port":…} once listening; stops on SIGTERM or when the parent goes away (stdin closes).
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);

const stop = () => {
  server.httpServer.closeAllConnections();
  server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
