"""Create a subinterpreter, run code and call a function in it, then close it."""

import json
from concurrent import interpreters


def square(n):
    return n * n


def main():
    interp = interpreters.create()
    try:
        # exec() runs source code in the subinterpreter's own __main__ module.
        interp.exec("import json; json.marker = 'set inside'")
        interp.exec("print('inside: json.marker =', json.marker, flush=True)")
        # The main interpreter imported json too, but it is a different module object.
        print("outside: json has marker?", hasattr(json, "marker"), flush=True)

        # prepare_main() copies shareable values into the subinterpreter's __main__.
        interp.prepare_main(greeting="hello from the main interpreter")
        interp.exec("print('inside:', greeting.upper(), flush=True)")

        # call() runs a function there and brings its (copied) result back.
        print("square(7) computed inside:", interp.call(square, 7), flush=True)

        try:
            interp.exec("raise ValueError('bad input')")
        except interpreters.ExecutionFailed as error:
            failure = error.excinfo
            print(f"exec failed: {failure.type.__name__}: {failure.msg}", flush=True)
    finally:
        interp.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
