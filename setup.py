"""Packaging of openfisca_gen.

`parameters/` and `variables/` sit at the top of the repository, where analysts
read and edit them; `package_dir` maps them into the distribution as
`openfisca_gen/parameters` and `openfisca_gen/variables`, so an installed
wheel carries the law with the code; `docs/couverture.yaml`, `docs/bilan.yaml`
and the source excerpts of `docs/sources/` go along as `openfisca_gen/docs`,
for `openfisca-gen coverage` and `openfisca-gen record`.
"""

from pathlib import Path

from setuptools import setup

setup(
    name="openfisca-gen",
    version="0.7.12",
    description=("OpenFisca model of the Grande École du numérique labelling specification and seed funding"),
    long_description=Path("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.11",
    packages=[
        "openfisca_gen",
        "openfisca_gen.pages",
        "openfisca_gen.rapports",
        "openfisca_gen.reforms",
        "openfisca_gen.situation_examples",
        "openfisca_gen.validation",
        "openfisca_gen.parameters",
        "openfisca_gen.variables",
        "openfisca_gen.docs",
    ],
    package_dir={
        "openfisca_gen": "openfisca_gen",
        "openfisca_gen.parameters": "parameters",
        "openfisca_gen.variables": "variables",
        "openfisca_gen.docs": "docs",
    },
    package_data={
        "openfisca_gen": ["donnees/*.csv", "donnees/*.yaml", "openapi_etendu.yaml"],
        "openfisca_gen.pages": ["templates/*.html", "static/*"],
        "openfisca_gen.situation_examples": ["*.json"],
        "openfisca_gen.parameters": ["**/*.yaml"],
        "openfisca_gen.variables": ["**/*.py"],
        "openfisca_gen.docs": ["couverture.yaml", "bilan.yaml", "sources/*"],
    },
    install_requires=[
        "openfisca-core[web-api] >= 46.0.1, < 47",
        "numpy >= 2.0",  # numpy.strings: vectorial checks of ids
        "matplotlib >= 3.8",
        "openpyxl >= 3.1",  # Excel workbooks from calculate and compare
        "pandas >= 2.1",
        "PyYAML >= 6.0.1, < 7",
        "tqdm >= 4.66",
    ],
    extras_require={
        "dev": [
            "build >= 1.0",
            "hypothesis >= 6.100",
            "axe-playwright-python >= 0.1.8, < 0.2",
            "openapi-spec-validator >= 0.7.1, < 0.10",
            "playwright >= 1.50, < 2",
            "pytest >= 8.3, < 10",
            "pytest-xdist >= 3.6, < 4",
            "ruff >= 0.15, < 0.18",
            "yamllint >= 1.35",
        ],
    },
    entry_points={
        "console_scripts": ["openfisca-gen = openfisca_gen.cli:main"],
    },
)
