"""Run notebooks and save the outputs of their example cells, so the docs show results (nbdev_clean keeps outputs).

    python .ci/outputs.py nbs/00_sae.ipynb ...   # the given notebooks
    python .ci/outputs.py                        # every notebook

Cells flagged `slow`/`notest` are skipped, as in the tests. Export and hidden cells keep no output. Progress bars,
warnings printed to stderr and outputs over 300 kB are not saved; a cell that fails stops the run and nothing of
that notebook is written.
"""
from __future__ import annotations
import argparse, json, os, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_FLAGS = {'slow', 'notest'}
HIDDEN = re.compile(r'^#\|\s*(export|exports|exporti|hide|include:\s*false)\b', re.M)
MAX_BYTES = 300_000


def _flags(src: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r'^#\|\s*(\w+)', src, re.M)}


def _keep(out: dict) -> bool:
    "Whether to save one output: no stderr (progress bars, warnings), nothing huge."
    if out.get('output_type') == 'stream' and out.get('name') == 'stderr': return False
    return len(json.dumps(out)) <= MAX_BYTES


def run(path: Path) -> int:
    "Execute `path` top to bottom in a fresh shell; write the example cells' outputs back. Returns cells with output."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    nb = read_nb(path)
    cwd = os.getcwd()
    os.chdir(path.parent)  # notebooks run from their folder, as in nbdev_test
    try:
        shell, n = CaptureShell(), 0
        for cell in nb.cells:
            if cell.cell_type != 'code': continue
            if _flags(cell.source) & SKIP_FLAGS:
                cell.outputs = []
                continue
            outputs = shell.run(cell.source)
            if shell.exc: raise RuntimeError(f'{path.name}: a cell failed:\n{cell.source[:300]}') from shell.exc
            cell.outputs = [] if HIDDEN.search(cell.source) else [o for o in outputs if _keep(o)]
            for o in cell.outputs: o.pop('execution_count', None)
            n += bool(cell.outputs)
    finally: os.chdir(cwd)
    write_nb(nb, path)
    return n


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('nbs', nargs='*', help='notebooks (default: all of nbs/)')
    a = ap.parse_args()
    os.environ.setdefault('HF_HUB_OFFLINE', '1')
    os.environ.setdefault('WANDB_MODE', 'disabled')
    paths = [Path(p).resolve() for p in a.nbs] or sorted((ROOT / 'nbs').glob('*.ipynb'))
    for p in paths: print(f'{p.name}: {run(p)} cells with saved output', flush=True)
