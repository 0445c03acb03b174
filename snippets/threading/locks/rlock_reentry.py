"""A lock holder takes the same lock again: Lock blocks itself, RLock does not."""

import threading


class Account:
    def __init__(self, lock):
        self.lock = lock
        self.balance = 100

    def deposit(self, amount):
        # Lock would wait forever here: give up after 0.5 s instead of hanging
        if not self.lock.acquire(timeout=0.5):
            print("  deposit: could not take the lock, its owner is this very thread", flush=True)
            return
        try:
            self.balance += amount
        finally:
            self.lock.release()

    def add_interest(self):
        with self.lock:
            self.deposit(self.balance // 10)  # takes the same lock a second time


if __name__ == "__main__":
    for name, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
        account = Account(lock)
        print(f"{name}:", flush=True)
        account.add_interest()
        print(f"  balance after interest: {account.balance}", flush=True)
