"""set_forkserver_preload: the fork server imports modules once; every child starts with them."""

import multiprocessing
import sys

MODULE = "xml.dom.minidom"  # stands for a heavy module every worker needs


def has_module(results):
    results.put(MODULE in sys.modules)  # checked before this child imports anything itself


def check(context):
    results = context.Queue()
    child = context.Process(target=has_module, args=(results,))
    child.start()
    loaded = results.get(timeout=20)
    child.join(timeout=20)
    return loaded


if __name__ == "__main__":
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload([MODULE])  # before the fork server starts
    print(f"forkserver child starts with {MODULE} loaded: {check(forkserver)}")
    spawn = multiprocessing.get_context("spawn")
    print(f"spawn child starts with {MODULE} loaded: {check(spawn)}")
