"""The versioned JSON API (/api/v1): public reading and commenting, and a staff part for programs
holding an API token. Its OpenAPI document is derived from these views and schemas by flask-smorest."""
