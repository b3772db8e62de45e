"""The web layer: server-rendered pages on the same code and database as the service.

``app.create_app`` builds the FastAPI application (security headers, static
files, templates, the probes and the businesses' track pages; other routers,
such as the caseworkers' desk and the operators' pages, come in through
``extra_routers``). ``intake web`` serves it with uvicorn; ``intake serve --web``
runs it next to the service in one process.
"""
