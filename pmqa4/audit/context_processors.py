from pmqa4.org.permissions import actor_of


def central_links(request):
    """Whether to show the central administrator's menu links. A callable, so the template asks
    only when it draws the menu, and reads the role grants the view has usually loaded already."""

    def is_central_admin() -> bool:
        user = getattr(request, "user", None)
        return bool(
            user is not None and user.is_authenticated and actor_of(request).is_central_admin
        )

    return {"nav_central_admin": is_central_admin}
