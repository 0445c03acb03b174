"""A tiny HTTP/1.1 exchange written by hand over asyncio streams: one GET, one response."""

import asyncio


async def handle(reader, writer):
    request_line = (await reader.readline()).decode().rstrip()
    print(f"server got: {request_line}", flush=True)
    while (await reader.readline()) not in (b"\r\n", b""):  # skip the headers
        pass
    body = b"hello from asyncio\n"
    writer.write(
        b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/plain\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        b"Connection: close\r\n"
        b"\r\n" + body
    )
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def get(port, path):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status = (await reader.readline()).decode().rstrip()
    headers = {}
    while (line := await reader.readline()) != b"\r\n":
        key, value = line.decode().rstrip().split(": ", 1)
        headers[key.lower()] = value
    body = await reader.readexactly(int(headers["content-length"]))
    writer.close()
    await writer.wait_closed()
    return status, headers, body.decode()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    async with server:
        status, headers, body = await get(server.sockets[0].getsockname()[1], "/hello")
    print(f"client status line: {status}")
    print(f"client content-type: {headers['content-type']}")
    print(f"client body: {body!r}")


if __name__ == "__main__":
    asyncio.run(main())
