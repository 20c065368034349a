"""Run every speed benchmark in turn, each in its own process, and print their tables.

    python benchmarks/run_all.py [--quick]

``--quick`` uses fewer repetitions: for a look, not for figures worth quoting.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import PYTHON, machine

HERE = Path(__file__).resolve().parent
#: Script → (full arguments, quick arguments).
BENCHMARKS = {
    "cold_import.py": (["--runs", "21"], ["--runs", "5"]),
    "call_overhead.py": (["--calls", "3000", "--rounds", "15"], ["--calls", "400", "--rounds", "3"]),
    "views.py": (["--runs", "5"], ["--runs", "1", "--repeats", "3"]),
    "search_latency.py": (["--repeats", "7"], ["--repeats", "1"]),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    for script, (full, quick) in BENCHMARKS.items():
        print(f"\n## {script}\n", flush=True)
        subprocess.run([PYTHON, str(HERE / script), *(quick if args.quick else full)], check=True)


if __name__ == "__main__":
    main()
