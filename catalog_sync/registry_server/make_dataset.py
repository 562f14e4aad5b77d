"""Generate the bundled sample registry, deterministically (same seed, same bytes):

    python -m catalog_sync.registry_server.make_dataset            # writes data/registry_sample.json + annex

`generate_records(count=…)` also feeds the benchmark (bench/registry_sync.py). The sample tells the stories
the sync must handle: certificates that expired (some still "active" in the registry, which lags), revocations
with their decision and reason, re-ratings that supersede a certificate up or down (down to 2 stars: no longer
an OCOP product), 1–2 star evaluations, 2019–2022 records with only the old group names, addresses with the
districts and provinces of before 01/07/2025 (Vĩnh Phúc and Hòa Bình are now Phú Thọ), issuers as the rules
of each period say, and a few records the sync must reject."""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from catalog_sync.registry_server.annex_file import write_annex
from catalog_sync.registry_server.dataset import ANNEX_PATH, SAMPLE_PATH
from catalog_sync.registry_server.sample_catalog import (
    ENTERPRISE_BRANDS,
    FAMILY,
    GIVEN,
    LEGACY_BY_GROUP,
    MIDDLE,
    PROVINCES,
    REVOCATION_REASONS,
    VILLAGE_WORDS,
    ProvinceSpec,
    Template,
)

AS_OF = date(2026, 11, 15)  # the day the sample registry was "exported"
SEED = 20261115
DISTRICT_ERA = date(2023, 2, 24)  # districts issue 3★ from here …
PROVINCE_ERA = date(2025, 7, 6)  # … until here; provinces issue 3–4★ again since
MERGER = date(2025, 7, 1)  # two-level government: districts gone, provinces merged
MINISTRY_RENAMED = date(2025, 3, 1)
VN = timezone(timedelta(hours=7))
YEARS = {2019: 6, 2020: 8, 2021: 10, 2022: 12, 2023: 16, 2024: 20, 2025: 17, 2026: 11}
_NAME_SUFFIXES = ("Truyền thống", "Gia truyền", "Đặc biệt", "Thượng hạng", "Hảo hạng", "Cao cấp", "Loại 1")


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _home_district(spec: ProvinceSpec, template: Template) -> str | None:
    """Where a product named after a place comes from: "Cam bù Hương Sơn" from Hương Sơn, "Gốm Hương Canh"
    from the district of Hương Canh."""
    for district, communes in spec.districts.items():
        short = district.removeprefix("Thành phố ").removeprefix("Thị xã ")
        if short in template.name or any(commune in template.name for commune in communes):
            return district
    return None


class SampleRegistry:
    def __init__(self, *, seed: int = SEED, as_of: date = AS_OF) -> None:
        self.rnd = random.Random(seed)
        self.as_of = as_of
        self.records: list[dict] = []
        self._ids: Counter[tuple[str, int]] = Counter()
        self._numbers: Counter[tuple[str, int]] = Counter()
        self._producer_ids: Counter[str] = Counter()
        self._decisions: dict[tuple[str, str, date], str] = {}
        self._producers: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._names: set[str] = set()

    # --- pieces ---------------------------------------------------------------------------------------------

    def person(self) -> str:
        return f"{self.rnd.choice(FAMILY)} {self.rnd.choice(MIDDLE)} {self.rnd.choice(GIVEN)}"

    def day_in(self, year: int) -> date:
        """A decision day of a province's batch: certification councils meet a few times a year."""
        start = date(year, self.rnd.choice((3, 6, 9, 11, 12)), self.rnd.randint(1, 28))
        return min(start, self.as_of - timedelta(days=self.rnd.randint(15, 40)))

    def stamp(self, day: date, *, late_days: tuple[int, int] = (3, 12)) -> str:
        when = datetime.combine(day + timedelta(days=self.rnd.randint(*late_days)), datetime.min.time(), VN)
        when = when.replace(hour=self.rnd.randint(8, 16), minute=self.rnd.randint(0, 59))
        limit = datetime.combine(self.as_of, datetime.min.time(), VN).replace(hour=17)
        return min(when, limit).isoformat()

    def producer(self, spec: ProvinceSpec, district: str, commune: str, template: Template) -> dict:
        pool = self._producers[(spec.prefix, district)]
        if pool and self.rnd.random() < 0.3:
            return self.rnd.choice(pool)
        self._producer_ids[spec.prefix] += 1
        kind = self.rnd.choices(("cooperative", "enterprise", "household", "cooperative_group",
                                 "cooperative_union"), (36, 28, 28, 6, 2))[0]
        person = self.person()
        short = template.short
        name = {
            "cooperative": f"HTX {self.rnd.choice(('Nông nghiệp', f'Sản xuất và Kinh doanh {short}', short))}"
                           " "
                           f"{commune}",
            "enterprise": f"{self.rnd.choice(('Công ty TNHH', 'Công ty cổ phần'))} "
                          f"{self.rnd.choice(ENTERPRISE_BRANDS).format(place=commune)}",
            "household": self.rnd.choice((f"Hộ kinh doanh {person}", f"Cơ sở sản xuất {short} {person}")),
            "cooperative_group": f"Tổ hợp tác {short} {commune}",
            "cooperative_union": f"Liên hiệp HTX {short} {district}",
        }[kind]
        name = name[0].upper() + name[1:]
        producer = {
            "id": f"{spec.prefix}-P-{self._producer_ids[spec.prefix]:04d}", "name": name, "kind": kind,
            "tax_code": f"{spec.tax_prefix}{self.rnd.randint(0, 99_999_999):08d}", "representative": person,
            "phone": self.rnd.choice((f"{spec.phone_area} {self.rnd.randint(3000000, 3999999)}",
                                      f"09{self.rnd.randint(10000000, 99999999)}")),
            "email": f"lienhe{self._producer_ids[spec.prefix]}.{spec.prefix.lower()}@example.com"
            if kind == "enterprise" else None,
            "_line": f"{self.rnd.choice(VILLAGE_WORDS)} {self.rnd.randint(1, 12)}",
            "_commune": commune, "_district": district,
        }
        pool.append(producer)
        return producer

    def address(self, spec: ProvinceSpec, producer: dict, day: date) -> dict:
        district = producer["_district"]
        city = district.startswith(("Thành phố", "Thị xã"))
        commune = f"{'phường' if city else 'xã'} {producer['_commune']}"
        if day < MERGER:
            return {"line": producer["_line"], "commune": commune, "district": district,
                    "province": spec.name}
        return {"line": producer["_line"], "commune": commune, "district": None, "province": spec.current}

    def issuer(self, spec: ProvinceSpec, stars: int, day: date, district: str) -> tuple[str, str, str]:
        """(issuer, level, decision number) as the rules of the decision's date say."""
        province = spec.current if day >= MERGER else spec.name
        if stars == 5:
            ministry = ("Bộ Nông nghiệp và Môi trường" if day >= MINISTRY_RENAMED
                        else "Bộ Nông nghiệp và Phát triển nông thôn")
            suffix = "QĐ-BNN-VPĐP" if day < MINISTRY_RENAMED else "QĐ-BNNMT"
            issuer, level = ministry, "national"
        elif stars == 3 and DISTRICT_ERA <= day < PROVINCE_ERA:
            kind = "thị xã" if district.startswith("Thị xã") else (
                "thành phố" if district.startswith("Thành phố") else "huyện")
            name = district.removeprefix("Thị xã ").removeprefix("Thành phố ")
            issuer, level, suffix = f"UBND {kind} {name}", "district", "QĐ-UBND"
        else:
            kind = "thành phố" if province == "Huế" else "tỉnh"
            issuer, level, suffix = f"UBND {kind} {province}", "province", "QĐ-UBND"
        key = (issuer, suffix, day)
        if key not in self._decisions:
            self._decisions[key] = f"{self.rnd.randint(120, 4200)}/{suffix}"
        return issuer, level, self._decisions[key]

    def score(self, stars: int) -> float:
        low, high = {1: (20, 29.5), 2: (30, 49.5), 3: (50, 69.5), 4: (70, 89.5), 5: (90, 97)}[stars]
        return round(self.rnd.uniform(low, high) * 2) / 2

    # --- records --------------------------------------------------------------------------------------------

    def certify(self, product: dict, *, day: date, stars: int) -> dict:
        spec: ProvinceSpec = product["spec"]
        prefix = spec.prefix
        if day >= MERGER and spec.current != spec.name:
            prefix = next((p.prefix for p in PROVINCES if p.name == spec.current), prefix)
        self._ids[(prefix, day.year)] += 1
        record_id = f"{prefix}-{day.year}-{self._ids[(prefix, day.year)]:04d}"
        issuer, level, decision_no = self.issuer(spec, stars, day, product["producer"]["_district"])
        number_key = "BNN" if level == "national" else prefix
        self._numbers[(number_key, day.year)] += 1
        template: Template = product["template"]
        group, legacy = template.group, None
        legacy_names = LEGACY_BY_GROUP.get(group.split(".")[0]) or LEGACY_BY_GROUP.get(group)
        if day < date(2023, 1, 1) and legacy_names and self.rnd.random() < 0.4:
            group, legacy = None, self.rnd.choice(legacy_names)
        record = {
            "id": record_id, "updated_at": self.stamp(day), "status": "active", "status_decision": None,
            "superseded_by": None,
            "product": {
                "name": product["name"], "group_code": group, "legacy_group": legacy,
                "description": template.description,
                "story": f"Sản phẩm của {product['producer']['name']} tại {product['producer']['_commune']}, "
                         f"{product['producer']['_district']}, theo cách làm truyền thống của địa phương.",
                "packaging": list(template.packaging),
                "images": [f"https://anh.ocop.example/{record_id}/{i}.jpg" for i in (1, 2)],
            },
            "producer": {**{k: v for k, v in product["producer"].items() if not k.startswith("_")},
                         "address": self.address(spec, product["producer"], day)},
            "certificate": {
                "number": f"{self._numbers[(number_key, day.year)]}/{day.year}/GCN-{number_key}",
                "stars": stars, "score": self.score(stars), "issuer_level": level, "issuer": issuer,
                "decision_no": decision_no, "decision_date": day.isoformat(),
                "expires_on": add_months(day, 36).isoformat(),
            },
        }
        record["_published"] = record["updated_at"]
        self.records.append(record)
        return record

    def supersede(self, old: dict, new: dict) -> None:
        """The registry marks the old certificate when it publishes the new one."""
        old["status"], old["superseded_by"] = "superseded", new["id"]
        old["updated_at"] = max(old["updated_at"], new["_published"])

    def revoke(self, record: dict, day: date) -> None:
        record["status"] = "revoked"
        record["status_decision"] = {"no": f"{self.rnd.randint(120, 4200)}/QĐ-UBND", "date": day.isoformat(),
                                     "reason": self.rnd.choice(REVOCATION_REASONS)}
        record["updated_at"] = self.stamp(day, late_days=(1, 5))

    def new_product(self) -> dict:
        spec = self.rnd.choices(PROVINCES, [p.weight for p in PROVINCES])[0]
        template = self.rnd.choice(spec.templates)
        district = _home_district(spec, template) or self.rnd.choice(list(spec.districts))
        commune = self.rnd.choice(spec.districts[district])
        producer = self.producer(spec, district, commune, template)
        name = template.name.format(place=commune)
        for suffix in (*_NAME_SUFFIXES, producer["representative"].split()[-1]):
            if name not in self._names:
                break
            name = f"{template.name.format(place=commune)} {suffix}"
        self._names.add(name)
        return {"spec": spec, "template": template, "producer": producer, "name": name}

    def stars(self) -> int:
        return self.rnd.choices((1, 2, 3, 4, 5), (1, 3, 55, 36, 5))[0]

    def life(self, product: dict, *, day: date, stars: int) -> None:
        """A certificate and what happened to it since: renewal, re-rating, revocation or expiry."""
        record = self.certify(product, day=day, stars=stars)
        expires = add_months(day, 36)
        roll = self.rnd.random()
        if stars < 3:
            return
        if roll < 0.025 and (day + timedelta(days=200)) < self.as_of:
            latest = min(900, (self.as_of - day).days - 10)
            self.revoke(record, day + timedelta(days=self.rnd.randint(180, latest)))
        elif expires - timedelta(days=100) <= self.as_of and roll < 0.5:
            renewal = expires - timedelta(days=self.rnd.randint(-45, 90))
            renewal = min(renewal, self.as_of - timedelta(days=self.rnd.randint(15, 40)))
            change = self.rnd.choices((0, 1, -1), (55, 30, 15))[0]
            self.life_after(record, product, day=max(renewal, day + timedelta(days=400)),
                            stars=min(5, max(2, stars + change)))
        elif roll < 0.55 and day + timedelta(days=600) < self.as_of and stars < 5:
            self.life_after(record, product, day=day + timedelta(days=self.rnd.randint(365, 600)),
                            stars=stars + 1)
        elif expires + timedelta(days=30) <= self.as_of and self.rnd.random() < 0.6:
            record["status"] = "expired"
            record["updated_at"] = self.stamp(expires, late_days=(5, 25))

    def life_after(self, old: dict, product: dict, *, day: date, stars: int) -> None:
        index = len(self.records)
        self.life(product, day=day, stars=stars)
        self.supersede(old, self.records[index])

    def scenarios(self) -> None:
        """Stories the sample must tell, whatever the dice say (recent, so they matter today)."""
        for old_stars, new_stars in ((3, 4), (3, 4), (3, 4), (4, 5), (4, 2), (4, 2), (4, 3), (5, 4), (3, 3)):
            product = self.new_product()
            first = self.certify(product, day=self.day_in(2024), stars=old_stars)
            second = self.certify(product, day=self.day_in(2026), stars=new_stars)
            self.supersede(first, second)
        for _ in range(6):
            record = self.certify(self.new_product(), day=self.day_in(2024), stars=self.rnd.choice((3, 4)))
            self.revoke(record, self.day_in(2026))
        for stars in (1, 2, 2, 2, 2, 1, 2, 2):
            self.certify(self.new_product(), day=self.day_in(self.rnd.choice((2024, 2025, 2026))),
                         stars=stars)
        for _ in range(4):  # expired but the registry still says active
            self.certify(self.new_product(), day=self.day_in(2022), stars=3)
        for _ in range(3):  # expires within weeks: the shop drops them on the day, no sync needed
            self.certify(self.new_product(), day=self.as_of - timedelta(days=365 * 3 - self.rnd.randint(10,
                                                                                                        40)),
                         stars=4)

    def invalid_records(self) -> None:
        """Records the sync must reject (shown in the demo's run log)."""
        for (section, key), value in ((("product", "name"), ""), (("certificate", "stars"), 7),
                                      (("product", "group_code"), "IX.9"),
                                      (("certificate", "expires_on"), "2020-01-01")):
            record = self.certify(self.new_product(), day=self.day_in(2026), stars=4)
            record[section][key] = value

    def generate(self, *, products: int | None = None, count: int | None = None, with_stories: bool = True
                 ) -> list[dict]:
        if with_stories:
            self.scenarios()
        target_products = products or 0
        made = 0
        while (count is not None and len(self.records) < count) or (count is None and made < target_products):
            year = self.rnd.choices(list(YEARS), list(YEARS.values()))[0]
            self.life(self.new_product(), day=self.day_in(year), stars=self.stars())
            made += 1
        if with_stories:
            self.invalid_records()
        records = self.records[:count] if count is not None else self.records
        for record in records:
            record.pop("_published", None)
        return sorted(records, key=lambda r: (r["updated_at"], r["id"]))


def generate_records(*, count: int | None = None, products: int = 270, seed: int = SEED,
                     with_stories: bool = True) -> list[dict]:
    """The sample (default), or exactly `count` records for a benchmark."""
    return SampleRegistry(seed=seed).generate(products=products, count=count, with_stories=with_stories)


def write_records(records: list[dict], path: Path) -> None:
    """One record per line: small diffs when the generator changes."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records)
    path.write_text(f'{{"as_of": "{AS_OF.isoformat()}", "records": [\n{lines}\n]}}\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(SAMPLE_PATH))
    parser.add_argument("--annex", default=str(ANNEX_PATH))
    parser.add_argument("--count", type=int, default=None, help="exactly this many records (benchmarks)")
    args = parser.parse_args(argv)
    records = generate_records(count=args.count, with_stories=args.count is None)
    write_records(records, Path(args.out))
    statuses = Counter(r["status"] for r in records)
    print(f"{len(records)} records -> {args.out}: {dict(statuses)}")
    if args.count is None:
        write_annex(Path(args.annex))
        print(f"annex -> {args.annex}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
