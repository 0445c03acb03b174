"""to_thread copies the caller's contextvars; run_in_executor and submit do not."""

import asyncio
import contextvars
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="(not set)")


def log_line(how):
    return f"{how:28} request_id = {request_id.get()}"


async def handle(request):
    request_id.set(request)
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(log_line, "to_thread"))
    print(await loop.run_in_executor(None, log_line, "run_in_executor"))
    ctx = contextvars.copy_context()  # the fix: run the call inside a copy
    print(await loop.run_in_executor(None, ctx.run, log_line, "run_in_executor + ctx.run"))


if __name__ == "__main__":
    asyncio.run(handle("req-42"))

    request_id.set("job-7")
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(pool.submit(log_line, "pool.submit").result(timeout=5))
        ctx = contextvars.copy_context()
        print(pool.submit(ctx.run, log_line, "pool.submit + ctx.run").result(timeout=5))
