"""What a workstation and the central sync server share: the wire format of sync.

``messages`` holds the requests and answers (pydantic models, limits, header names); ``values`` turns a
synced table's column values into their JSON form and back. The workstation (``app.sync``,
``app.changelog``) and the server (``db.server``) both import from here, so the workstation never imports
the server package.
"""
