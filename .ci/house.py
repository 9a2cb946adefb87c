"""House rules that ruff doesn't check, over the exported package and the notebooks:

- no function or method in the package is longer than 60 lines;
- no line of the package is over 120 characters but nbdev's generated `__all__` (ruff checks the notebooks' lines);
- every module docstring is one whole sentence (the notebook's `>` summary, which nbdev exports);
- tests say what broke: no `test_eq(<condition>, True)`, which can only fail with "False != True";
- library prose names the project it compares with, not "the seed" or "the acceptance test".

    python .ci/house.py     # exit 1 and one line per finding
"""
from __future__ import annotations
import ast, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG, NBS, MAX_LINES = ROOT / 'open_concept_steering', ROOT / 'nbs', 60
BOOL_TEST = re.compile(r'test_eq\((?:[^()]|\([^()]*\))*,\s*(?:True|False)\s*\)')
JARGON = re.compile(r'\bthe seed(?:\'s|s)?\b|\bseed code\b|\bacceptance (?:test|criteri)', re.I)


def long_functions() -> list[str]:
    out = []
    for p in sorted(PKG.glob('*.py')):
        if p.name == '_modidx.py': continue
        for n in ast.walk(ast.parse(p.read_text())):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_LINES:
                out.append(f'{p.name}:{n.lineno}: {n.name} is {n.end_lineno - n.lineno + 1} lines (at most {MAX_LINES})')
    return out


def long_lines() -> list[str]:
    "Package lines over 120 characters that nbdev did not generate (its `__all__` wrapping ignores the prefix)."
    return [f'{p.name}:{i}: line of {len(line)} characters' for p in sorted(PKG.glob('*.py')) if p.name != '_modidx.py'
            for i, line in enumerate(p.read_text().splitlines(), 1) if len(line) > 120 and not line.startswith('__all__')]


def docstrings() -> list[str]:
    out = []
    for p in sorted(PKG.glob('*.py')):
        if p.name in ('_modidx.py', '__init__.py'): continue
        doc = ast.get_docstring(ast.parse(p.read_text()))
        if not doc: out.append(f'{p.name}: no module docstring')
        elif '\n' in doc.strip() or not doc.strip().endswith(('.', '!', '?')):
            out.append(f'{p.name}: the module docstring is not one whole sentence: {doc.strip()[-60:]!r}')
    return out


def cells(kind: str):
    for p in sorted(NBS.glob('*.ipynb')):
        for i, c in enumerate(json.loads(p.read_text())['cells']):
            if c['cell_type'] == kind: yield p.name, i, ''.join(c['source'])


def bool_tests() -> list[str]:
    return [f'{nb} cell {i}: {m.group(0)[:80]} (test the values, or assert with a message)'
            for nb, i, src in cells('code') for m in BOOL_TEST.finditer(src)]


def jargon() -> list[str]:
    found = [(nb, i, m.group(0)) for kind in ('markdown', 'code') for nb, i, src in cells(kind)
             for m in JARGON.finditer(src)]
    return [f'{nb} cell {i}: {word!r} in library prose (name the project, or drop the comparison)' for nb, i, word in found]


if __name__ == '__main__':
    problems = long_functions() + long_lines() + docstrings() + bool_tests() + jargon()
    for line in problems: print(line)
    print(f'house rules: {len(problems)} findings')
    sys.exit(1 if problems else 0)
