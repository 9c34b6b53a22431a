#!/usr/bin/env python3
"""A user-space emulated long link (this kernel has no netem): a TCP forwarder on 127.0.0.1 that
delays every byte by DELAY_MS in each direction and caps each direction's bandwidth at MBIT for
all connections together (one shared link, like a WAN line). Each connection buffers at most
WINDOW bytes per direction before it stops reading, so TCP back-pressure still reaches the sender.

    wan-link.py LISTEN_PORT UPSTREAM_HOST:PORT DELAY_MS MBIT
Used by scripts/bench-wan.sh; not part of the product.
"""
import asyncio
import sys
import time

WINDOW = 4 << 20
CHUNK = 64 << 10


class Link:
    """One direction of the line: a serialising bottleneck of `rate` bytes/s, then `delay` s of flight."""

    def __init__(self, delay, rate):
        self.delay = delay
        self.rate = rate
        self.free_at = 0.0

    def schedule(self, size):
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + size / self.rate
        return self.free_at + self.delay


async def pump(reader, writer, link):
    queue = asyncio.Queue()
    budget = asyncio.Semaphore(WINDOW // CHUNK)

    async def deliver():
        while True:
            item = await queue.get()
            if item is None:
                break
            at, data = item
            wait = at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
            budget.release()
        try:
            writer.write_eof()
        except (OSError, RuntimeError):
            pass

    task = asyncio.ensure_future(deliver())
    try:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            await budget.acquire()
            queue.put_nowait((link.schedule(len(data)), data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait(None)
    try:
        await task
    except (ConnectionError, OSError):
        pass


async def main():
    listen_port = int(sys.argv[1])
    host, port = sys.argv[2].rsplit(":", 1)
    delay = float(sys.argv[3]) / 1000.0
    rate = float(sys.argv[4]) * 1e6 / 8
    up, down = Link(delay, rate), Link(delay, rate)

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        # The TCP handshake crosses the link too: one round trip before the first byte.
        await asyncio.sleep(2 * delay)
        await asyncio.gather(pump(client_reader, server_writer, up), pump(server_reader, client_writer, down))
        for w in (client_writer, server_writer):
            try:
                w.close()
            except OSError:
                pass

    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
