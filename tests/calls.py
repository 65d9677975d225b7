"""Which calls a test's requests made of a function, without changing what the function does."""

from collections.abc import Callable


def recorded_calls(monkeypatch, owner, name: str, what: Callable[..., object]) -> list:
    """Wrap `owner.name` (a module's function) for the test: each call still runs it, and
    what(*args, **kwargs) is appended to the list returned."""
    original = getattr(owner, name)
    calls: list = []

    def wrapper(*args, **kwargs):
        calls.append(what(*args, **kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return calls
