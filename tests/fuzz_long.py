"""The long fuzz run: every property of tests/test_fuzz.py, with many examples, on a random seed.

    .venv/bin/python tests/fuzz_long.py                  # 100,000 examples in all
    .venv/bin/python tests/fuzz_long.py --examples 5000 --seed 1234

The examples are shared equally among the properties.  The seed is printed so
that a run can be repeated.  A failure prints hypothesis's falsifying example
(keep it in tests/fuzz_regressions/ with an expectation in test_fuzz.py) and
makes the exit status 1.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
import traceback
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="examples in all (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: a random one, printed)")
    parser.add_argument("--hang-seconds", type=float, default=20.0, help="an example running longer has hung (default: %(default)s)")
    args = parser.parse_args(argv)

    sys.path[:0] = [str(TESTS), str(TESTS.parent)]
    import test_fuzz  # noqa: E402  (settings read FUZZ_EXAMPLES at import)

    tests = test_fuzz.FUZZ_TESTS
    each = math.ceil(args.examples / len(tests))
    os.environ["FUZZ_EXAMPLES"] = str(each)
    os.environ["FUZZ_HANG_SECONDS"] = str(args.hang_seconds)
    import importlib

    test_fuzz = importlib.reload(test_fuzz)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"fuzz_long: {each} examples for each of {len(tests)} properties, seed {seed}", flush=True)

    from hypothesis import seed as use_seed

    failed: list[str] = []
    started = time.monotonic()
    for test in test_fuzz.FUZZ_TESTS:
        name = test.__name__
        begin = time.monotonic()
        try:
            use_seed(seed)(test)()
            outcome = "passed"
        except Exception:
            outcome = "FAILED"
            failed.append(name)
            traceback.print_exc()
        runs = test_fuzz.EXAMPLES_RUN.get(name, 0)
        print(f"  {name}: {runs} examples, {time.monotonic() - begin:.0f} s, {outcome}", flush=True)
    total = sum(test_fuzz.EXAMPLES_RUN.values())
    print(f"fuzz_long: {total} examples in {time.monotonic() - started:.0f} s, seed {seed}: "
          + (f"{len(failed)} properties failed: {', '.join(failed)}" if failed else "no failure"), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
