"""Two withdrawals race: both check the balance before either one subtracts, so it goes negative."""

import threading

balance = 100
both_checked = threading.Barrier(2)  # forces the bad interleaving on every run


def withdraw(amount, checked):
    global balance
    name = threading.current_thread().name
    if balance >= amount:  # check ...
        print(f"{name}: balance is {balance}, withdrawing {amount}", flush=True)
        checked.set()
        both_checked.wait()  # ... let the other thread check too ...
        balance -= amount  # ... then act on a value that is already stale
    else:
        print(f"{name}: refused, balance is {balance}", flush=True)


if __name__ == "__main__":
    alice_checked, bob_checked = threading.Event(), threading.Event()
    alice = threading.Thread(target=withdraw, args=(80, alice_checked), name="Alice")
    bob = threading.Thread(target=withdraw, args=(80, bob_checked), name="Bob")
    alice.start()
    alice_checked.wait()  # Alice speaks first
    bob.start()
    alice.join()
    bob.join()
    print(f"final balance: {balance}", flush=True)
