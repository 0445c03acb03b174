"""An asyncio crawler with a concurrency limit, per-page timeouts and cancellation.

The site it crawls is served by the program itself, on 127.0.0.1, so it runs offline.
"""

import asyncio
import re

LIMIT = 3  # pages fetched at once
PAGE_TIMEOUT = 1.0  # seconds per page, connection included
MAX_PAGES = 50  # a crawler needs a bound: links can lead anywhere

# --- The crawler: copy this part --------------------------------------------------

LINK = re.compile(rb'href="(/[^"]*)"')


async def fetch(host, port, path):
    """GET one page over HTTP/1.0; return (status, body)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()  # HTTP/1.0: the server closes when done
    finally:
        writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


class Crawler:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.limit = asyncio.Semaphore(LIMIT)
        self.seen = set()
        self.report = {}
        self.active = self.most_active = 0

    async def crawl(self, path, group):
        async with self.limit:  # at most LIMIT fetches run; the other tasks wait here
            self.active += 1
            self.most_active = max(self.most_active, self.active)
            try:
                async with asyncio.timeout(PAGE_TIMEOUT):  # cancels the fetch when late
                    status, body = await fetch(self.host, self.port, path)
            except TimeoutError:
                self.report[path] = "timed out"
                return
            except OSError as error:
                self.report[path] = type(error).__name__
                return
            finally:
                self.active -= 1
        links = [link.decode() for link in LINK.findall(body)]
        self.report[path] = f"HTTP {status}, links: {len(links)}"
        for link in links:
            if link not in self.seen and len(self.seen) < MAX_PAGES:
                self.seen.add(link)
                group.create_task(self.crawl(link, group))

    async def run(self, start="/"):
        self.seen.add(start)
        async with asyncio.TaskGroup() as group:  # waits for every page, however found
            group.create_task(self.crawl(start, group))
        return self.report


# --- The site --------------------------------------------------------------------

SITE = {
    "/": ["/docs", "/blog", "/about"],
    "/docs": ["/docs/install", "/docs/api", "/"],
    "/docs/install": ["/docs", "/missing"],
    "/docs/api": ["/docs", "/slow"],
    "/blog": ["/blog/1", "/blog/2", "/"],
    "/blog/1": ["/blog", "/blog/2"],
    "/blog/2": ["/blog", "/about"],
    "/about": ["/"],
}


async def serve(reader, writer, release):
    try:
        request = await reader.readline()
        path = request.split()[1].decode()
        if path == "/slow":
            await release.wait()  # hangs until the program shuts down
            return
        await asyncio.sleep(0.05)  # a real server takes a moment
        if path in SITE:
            links = "".join(f'<a href="{link}">{link}</a>\n' for link in SITE[path])
            writer.write(f"HTTP/1.0 200 OK\r\n\r\n{links}".encode())
        else:
            writer.write(b"HTTP/1.0 404 Not Found\r\n\r\nnot here\n")
        await writer.drain()
    except ConnectionError:
        pass  # the crawler gave up on this page
    finally:
        writer.close()


async def main():
    release = asyncio.Event()
    server = await asyncio.start_server(lambda r, w: serve(r, w, release), "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    try:
        crawler = Crawler(host, port)
        report = await crawler.run()
    finally:
        release.set()  # let the hanging handler finish before the server closes
        server.close()
        await server.wait_closed()
    for path, outcome in sorted(report.items()):
        print(f"{path:<14} {outcome}")
    print(f"{len(report)} pages; never more than {LIMIT} at once: {crawler.most_active <= LIMIT}")


if __name__ == "__main__":
    asyncio.run(main())
