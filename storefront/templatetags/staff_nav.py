from __future__ import annotations

from django import template

from storefront.nav import NavLink, nav_links_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_nav(context) -> list[tuple[NavLink, bool]]:
    """The links this person may open, each with whether it is the current section."""
    request = context.get("request")
    user = context.get("user")
    active = context.get("active_nav")
    path = request.path if request else ""
    links = nav_links_for(user)
    # The longest matching prefix is the current section (/quan-ly/ is everyone's prefix).
    current = active or max((link for link in links if path.startswith(link.url)), key=lambda link: len(link.url),
                            default=NavLink("", "", "")).key
    return [(link, link.key == current) for link in links]
