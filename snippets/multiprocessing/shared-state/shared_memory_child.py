"""A named SharedMemory block: a child attaches by name and writes, the parent reads."""

import multiprocessing
import struct
from multiprocessing import shared_memory

COUNT = 5
FORMAT = f"{COUNT}q"  # five signed 64-bit integers


def fill_squares(name):
    block = shared_memory.SharedMemory(name=name)  # attach: no copy of the data
    struct.pack_into(FORMAT, block.buf, 0, *(i * i for i in range(COUNT)))
    block.close()  # detach this process; the block itself stays


if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=struct.calcsize(FORMAT))
    try:
        print(f"before: {struct.unpack_from(FORMAT, block.buf)}")
        child = multiprocessing.Process(target=fill_squares, args=(block.name,))
        child.start()
        child.join()
        print(f"after the child wrote: {struct.unpack_from(FORMAT, block.buf)}")
    finally:
        block.close()
        block.unlink()  # free it: only one process, the owner, does this
    print("closed and unlinked")
