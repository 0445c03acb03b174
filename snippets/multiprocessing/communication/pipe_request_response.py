"""A duplex Pipe: the parent sends requests, a child process answers each one."""

import multiprocessing


def server(conn):
    while (request := conn.recv()) is not None:
        op, a, b = request
        conn.send(a + b if op == "add" else a * b)
    conn.send("bye")
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = multiprocessing.Pipe()  # duplex: both ends send and receive
    child = multiprocessing.Process(target=server, args=(child_end,))
    child.start()
    child_end.close()  # the parent uses only its own end

    for request in [("add", 2, 3), ("mul", 4, 5), ("add", 10, 20)]:
        parent_end.send(request)
        print(f"parent sent {request}, got {parent_end.recv()}")

    parent_end.send(None)  # ask the server to stop
    print(f"parent got {parent_end.recv()!r}")
    child.join()
    print(f"server exitcode: {child.exitcode}")
