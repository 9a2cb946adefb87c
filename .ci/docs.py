"""Offline HTML docs: the notebooks processed exactly as `nbdev_docs` processes them for Quarto (front matter,
`show_doc` API reference, hidden cells and directives), then rendered with nbconvert instead of Quarto (which cannot
be installed offline), with a sidebar, previous/next links and an index page. No network, no scripts from a CDN:
formulas (`$…$`, `$$…$$`) become MathML at build time (latex2mathml), which browsers render natively.

    python .ci/docs.py                 # every notebook -> _docs/ (gitignored)
    python .ci/docs.py --out /tmp/d nbs/index.ipynb nbs/09_cli.ipynb
"""
from __future__ import annotations
import argparse, html, json, os, re, sys, time, warnings
from pathlib import Path
from open_concept_steering.files import atomic_write

ROOT = Path(__file__).resolve().parent.parent


def notebooks(nbs_path: Path) -> list[Path]:
    "Notebooks in sidebar order: `sidebar.yml` first (when present), then any others, as nbdev sorts them."
    import yaml
    found = sorted(p for p in nbs_path.rglob('*.ipynb')
                   if not any(part.startswith(('_', '.')) for part in p.relative_to(nbs_path).parts))
    order = []
    sb = nbs_path / 'sidebar.yml'
    if sb.exists():
        def walk(items):
            for it in items or []:
                if isinstance(it, str): order.append(nbs_path / it)
                elif isinstance(it, dict): walk(it.get('contents'))
        walk((yaml.safe_load(sb.read_text()) or {}).get('website', {}).get('sidebar', {}).get('contents'))
    order = [p for p in order if p in found]
    index = [p for p in found if p.name == 'index.ipynb']
    return list(dict.fromkeys(index + order + found))


def _directives(src: str) -> tuple[dict, str]:
    "Quarto/nbdev `#| key: value` lines at the top of a code cell, and the source without them."
    d, lines = {}, src.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith('#|'):
        k, _, v = lines[i][2:].strip().partition(':')
        d[k.strip()] = v.strip(); i += 1
    return d, '\n'.join(lines[i:])


_CODE = re.compile(r'```.*?```|`[^`\n]*`', re.S)
_DISPLAY = re.compile(r'\$\$(.+?)\$\$', re.S)
_INLINE = re.compile(r'(?<![\\$\w])\$(?=[^\s$])((?:[^$\\]|\\.)+?)(?<=[^\s\\])\$(?![\d$])')

def _mathml(tex, display, errors):
    "MathML for one formula (Chromium and Firefox render MathML Core natively: no MathJax, no network)."
    from latex2mathml.converter import convert
    try: return convert(tex.strip(), display='block' if display else 'inline')
    except Exception as e:
        errors.append(f'{tex!r}: {e}')
        return f'<code>{tex}</code>'

def markdown_math(md: str, errors: list) -> str:
    "Markdown with `$…$` and `$$…$$` turned into MathML (code spans and fences left alone)."
    parts, last = [], 0
    for m in _CODE.finditer(md):
        parts += [(md[last:m.start()], True), (m.group(0), False)]
        last = m.end()
    parts.append((md[last:], True))
    out = []
    for text, is_prose in parts:
        if is_prose:
            text = _DISPLAY.sub(lambda m: '\n\n' + _mathml(m.group(1), True, errors) + '\n\n', text)
            text = _INLINE.sub(lambda m: _mathml(m.group(1), False, errors), text)
        out.append(text)
    return ''.join(out)


def process(nb_path: Path, errors: list | None = None) -> tuple[dict, dict]:
    "(front matter, nbformat notebook) of `nb_path` after nbdev's doc processors and the Quarto directives."
    import nbformat, yaml
    from execnb.nbio import read_nb, nb2dict
    from nbdev.processors import FilterDefaults, exec_show_docs
    class NoExec(FilterDefaults):  # fallback: the page without executed show_doc output
        def base_procs(self): return [p for p in super().base_procs() if p is not exec_show_docs]
    cwd = os.getcwd()
    os.chdir(nb_path.parent)  # notebooks run from their folder, as in nbdev_test
    try:
        nb = read_nb(nb_path)
        try: FilterDefaults()(nb)
        except Exception as e:  # e.g. nbdev executes a test cell that mixes imports and code (nbdev FAQ)
            msg = f"{nb_path.name}: nbdev's doc processing failed ({str(e).splitlines()[0]}; cause: {e.__cause__!r}); page rendered without API docs"
            print('WARNING ' + msg, file=sys.stderr)
            if errors is not None: errors.append(msg)
            nb = read_nb(nb_path); NoExec()(nb)
    finally: os.chdir(cwd)
    fm, cells = {}, []
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.startswith('---'):
            fm = yaml.safe_load(c.source.strip().strip('-')) or {}
            continue
        if c.cell_type == 'markdown' and c.source.startswith('<!-- WARNING'): continue
        if c.cell_type == 'markdown':
            bad = []
            c.source = markdown_math(c.source, bad)
            if errors is not None: errors += [f'{nb_path.name}: formula not converted to MathML: {b}' for b in bad]
        if c.cell_type == 'code':
            d, src = _directives(c.source)
            if d.get('include') == 'false' or 'hide' in d: continue
            c.source = src
            if d.get('output') == 'false': c.outputs = []
            if d.get('echo') == 'false' or not src.strip():
                c.metadata.setdefault('tags', []).append('remove_input')
        cells.append(c)
    nb.cells = cells
    d = nb2dict(nb)
    for c in d['cells']:
        c.pop('idx_', None); c.pop('directives_', None)
        if c['cell_type'] == 'code': c.setdefault('execution_count', None); c.setdefault('outputs', [])
        for o in c.get('outputs', []):
            if o.get('output_type') == 'execute_result': o.setdefault('execution_count', None); o.setdefault('metadata', {})
            if o.get('output_type') == 'display_data': o.setdefault('metadata', {})
    d.setdefault('nbformat', 4); d.setdefault('nbformat_minor', 5); d.setdefault('metadata', {})
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        node = nbformat.reads(json.dumps(d), as_version=4)  # rejoins multi-line strings, as reading a file does
    return fm, node


_PAGE_CSS = """
body{margin:0} .ocs-layout{display:flex;align-items:flex-start}
.ocs-nav{position:sticky;top:0;min-width:230px;max-width:260px;height:100vh;overflow:auto;padding:1em;
 border-right:1px solid #ddd;background:#fafafa;font:14px system-ui,sans-serif;box-sizing:border-box}
.ocs-nav a{display:block;padding:3px 4px;color:#1a5fb4;text-decoration:none;border-radius:3px}
.ocs-nav a.current{background:#e4ecf7;font-weight:600} .ocs-nav .ocs-site{font-weight:700;font-size:16px;color:#222}
.ocs-main{flex:1;min-width:0;padding:0 1.5em 2em} .ocs-prevnext{display:flex;justify-content:space-between;
 margin:2em 0;font:14px system-ui,sans-serif} .ocs-desc{font-style:italic;opacity:.75;font-size:125%}
"""


def _strip_remote(page: str) -> str:
    "Drop `<script src=http...>` / `<link href=http...>` tags: the offline docs load nothing from the network."
    page = re.sub(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>', '', page)
    # inline loaders (jupyter widgets from unpkg, mermaid from cdnjs) that fetch code from the network
    page = re.sub(r'<script(?: type="module")?>(?:(?!</script>).)*?https?://(?:(?!</script>).)*</script>', '', page, flags=re.S)
    page = re.sub(r'<link[^>]*\bhref="https?://[^"]*"[^>]*>', '', page)
    # MathJax config block of the template (it would try to load MathJax from a CDN)
    return re.sub(r'<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->', '', page, flags=re.S)


def build(out: Path = ROOT / '_docs', nbs: list[Path] | None = None, quiet: bool = False) -> list[Path]:
    "Render `nbs` (default: every notebook) to `out`; returns the HTML files written."
    from nbconvert import HTMLExporter
    from nbdev.config import get_config
    cfg = get_config(path=ROOT)
    nbs_path = cfg.nbs_path
    nbs = [Path(p).resolve() for p in nbs] if nbs else notebooks(nbs_path)
    missing = [str(p) for p in nbs if not p.exists()]
    if missing: raise FileNotFoundError(f"docs: notebooks not found: {missing}")
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    site = cfg.doc_host.rstrip('/') + '/' + cfg.doc_baseurl.strip('/') + '/'
    pages, errors = [], []
    for p in nbs:
        t = time.perf_counter()
        fm, node = process(p, errors)
        name = 'index.html' if p.name == 'index.ipynb' else fm.get('output-file') or re.sub(r'^\d+[a-z]?_', '', p.stem) + '.html'
        pages.append(dict(src=p, name=name, title=fm.get('title') or p.stem, desc=fm.get('description', ''), node=node))
        if not quiet: print(f'processed {p.relative_to(nbs_path)} -> {name} ({time.perf_counter() - t:.1f}s)', flush=True)
    exp = HTMLExporter(template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True)
    from nbconvert.preprocessors import TagRemovePreprocessor
    exp.register_preprocessor(TagRemovePreprocessor(remove_input_tags={'remove_input'}, enabled=True), enabled=True)
    written = []
    for i, pg in enumerate(pages):
        body, _ = exp.from_notebook_node(pg['node'], resources={'metadata': {'name': pg['title']}})
        body = _strip_remote(body).replace(site, '')  # links to the published site become relative
        body = re.sub(r'\{target=(?:"|&quot;)_blank(?:"|&quot;)[^}<]*\}', '', body)  # Quarto link attributes of show_doc
        nav = ''.join(f'<a href="{html.escape(q["name"])}"{" class=current" if q is pg else ""}>{html.escape(q["title"])}</a>'
                      for q in pages)
        prev = f'<a href="{pages[i-1]["name"]}">← {html.escape(pages[i-1]["title"])}</a>' if i > 0 else '<span></span>'
        nxt = f'<a href="{pages[i+1]["name"]}">{html.escape(pages[i+1]["title"])} →</a>' if i + 1 < len(pages) else '<span></span>'
        head = f'<h1>{html.escape(pg["title"])}</h1>' + (f'<p class="ocs-desc">{html.escape(pg["desc"])}</p>' if pg['desc'] else '')
        body = body.replace('</head>', f'<style>{_PAGE_CSS}</style></head>', 1)
        body = re.sub(r'<body([^>]*)>', lambda m: f'<body{m.group(1)}><div class="ocs-layout"><nav class="ocs-nav">'
                      f'<a class="ocs-site" href="index.html">{html.escape(cfg.title)}</a>{nav}</nav><main class="ocs-main">{head}', body, count=1)
        body = body.replace('</body>', f'<div class="ocs-prevnext">{prev}{nxt}</div></main></div></body>', 1)
        dest = out / pg['name']
        atomic_write(dest, lambda t: Path(t).write_text(body, encoding='utf-8'))
        written.append(dest)
    if not quiet: print(f'{len(written)} pages in {out}' + (f'; {len(errors)} with errors:' if errors else ''))
    for e in errors: print('  ' + e, file=sys.stderr)
    build.errors = errors
    return written


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('nbs', nargs='*', help='notebooks to render (default: all)')
    ap.add_argument('--out', default=str(ROOT / '_docs'), help='output folder (default: _docs)')
    ap.add_argument('--allow-errors', action='store_true', help='exit 0 even if a page could not be processed fully')
    a = ap.parse_args()
    os.environ.setdefault('HF_HUB_OFFLINE', '1'); os.environ.setdefault('WANDB_MODE', 'disabled')
    build(Path(a.out), a.nbs or None)
    sys.exit(1 if build.errors and not a.allow_errors else 0)
