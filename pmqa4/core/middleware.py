from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class ThaiFirstLocaleMiddleware:
    """Thai unless the person chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an office PC set to
    English would get English built-in messages around Thai content; our users read Thai first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        # override, not activate: the language must not outlive the request in this thread
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivatePagesMiddleware:
    """A signed-in person's pages are never kept by the browser or a proxy (ASVS 5.0 V14.3.2):
    after signing out, Back on a shared office PC must not show the unit's forms again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response
