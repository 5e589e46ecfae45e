"""Generate ``countries.csv`` from pycountry and country_converter.

Run from the repository root after upgrading either library:

    python graphkit/data/actors/make_countries.py

The output is the library-derived base table (ids, short and official names,
UN membership). It is committed; hand curation (display names, extra aliases,
capitals, seats of power, demonyms) lives in ``country_forms.csv`` and is
merged when the knowledge base loads, so re-running this script never loses
an edit. country_converter's own loader is not used (it breaks on some pandas
versions); its data table is read directly.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pycountry

OUT = Path(__file__).with_name("countries.csv")
# states and territories that act in the news but are not UN members
EXTRA = {"TWN", "XKX", "PSE", "HKG", "VAT", "COK", "NIU", "GRL", "MAC"}
FIELDS = ("id", "iso2", "name", "official_name", "un_member", "aliases")


def coco_rows() -> list[dict]:
    table = resources.files("country_converter").joinpath("country_data.tsv")
    with table.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def clean(name: str | None) -> str | None:
    """A library name usable as running text, or None ("Korea, Republic of" is not)."""
    if not name or "," in name or "(" in name:
        return None
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def country_row(row: dict) -> dict:
    iso3 = row["ISO3"]
    names = [row["name_short"], row["name_official"]]
    record = pycountry.countries.get(alpha_3=iso3)
    if record is not None:
        names += [record.name, getattr(record, "official_name", None), getattr(record, "common_name", None)]
    aliases: list[str] = []
    for name in map(clean, names):
        if name and name not in aliases:
            aliases.append(name)
    short = clean(row["name_short"]) or aliases[0]
    official = clean(row["name_official"]) or short
    return {
        "id": iso3,
        "iso2": row["ISO2"],
        "name": short,
        "official_name": official,
        "un_member": "yes" if row["UNmember"].strip() else "no",
        "aliases": "|".join(a for a in aliases if a not in (short, official)),
    }


def main() -> None:
    rows = [country_row(r) for r in coco_rows() if r["UNmember"].strip() or r["ISO3"] in EXTRA]
    rows.sort(key=lambda r: r["id"])
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
