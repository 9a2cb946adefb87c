"""The pinned CI environment: `.ci/constraints.txt` lists the exact version of every package CI installs.

    python .ci/constraints.py --check   # the active environment has exactly the pinned versions (CI runs this)
    python .ci/constraints.py --write   # pin what the active environment has now (after a passing test run)

Refreshing on purpose: install without the constraints in a new venv (`OCS_DEPS=latest bash .ci/run`), and when
the tests pass, `--write` from that venv and commit the new file.
"""
from __future__ import annotations
import argparse, re, subprocess, sys
from pathlib import Path

PATH = Path(__file__).with_name('constraints.txt')
HEADER = ("# Exact versions of every package CI installs (`pip install -c .ci/constraints.txt ...` in .ci/run).\n"
          "# Regenerate with `python .ci/constraints.py --write` from a venv whose tests pass (README: Develop).\n")


def _name(req: str) -> str: return re.split(r'[=<>!~ ;\[]', req, maxsplit=1)[0].lower().replace('_', '-')


def installed() -> dict[str, str]:
    "`{name: 'name==version'}` of the active environment, without editable installs or torch's local label."
    out = subprocess.run([sys.executable, '-m', 'pip', 'freeze', '--exclude-editable'], check=True,
                         capture_output=True, text=True).stdout
    pins = [re.sub(r'^(torch(?:vision|audio)?==[^+]+)\+\S+$', r'\1', line.strip())  # 2.13.0+cpu -> 2.13.0
            for line in out.splitlines() if '==' in line]
    return {_name(p): p for p in pins}


def pinned() -> dict[str, str]:
    lines = [line.strip() for line in PATH.read_text().splitlines()]
    return {_name(line): line for line in lines if line and not line.startswith('#')}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--write', action='store_true', help='write the active environment into constraints.txt')
    ap.add_argument('--check', action='store_true', help='fail when the environment differs from constraints.txt')
    a = ap.parse_args()
    if a.write:
        PATH.write_text(HEADER + ''.join(f'{p}\n' for _, p in sorted(installed().items())))
        print(f'wrote {len(installed())} pins to {PATH}')
    if a.check:
        have, want = installed(), pinned()
        bad = [f'  {want[n]} pinned, {have.get(n, "not installed")} installed' for n in sorted(have.keys() & want.keys())
               if have[n] != want[n]]
        extra = sorted(have.keys() - want.keys())
        if extra: bad.append(f'  installed but not pinned: {", ".join(extra)}')
        if bad: sys.exit('the environment differs from .ci/constraints.txt:\n' + '\n'.join(bad))
        print(f'environment matches .ci/constraints.txt ({len(have)} packages)')


if __name__ == '__main__': main()
