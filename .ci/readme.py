"""Write README.md from nbs/index.ipynb without Quarto (nbdev_readme needs it; it cannot be installed offline).

`python .ci/readme.py` writes README.md; `python .ci/readme.py --check` exits 1 if README.md is stale."""
import sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
# Drop directive-only lines (`#| hide` cells vanish entirely) as nbdev would.
cells = []
for c in nb.cells:
    lines = c.source.splitlines()
    if c.cell_type == 'code' and any(l.strip().replace(' ', '') in ('#|hide', '#|include:false') for l in lines): continue
    c.source = '\n'.join(l for l in lines if not l.lstrip().startswith('#|'))
    cells.append(c)
nb.cells = cells
body, _ = MarkdownExporter().from_notebook_node(nb)
text = '<!-- Generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->\n\n' + body.strip() + '\n'
out = root/'README.md'
if '--check' in sys.argv:
    if not out.exists() or out.read_text() != text:
        sys.exit('README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py`.')
    print('README.md is in sync with nbs/index.ipynb')
else:
    out.write_text(text)
    print(f'wrote {out}')
