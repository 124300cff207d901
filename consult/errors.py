"""The base of every domain error: a stable code the web layer turns into a translated message."""


class DomainError(Exception):
    def __init__(self, code: str, **detail):
        super().__init__(code)
        self.code = code
        self.detail = detail
