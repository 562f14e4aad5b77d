"""Compare our schema with Saleor's SDL: every type, field, argument, input field and enum value present in
both must have the same kind, type and nullability. Used by the compatibility test and `manage.py
graphql_compat`; it lives here (not in tests) so a developer can run it while adding fields."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    Undefined,
    build_schema,
    print_schema,
)


def _kind(t: object) -> str:
    return type(t).__name__


def schema_differences(ours: GraphQLSchema, saleor: GraphQLSchema) -> list[str]:
    """A sorted list of human-readable differences (empty when compatible)."""
    diffs: list[str] = []
    for name, our_type in ours.type_map.items():
        if name.startswith("__") or name not in saleor.type_map:
            continue
        their_type = saleor.type_map[name]
        if _kind(our_type) != _kind(their_type):
            diffs.append(f"{name}: is {_kind(our_type)}, Saleor has {_kind(their_type)}")
            continue
        if isinstance(our_type, GraphQLObjectType | GraphQLInterfaceType):
            for fname, field in our_type.fields.items():
                their_field = their_type.fields.get(fname)  # type: ignore[union-attr]
                if their_field is None:
                    continue
                if str(field.type) != str(their_field.type):
                    diffs.append(f"{name}.{fname}: type {field.type}, Saleor has {their_field.type}")
                for aname, arg in field.args.items():
                    their_arg = their_field.args.get(aname)
                    if their_arg is None:
                        if str(arg.type).endswith("!") and arg.default_value is Undefined:
                            diffs.append(f"{name}.{fname}({aname}): required argument Saleor does not have")
                        continue
                    if str(arg.type) != str(their_arg.type):
                        diffs.append(f"{name}.{fname}({aname}): type {arg.type}, Saleor has {their_arg.type}")
                for aname, their_arg in their_field.args.items():
                    if aname not in field.args and str(their_arg.type).endswith("!"):
                        diffs.append(f"{name}.{fname}({aname}): Saleor's required argument is missing")
            if isinstance(our_type, GraphQLObjectType):
                their_ifaces = {i.name for i in their_type.interfaces}  # type: ignore[union-attr]
                for iface in our_type.interfaces:
                    if iface.name in saleor.type_map and iface.name not in their_ifaces:
                        diffs.append(f"{name}: implements {iface.name}, Saleor's does not")
        elif isinstance(our_type, GraphQLInputObjectType):
            for fname, field in our_type.fields.items():
                their_field = their_type.fields.get(fname)  # type: ignore[union-attr]
                if their_field is None:
                    if str(field.type).endswith("!") and field.default_value is Undefined:
                        diffs.append(f"{name}.{fname}: required input field Saleor does not have")
                    continue
                if str(field.type) != str(their_field.type):
                    diffs.append(f"{name}.{fname}: type {field.type}, Saleor has {their_field.type}")
            for fname, their_field in their_type.fields.items():  # type: ignore[union-attr]
                if fname not in our_type.fields and str(their_field.type).endswith("!"):
                    diffs.append(f"{name}.{fname}: Saleor's required input field is missing")
        elif isinstance(our_type, GraphQLEnumType):
            ours_values = set(our_type.values)
            extra = ours_values - set(their_type.values)  # type: ignore[union-attr]
            for value in sorted(extra):
                diffs.append(f"{name}.{value}: enum value Saleor does not have")
        elif isinstance(our_type, GraphQLUnionType):
            their_members = {t.name for t in their_type.types}  # type: ignore[union-attr]
            for member in our_type.types:
                if member.name in saleor.type_map and member.name not in their_members:
                    diffs.append(f"{name}: union member {member.name} not in Saleor's union")
    for root in ("query_type", "mutation_type"):
        our_root, their_root = getattr(ours, root), getattr(saleor, root)
        if our_root and their_root and our_root.name != their_root.name:
            diffs.append(f"root {root}: {our_root.name}, Saleor has {their_root.name}")
    return sorted(diffs)


def printed_schema(graphene_schema: object) -> str:
    return print_schema(graphene_schema.graphql_schema)  # type: ignore[attr-defined]


def compare_with_saleor_sdl(graphene_schema: object, saleor_sdl: str) -> list[str]:
    ours = build_schema(printed_schema(graphene_schema))
    return schema_differences(ours, build_schema(saleor_sdl))
