"""A plain global is shared, the last writer wins; threading.local is per thread."""

import threading

current_user = None  # one variable for the whole process
local = threading.local()  # one attribute namespace per thread
seen = {}


def handle_request(user, my_turn, next_turn, all_set):
    global current_user
    my_turn.wait()  # Alice writes first, then Bob
    current_user = user
    local.user = user
    next_turn.set()
    all_set.wait()  # both have written before either reads
    seen[user] = (current_user, local.user)


if __name__ == "__main__":
    alice_turn, bob_turn, done = threading.Event(), threading.Event(), threading.Event()
    all_set = threading.Barrier(2)
    threads = [
        threading.Thread(target=handle_request, args=("alice", alice_turn, bob_turn, all_set)),
        threading.Thread(target=handle_request, args=("bob", bob_turn, done, all_set)),
    ]
    for thread in threads:
        thread.start()
    alice_turn.set()
    for thread in threads:
        thread.join()
    for user in ("alice", "bob"):
        from_global, from_local = seen[user]
        print(f"{user}'s thread: global={from_global!r}, local.user={from_local!r}", flush=True)
    print(f"main thread: has local.user? {hasattr(local, 'user')}", flush=True)
