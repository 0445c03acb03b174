"""The same two withdrawals, with the check and the act inside one `with lock:` block."""

import threading

balance = 100
lock = threading.Lock()


def withdraw(amount, inside):
    global balance
    name = threading.current_thread().name
    with lock:  # nobody else can check or act until this block ends
        inside.set()
        if balance >= amount:
            print(f"{name}: balance is {balance}, withdrawing {amount}", flush=True)
            balance -= amount
        else:
            print(f"{name}: refused, balance is {balance}", flush=True)


if __name__ == "__main__":
    alice_inside, bob_inside = threading.Event(), threading.Event()
    alice = threading.Thread(target=withdraw, args=(80, alice_inside), name="Alice")
    bob = threading.Thread(target=withdraw, args=(80, bob_inside), name="Bob")
    alice.start()
    alice_inside.wait()  # Alice holds the lock: Bob will have to wait for it
    bob.start()
    alice.join()
    bob.join()
    print(f"final balance: {balance}", flush=True)
