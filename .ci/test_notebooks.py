"""Run every notebook in `nbs/` as a pytest test, so CI gets an `N passed, N failed` line.

Cells flagged with a `tst_flags` flag from settings.ini (`notest`, `slow`) are skipped unless listed in
the environment variable `NBDEV_TEST_FLAGS`, e.g. `NBDEV_TEST_FLAGS=slow pytest .ci`."""
import os
import pytest
import nbdev.test as nbt
from nbdev.config import get_config

os.environ.setdefault('HF_HUB_OFFLINE', '1')
os.environ.setdefault('TRANSFORMERS_OFFLINE', '1')
os.environ.setdefault('WANDB_MODE', 'disabled')
os.environ.setdefault('TOKENIZERS_PARALLELISM', 'false')

cfg = get_config()
NBS = sorted(p for p in cfg.nbs_path.rglob('*.ipynb')
             if not any(part.startswith(('_', '.')) for part in p.relative_to(cfg.nbs_path).parts))
SKIP = cfg.tst_flags.split()
FORCE = os.environ.get('NBDEV_TEST_FLAGS', '').split()

@pytest.mark.parametrize('nb', NBS, ids=[str(p.relative_to(cfg.nbs_path)) for p in NBS])
def test_notebook(nb):
    ok, secs = nbt.test_nb(nb, skip_flags=SKIP, force_flags=FORCE, basepath=cfg.config_path)
    print(f'{nb.name}: {secs:.1f}s')
    assert ok, f'{nb.name} failed (its traceback is printed above)'
