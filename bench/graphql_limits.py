"""How fast /graphql/ refuses the hostile documents of issue 11 (nothing runs, so no database is needed).

    .venv/bin/python bench/graphql_limits.py [--runs 50]

Prints the median and p95 time to answer each with its coded error (target: well under 50 ms each; before the
limits, the 8-level query took 18 s and the 15-level one ran for minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FRAGMENT_LEVELS = 40
DOCUMENTS = {
    "8-level variants/product": '{products(first:100,channel:"default-channel"){edges{node{'
                                + "variants{product{" * 4 + "name" + "}" * 8 + "}}}}",
    "15-level variants/product": '{products(first:100,channel:"default-channel"){edges{node{'
                                 + "variants{product{" * 8 + "name" + "}" * 16 + "}}}}",
    "1000 aliases": "{" + " ".join(f"a{i}: shop {{ name }}" for i in range(1000)) + "}",
    "fragments spread 2**40 times": "{ ...F0 }\n" + "".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n" for i in range(FRAGMENT_LEVELS))
    + f"fragment F{FRAGMENT_LEVELS} on Query {{ shop {{ name }} }}\n",
    "60,000-token document": "{ shop { " + "name " * 60_000 + "} }",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.config.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from marketplace.graphql.views import GraphQLView

    view = GraphQLView.as_view()
    factory = RequestFactory()
    for name, query in DOCUMENTS.items():
        times, code = [], None
        for _ in range(args.runs):
            request = factory.post("/graphql/", json.dumps({"query": query}), content_type="application/json")
            request.user = AnonymousUser()
            started = time.perf_counter()
            response = view(request)
            times.append(time.perf_counter() - started)
            code = json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        times.sort()
        print(f"{name:32} {code:18} median {statistics.median(times) * 1000:7.2f} ms   "
              f"p95 {times[int(len(times) * 0.95) - 1] * 1000:7.2f} ms   ({len(query)} bytes)")


if __name__ == "__main__":
    main()
