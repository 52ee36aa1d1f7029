from axes.backends import AxesStandaloneBackend


class TestClientFriendlyAxesBackend(AxesStandaloneBackend):
    """django-axes refuses to authenticate without a request, by design; Django's test
    `Client.login()` has none. In tests only, such logins skip the attempt tracking. Sign-ins
    over HTTP (the admin login form) always carry the request and stay limited."""

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
