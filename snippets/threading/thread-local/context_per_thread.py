"""A ContextVar set in the main thread is unseen by a new thread, unless copied."""

import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="(none)")


def show_and_change(label):
    print(f"{label}: request_id = {request_id.get()}", flush=True)
    request_id.set(f"set by {label}")  # changes this thread's context only


def run_in_thread(target, *args):
    thread = threading.Thread(target=target, args=args)
    thread.start()
    thread.join()  # one thread at a time: the lines come out in order


if __name__ == "__main__":
    request_id.set("req-42")
    print(f"main thread: request_id = {request_id.get()}", flush=True)

    run_in_thread(show_and_change, "new thread")  # starts with an empty context

    context = contextvars.copy_context()  # a snapshot of the main thread's values
    run_in_thread(context.run, show_and_change, "copied context")

    print(f"main thread again: request_id = {request_id.get()}", flush=True)
    print(f"inside the copy: request_id = {context[request_id]}", flush=True)
