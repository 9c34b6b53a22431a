#!/usr/bin/env python3
"""A TCP forwarder on 127.0.0.1 that counts the bytes clients send upstream (request lines,
headers and bodies, over all connections) and keeps the running total in COUNT_FILE, rewritten
atomically a few times a second and whenever a connection ends. It measures what reaches a
registry without trusting the client's own report. With HOLD_AT, it stops forwarding client
bytes once HOLD_AT of them went upstream (exactly that many), writes COUNT_FILE.held, and goes on
only when RELEASE_FILE exists: a process can be killed at a known point of its upload, however
fast the link (polling the registry's disk alone overshoots by what the socket buffers hold).

    counting-proxy.py LISTEN_PORT UPSTREAM_HOST:PORT COUNT_FILE [HOLD_AT RELEASE_FILE]
Used by scripts/bench-resume.sh; not part of the product.
"""
import asyncio
import os
import sys

CHUNK = 256 << 10


class Counter:
    def __init__(self, path, hold_at, release):
        self.path = path
        self.total = 0
        self.written = -1
        self.hold_at = hold_at
        self.release = release
        self.released = asyncio.Event()
        if hold_at is None:
            self.released.set()

    def allowed(self):
        """How many more bytes may go upstream now (None: any number)."""
        if self.released.is_set():
            return None
        if os.path.exists(self.release):
            self.released.set()
            return None
        return self.hold_at - self.total

    def save(self):
        if self.total != self.written:
            tmp = self.path + ".tmp"
            with open(tmp, "w") as f:
                f.write("%d\n" % self.total)
            os.replace(tmp, self.path)
            self.written = self.total


async def pump(reader, writer, counter):
    try:
        while True:
            size = CHUNK
            if counter is not None:
                left = counter.allowed()
                if left is not None and left <= 0:
                    counter.save()
                    open(counter.path + ".held", "w").close()
                    await counter.released.wait()
                    continue
                if left is not None:
                    size = min(size, left)
            data = await reader.read(size)
            if not data:
                break
            writer.write(data)
            await writer.drain()
            if counter is not None:
                counter.total += len(data)
    except (ConnectionError, OSError):
        pass
    finally:
        try:
            writer.close()
        except (OSError, RuntimeError):
            pass


async def main():
    listen = int(sys.argv[1])
    host, port = sys.argv[2].rsplit(":", 1)
    hold_at = int(sys.argv[4]) if len(sys.argv) > 4 else None
    counter = Counter(sys.argv[3], hold_at, sys.argv[5] if hold_at is not None else None)
    counter.save()

    async def handle(client_reader, client_writer):
        try:
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        # Only the client-to-registry direction is counted: that is what an upload sends.
        await asyncio.gather(pump(client_reader, up_writer, counter), pump(up_reader, client_writer, None))
        counter.save()

    async def flush():
        while True:
            await asyncio.sleep(0.2)
            counter.allowed()  # notices RELEASE_FILE
            counter.save()

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    asyncio.ensure_future(flush())
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
