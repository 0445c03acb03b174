"""An echo server and three concurrent clients over loopback, with asyncio streams."""

import asyncio


async def handle(reader, writer):  # called once per connection, as a new task
    while line := await reader.readline():  # b"" when the client closes its side
        writer.write(line.upper())
        await writer.drain()  # waits if the client reads slowly
    writer.close()
    await writer.wait_closed()


async def client(name, port, words):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for word in words:
        writer.write(f"{name}: {word}\n".encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)  # port 0: the OS picks one
    port = server.sockets[0].getsockname()[1]
    async with server:
        jobs = {"ada": ["hello", "bye"], "bob": ["ping", "pong"], "cy": ["one", "two"]}
        replies = await asyncio.gather(*(client(n, port, w) for n, w in jobs.items()))
    for name, lines in zip(jobs, replies, strict=True):  # gather keeps the order of its arguments
        print(f"{name} got back: {lines}")
    print("server closed")


if __name__ == "__main__":
    asyncio.run(main())
