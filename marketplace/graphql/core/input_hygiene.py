"""Argument checks at the edge, before any resolver runs: text that no column can store and dates no calendar
needs are refused with a coded error naming the argument, instead of ending in a database error further down.

- NUL characters (PostgreSQL text cannot hold them) and lone surrogates (not encodable as UTF-8);
- strings longer than GRAPHQL_MAX_STRING_LENGTH (nothing we store is longer), and fields of an input object longer
  than the column they are stored in: `FooInput` / `FooCreateInput` is stored in model `Foo` (or the model
  named in INPUT_MODELS), its `streetAddress1` in `street_address_1`; a value that still overflows a column is
  answered by `database_error_as_input`;
- dates and datetimes outside 1900–2999 (year 1 overflows date arithmetic; nothing OCOP is older than 1900).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import DataError, models
from graphql import GraphQLError, GraphQLInputObjectType, GraphQLList, GraphQLNonNull

from marketplace.graphql.core.errors import coded_error

FORBIDDEN_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
YEAR_MIN, YEAR_MAX = 1900, 2999
# Input objects whose model is not named after them.
INPUT_MODELS = {"FairBoothInput": "fair.Booth", "AccountRegisterInput": "account.User"}


@cache
def _column_limits(input_type_name: str) -> dict[str, int]:
    label = INPUT_MODELS.get(input_type_name)
    if label is not None:
        model = apps.get_model(label)
    else:
        base = input_type_name.removesuffix("Input").removesuffix("Create").removesuffix("Update")
        model = next((m for m in apps.get_models() if m.__name__ == base), None)
    if model is None:
        return {}
    return {f.name: f.max_length for f in model._meta.get_fields()
            if isinstance(f, models.CharField) and f.max_length and not f.choices}


def _column_problem(value, graphql_type, path: str) -> GraphQLError | None:
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    if isinstance(graphql_type, GraphQLList) and isinstance(value, list | tuple):
        for index, item in enumerate(value):
            problem = _column_problem(item, graphql_type.of_type, f"{path}[{index}]")
            if problem is not None:
                return problem
        return None
    if not isinstance(graphql_type, GraphQLInputObjectType) or not isinstance(value, dict):
        return None
    limits = _column_limits(graphql_type.name)
    for name, field in graphql_type.fields.items():
        key = field.out_name or name
        item = value.get(key)
        if item is None:
            continue
        limit = limits.get(key)
        if isinstance(item, str) and limit is not None and len(item) > limit:
            return coded_error(f"`{path}.{name}` is longer than {limit} characters.", "VALUE_TOO_LONG",
                               field=f"{path}.{name}")
        problem = _column_problem(item, field.type, f"{path}.{name}")
        if problem is not None:
            return problem
    return None


def _problem(value, path: str, max_length: int) -> GraphQLError | None:
    if isinstance(value, str):
        if len(value) > max_length:
            return coded_error(f"`{path}` is longer than {max_length} characters.", "VALUE_TOO_LONG", field=path)
        if FORBIDDEN_CHARACTERS.search(value):
            return coded_error(f"`{path}` contains a NUL character or an unpaired surrogate.", "INVALID_CHARACTERS",
                               field=path)
        return None
    if isinstance(value, date):  # datetime is a date too
        if not YEAR_MIN <= value.year <= YEAR_MAX:
            return coded_error(f"`{path}` must be a date between {YEAR_MIN} and {YEAR_MAX}.", "DATE_OUT_OF_RANGE",
                               field=path)
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _problem(key, path, max_length) or _problem(item, f"{path}.{key}", max_length)
            if problem is not None:
                return problem
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            problem = _problem(item, f"{path}[{index}]", max_length)
            if problem is not None:
                return problem
    return None


def arguments_problem(args: dict, field_args: dict) -> GraphQLError | None:
    """`field_args`: the field's GraphQL arguments by name, for the column lengths of input objects."""
    max_length = settings.GRAPHQL_MAX_STRING_LENGTH
    by_python_name = {(a.out_name or n): (n, a) for n, a in field_args.items()}
    for name, value in args.items():
        graphql_name, argument = by_python_name.get(name, (name, None))
        problem = _problem(value, graphql_name, max_length)
        if problem is None and argument is not None:
            problem = _column_problem(value, argument.type, graphql_name)
        if problem is not None:
            return problem
    return None


def input_hygiene_middleware(next_, root, info, **args):
    """graphql-core middleware: runs before every resolver, so every argument of every field is covered."""
    if args:
        field = info.parent_type.fields.get(info.field_name)
        problem = arguments_problem(args, field.args if field is not None else {})
        if problem is not None:
            raise problem
    return next_(root, info, **args)


def database_error_as_input(error: BaseException) -> dict | None:
    """A value the checks above let through but the database refused (longer than its column, out of a numeric
    range): the client's input, not a server fault, so it is answered with a code and no SQL."""
    if isinstance(error, DataError):
        return {"message": "A value is too long or out of range for its field.",
                "extensions": {"exception": {"code": "VALUE_OUT_OF_RANGE"}}}
    if isinstance(error, OverflowError):
        return {"message": "A number or date is out of range.", "extensions": {"exception": {
            "code": "VALUE_OUT_OF_RANGE"}}}
    return None
