"""Classic nbdev 2 setup.py: every setting is read from settings.ini (no pkg_resources, which new setuptools dropped)."""
from configparser import ConfigParser
import re, setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

expected = 'version description keywords author author_email license git_url lib_name lib_path min_python status audience language'.split()
missing = [k for k in expected if k not in cfg]
if missing: raise KeyError(f"settings.ini is missing keys: {missing}")

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License'),
            'mit': ('MIT License', 'OSI Approved :: MIT License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()

def reqs(key):
    "Split a whitespace-separated requirement list, keeping specifiers such as `fastcore>=1.5,<2` intact."
    return cfg.get(key, '').split()

lic = licenses[cfg['license'].lower()]
min_python = cfg['min_python']
requirements = reqs('requirements')
extras = {k: reqs(f'{k}_requirements') for k in ('train', 'llm', 'demo', 'real', 'bench', 'app')}
# `dev` holds everything the test suite needs; the benchmark peers (`bench`) stay opt-in because they are heavy.
extras['dev'] = sorted(set(extras['train'] + extras['llm'] + extras['demo'] + extras['real'] + extras['app'])
                       | set(reqs('dev_requirements')))

long_description = open('README.md', encoding='utf-8').read()
# Make relative image links absolute so they render on PyPI.
long_description = re.sub(r'(!\[.*?\]\()(?!http)(.*?\))', rf"\1{cfg['git_url']}/raw/{cfg.get('branch','main')}/\2", long_description)

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    license=lic[0],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])],
                 'Intended Audience :: ' + cfg['audience'].title(),
                 'Natural Language :: ' + cfg['language'].title(),
                 'License :: ' + lic[1]] +
                ['Programming Language :: Python :: ' + v for v in py_versions[py_versions.index(min_python):]],
    url=cfg['git_url'],
    project_urls={'Documentation': cfg['doc_host'] + cfg['doc_baseurl'], 'Source': cfg['git_url']},
    packages=setuptools.find_packages(include=[cfg['lib_path'], cfg['lib_path'] + '.*']),
    include_package_data=True,
    package_data={cfg['lib_path']: ['assets/**/*']},
    install_requires=requirements,
    extras_require=extras,
    python_requires='>=' + min_python,
    long_description=long_description,
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={
        'console_scripts': cfg.get('console_scripts', '').split(),
        'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"],
    },
    author=cfg['author'], author_email=cfg['author_email'],
    description=cfg['description'], keywords=cfg['keywords'],
)
