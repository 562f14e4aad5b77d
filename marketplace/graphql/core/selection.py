"""What fields a query asked for, so resolvers prefetch only what will be read."""

from __future__ import annotations

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode


def _collect(selection_set, fragments, out: dict) -> None:
    if selection_set is None:
        return
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            child = out.setdefault(sel.name.value, {})
            _collect(sel.selection_set, fragments, child)
        elif isinstance(sel, InlineFragmentNode):
            _collect(sel.selection_set, fragments, out)
        elif isinstance(sel, FragmentSpreadNode):
            fragment = fragments.get(sel.name.value)
            if fragment is not None:
                _collect(fragment.selection_set, fragments, out)


def selected_tree(info) -> dict:
    tree: dict = {}
    for node in info.field_nodes:
        _collect(node.selection_set, info.fragments, tree)
    return tree


def connection_node_fields(info) -> dict:
    return selected_tree(info).get("edges", {}).get("node", {})
